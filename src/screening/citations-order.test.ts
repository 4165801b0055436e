import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenCsv } from './index.ts';
import { Collector, parseCsv, pieces, registryFacts } from './testing.ts';

const ON = '2026-06-15';

/** Screens rows `country,birth_date,work` and returns the output rows by worker id. */
async function screen(rows: [string, string, string][]): Promise<Map<string, Record<string, string>>> {
  const csv = `worker_id,country,birth_date,work\n${rows.map((r, i) => `w${i},${r.join(',')}`).join('\n')}\n`;
  const out = new Collector();
  await screenCsv(pieces(Buffer.from(csv), []), { on: ON, facts: await registryFacts(), out });
  const [header, ...data] = parseCsv(out.text());
  return new Map(data.map((fields) => [fields[0]!, Object.fromEntries(header!.map((h, i) => [h, fields[i]!]))]));
}

test('the citations column lists the deciding citation(s) first, notes last', async () => {
  const rows = await screen([
    ['IDN', '2010-01-01', 'hazardous'], // 16: a worst form under C182 Art 3(d) and UU 13/2003 Pasal 74
    ['IDN', '2008-01-01', 'slavery'], // 18: forced labour, C029
    ['ZMB', '2008-01-01', 'hazardous'], // 18: below Zambia's national age of 19
  ]);
  const idn = rows.get('w0')!;
  assert.equal(idn.verdict, 'worst_form');
  const cited = idn.citations!.split('; ');
  assert.deepEqual(cited.slice(0, 2), ['C182 Art 3(d)', 'UU 13/2003 Pasal 74']);
  assert.equal(cited.at(-1), 'UU 13/2003 Pasal 1 angka 26', 'the note on the national definition of a child comes last');
  assert.equal(rows.get('w1')!.verdict, 'prohibited');
  assert.match(rows.get('w1')!.citations!, /^C029 Art 1\(1\)/);
  assert.equal(rows.get('w2')!.verdict, 'prohibited');
  assert.match(rows.get('w2')!.citations!, /^national law \(USDOL-SWEATTOIL-2022\)/);
});
