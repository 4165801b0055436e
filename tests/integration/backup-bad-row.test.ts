import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createServices, type Services } from '../../src/container.ts';
import { BackupFileError, backupDatabase, restoreDatabase } from '../../src/storage/backup.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');

for (const database of await allDatabases()) {
  describe(`restore of a file with a row the database refuses, on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let work: string;

    before(async () => {
      services = await createServices(database.config);
      work = mkdtempSync(join(tmpdir(), 'tripartite-bad-row-'));
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    test('a well-formed file whose declaration points at no ratification is a bad file, and nothing changes', async () => {
      const file = join(work, 'good.jsonl.gz');
      await backupDatabase(services.handle, file, NOW);
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const at = lines.findIndex((l) => l.startsWith('{"table":"declarations"'));
      assert.ok(at > 0, 'the backup holds declarations');
      const line = JSON.parse(lines[at] as string) as { table: string; row: Record<string, unknown> };
      line.row.ratification_id = 987654321;
      lines[at] = JSON.stringify(line);
      const bad = join(work, 'bad-row.jsonl.gz');
      writeFileSync(bad, gzipSync(lines.join('\n')));

      const before = (await services.registry.getCountryProfile('IDN')).ratifications.length;
      await assert.rejects(restoreDatabase(services.handle, bad, { replace: true }), (e: Error) => {
        assert.ok(e instanceof BackupFileError, `${e.constructor.name}: ${e.message}`);
        assert.match(e.message, /rows of declarations cannot be stored .*the file is corrupt/);
        return true;
      });
      assert.equal((await services.registry.getCountryProfile('IDN')).ratifications.length, before);
    });
  });
}
