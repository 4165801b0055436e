import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CsvRecord, parseImportCsv, readCsvRecords } from './import-csv.ts';

async function records(chunks: (string | Uint8Array)[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(chunks)) out.push(r);
  return out;
}

const TEXT = '\uFEFFa,b,c\r\n"x, ""y""",,"multi\r\nline"\r\nplain,é中,z\rlast,"",\n\n';

test('RFC 4180 records: quotes, doubled quotes, line breaks in quotes, CRLF/LF/CR, BOM', async () => {
  assert.deepEqual(await records([TEXT]), [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['x, "y"', '', 'multi\r\nline'] },
    { line: 4, fields: ['plain', 'é中', 'z'] },
    { line: 5, fields: ['last', '', ''] },
    { line: 6, fields: [''] },
  ]);
});

test('the same records whatever the chunking, even inside a UTF-8 character or a CRLF', async () => {
  const whole = await records([TEXT]);
  const bytes = new TextEncoder().encode(TEXT);
  assert.deepEqual(await records([...bytes].map((b) => Uint8Array.of(b))), whole);
  assert.deepEqual(await records([...TEXT]), whole);
  for (let cut = 1; cut < bytes.length; cut += 3) assert.deepEqual(await records([bytes.subarray(0, cut), bytes.subarray(cut)]), whole);
});

test('syntax problems are reported on the record, with its first line', async () => {
  const r = await records(['a,b\nx"y,1\n"ok"z,2\n"open,\n3\n']);
  assert.equal(r[1]?.line, 2);
  assert.match(r[1]?.problem ?? '', /quote .* inside an unquoted field/);
  assert.match(r[2]?.problem ?? '', /text after the closing quote/);
  assert.equal(r[3]?.line, 4);
  assert.match(r[3]?.problem ?? '', /not closed before the end of the file/);
});

test('parseImportCsv checks every cell and names line and column', async () => {
  const { rows, problems } = await parseImportCsv([
    'Country, Instrument ,source,minimum_age,minimum_age_article,status,registration_date,confidence\n',
    'idn,c138,S,15,2(2),in_force,1999-06-07,HIGH\n',
    'IDN,R146,S,,,,,\n',
    'IDNX,C138,,abc,Art 9,ratified,1999-02-30,sure\n',
    'MYS,C155,S,15,,,,\n',
    'idn,C138,S,,,,,\n',
    'MYS,C029,S\n',
  ]);
  assert.deepEqual(rows, [
    {
      line: 2,
      input: {
        country: 'IDN',
        instrument: 'C138',
        source: 'S',
        registrationDate: '1999-06-07',
        status: 'in_force',
        confidence: 'high',
        minimumAge: { value: 15, article: 'C138 Art 2(2)' },
      },
    },
  ]);
  assert.deepEqual(
    problems.map((p) => `${p.line} ${p.field}`),
    [
      '3 instrument',
      '4 source',
      '4 country',
      '4 registration_date',
      '4 status',
      '4 confidence',
      '4 minimum_age',
      '4 minimum_age_article',
      '5 minimum_age',
      '6 instrument',
      '7 row',
    ],
  );
  assert.match(problems.find((p) => p.line === 6)?.message ?? '', /also on line 2/);
  assert.match(problems.find((p) => p.line === 4 && p.field === 'registration_date')?.message ?? '', /February 1999 has 28 days/);
});

test('a row with a bad cell keeps its readable cells, so the import can check them too', async () => {
  const { rows, flawedRows } = await parseImportCsv([
    'country,instrument,source,status,registration_date,minimum_age,reason\n',
    'mys,C138,NORMLEX,ratified,1997,25,why\n',
    'XX,c182,,,2023-02-30,,\n',
    'IDN,C138,S,,,,\n',
  ]);
  assert.deepEqual(
    rows.map((r) => r.line),
    [4],
  );
  assert.deepEqual(flawedRows, [
    // The status cannot be read; the State, the date and the age are checked further on.
    {
      line: 2,
      input: { country: 'MYS', instrument: 'C138', source: 'NORMLEX', registrationDate: '1997', minimumAge: { value: 25 }, reason: 'why' },
    },
    // Neither the State nor the date can be read; the instrument still can.
    { line: 3, input: { country: '', instrument: 'C182', source: '' } },
  ]);
});

test('header problems stop the parse: unknown, repeated and missing columns, empty file, invalid UTF-8', async () => {
  const header = await parseImportCsv(['country,instrument,country,notes\n', 'IDN,C138,IDN,x\n']);
  assert.deepEqual(
    header.problems.map((p) => `${p.line} ${p.field}`),
    ['1 country', '1 notes', '1 source'],
  );
  assert.deepEqual(
    (await parseImportCsv([])).problems.map((p) => p.field),
    ['header'],
  );
  assert.deepEqual(
    (await parseImportCsv(['country,instrument,source\n'])).problems.map((p) => `${p.line} ${p.field}`),
    ['2 row'],
  );
  const latin1 = await parseImportCsv([Uint8Array.from([...new TextEncoder().encode('country,instrument,source\nIDN,C138,'), 0xe9, 0x0a])]);
  assert.match(latin1.problems[0]?.message ?? '', /not valid UTF-8/);
});
