import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { createServices } from '../../src/container.ts';
import { readBundle } from '../../src/storage/bundle.ts';
import { BUNDLED_DATA_DIR } from '../../src/storage/paths.ts';
import { allDatabases } from '../support/databases.ts';

for (const database of await allDatabases()) {
  describe(`storage on ${database.name}`, { skip: database.skip }, () => {
    after(() => database.cleanup());

    test('processes starting together on one empty database migrate and seed it once', async () => {
      const script = `const { createServices } = await import(${JSON.stringify(new URL('../../src/container.ts', import.meta.url).href)});
        const s = await createServices(JSON.parse(process.env.CONFIG)); await s.close();`;
      const codes = await Promise.all(
        [1, 2, 3].map(
          () =>
            new Promise<number>((resolve) => {
              const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
                // The data key is a Buffer, which JSON cannot carry; migrating and seeding need none.
                env: { ...process.env, CONFIG: JSON.stringify({ ...database.config, dataKeys: undefined }) },
                stdio: ['ignore', 'inherit', 'inherit'],
              });
              child.on('exit', (code) => resolve(code ?? 1));
            }),
        ),
      );
      assert.deepEqual(codes, [0, 0, 0]);
      const s = await createServices(database.config);
      try {
        const all = await s.registry.listRatifications({}, { page: 1, pageSize: 1 });
        assert.equal(all.total, (await readBundle(BUNDLED_DATA_DIR)).ratifications.length);
        const idn = await s.registry.getCountryProfile('IDN');
        assert.equal(idn.childLabour.c138.ratification?.declarations.length, 1);
        assert.equal(await s.repo.countInstruments(), 405);
      } finally {
        await s.close();
      }
    });

    test('a reopened database keeps its data and is not seeded again', async () => {
      const s = await createServices(database.config);
      try {
        assert.equal(await s.repo.countInstruments(), 405);
        const c138 = await s.registry.getInstrument('C138');
        assert.equal(c138.recordedRatifications, 176);
      } finally {
        await s.close();
      }
    });
  });
}
