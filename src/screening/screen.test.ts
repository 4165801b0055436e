import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { generateWorkforce } from '../../bench/gen-workforce.ts';
import { ageOn, evaluate, type WorkKind } from '../domain/child-labour/index.ts';
import { MAX_LINE, ScreenInputError, type ScreenSummary, screenCsv, screenFile } from './index.ts';
import { Collector, parseCsv, pieces, registryFacts } from './testing.ts';
import { outcomeOf } from './verdict-cache.ts';

const ON = '2025-06-30';
const facts = await registryFacts();

async function screen(data: string | Buffer, cuts: number[] = [], options: { maxErrors?: number; slow?: boolean } = {}) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const out = new Collector(options.slow);
  const summary = await screenCsv(pieces(bytes, cuts), { on: ON, facts, out, maxErrors: options.maxErrors });
  return { summary, out: out.text(), rows: parseCsv(out.text()) };
}

/** What the screener must write for a row, from `evaluate` itself. */
function expected(iso3: string, birth: string, work: WorkKind, hoursPerDay: number | null = null, night = false) {
  const age = ageOn(birth, ON);
  assert.ok(age !== null);
  const o = outcomeOf(evaluate(facts.get(iso3)!, { age, work, hoursPerDay, night }));
  return [o.verdict, o.minimumAge === null ? '' : String(o.minimumAge), o.citations];
}

const HEADER = 'worker_id,name,country,birth_date,work,hours_per_day,night';

describe('screenCsv: gzip input', () => {
  test('input starting with the gzip magic number is decompressed, however it is cut', async () => {
    const csv = [...generateWorkforce({ rows: 2000, seed: 5, badShare: 0.02 })].join('');
    const plain = await screen(csv);
    const zipped = gzipSync(Buffer.from(csv));
    for (const cuts of [[], [1], [1, 2, 3], [7, 500, 501, 4000]]) {
      const got = await screen(zipped, cuts);
      assert.deepEqual(got.summary, plain.summary, `cuts ${cuts.join(',')}`);
      assert.equal(got.out, plain.out);
    }
  });

  test('a gzip’d file without a required column stops early, and corrupt data is an input error', async () => {
    await assert.rejects(screen(gzipSync(Buffer.from(`a,b\n${'1,2\n'.repeat(100_000)}`))), (e: unknown) => e instanceof ScreenInputError);
    const broken = Buffer.concat([gzipSync(Buffer.from('x')).subarray(0, 10), Buffer.from('not deflate data')]);
    await assert.rejects(screen(broken), (e: unknown) => e instanceof ScreenInputError && /gzip/.test((e as Error).message));
  });
});

describe('screenCsv: many bad rows', () => {
  test('past the kept errors, bad rows are counted the same with or without an output', async () => {
    const bad = ['XXX,2001-02-03,regular', 'IDN,03/02/2001,regular', 'IDN,2001-02-03,sweeping', 'IDN,2001-02-03', 'IDN,2001-02-30,light'];
    const lines = [HEADER.split(',').slice(0, 5).join(',')];
    for (let i = 0; i < 3000; i++) lines.push(i % 7 === 0 ? `${i},Good,IDN,2001-02-03,regular` : `${i},Bad,${bad[i % bad.length]}`);
    const csv = `${lines.join('\n')}\n`;
    const withOut = await screen(csv, [], { maxErrors: 10 });
    const counted = await screenCsv(pieces(Buffer.from(csv), []), { on: ON, facts, maxErrors: 10 });
    assert.equal(counted.rows, 3000);
    assert.equal(counted.invalid, withOut.summary.invalid);
    assert.equal(counted.valid, withOut.summary.valid);
    assert.deepEqual(counted.verdicts, withOut.summary.verdicts);
    assert.equal(counted.errors.length, 10);
    assert.deepEqual(counted.errors, withOut.summary.errors);
    assert.equal(counted.truncatedErrors, true);
    assert.equal(counted.invalid, 3000 - Math.ceil(3000 / 7));
    // Every bad row is still in the output, with its message.
    assert.equal(withOut.rows.filter((r) => r[5] === 'invalid').length, counted.invalid);
  });
});

describe('screenCsv: rows and output', () => {
  test('classifies each row as evaluate does and appends verdict, minimum_age, citations', async () => {
    const { summary, rows } = await screen(
      `${HEADER}\n1,Ana,IDN,2000-01-01,regular,,\n2,Budi,IDN,2012-01-01,regular,,\n3,Chen,IDN,2011-03-01,light,4,1\n4,Dewi,FRA,2011-03-01,slavery,,\n`,
    );
    assert.equal(summary.rows, 4);
    assert.equal(summary.valid, 4);
    assert.equal(summary.invalid, 0);
    assert.deepEqual(rows[0], [...HEADER.split(','), 'verdict', 'minimum_age', 'citations']);
    assert.deepEqual(rows[1]!.slice(7), expected('IDN', '2000-01-01', 'regular'));
    assert.deepEqual(rows[2]!.slice(7), expected('IDN', '2012-01-01', 'regular'));
    assert.deepEqual(rows[3]!.slice(7), expected('IDN', '2011-03-01', 'light', 4, true));
    assert.deepEqual(rows[4]!.slice(7), expected('FRA', '2011-03-01', 'slavery'));
    const total = Object.values(summary.verdicts).reduce((a, b) => a + b, 0);
    assert.equal(total, 4);
  });

  test('header in any order, names trimmed and case-insensitive, extra columns passed through', async () => {
    const csv = 'Work, Site ,BIRTH_DATE , country,worker_id,Notes\nregular,"Plant 1, North",2000-01-01,idn,W1,"said ""hi"""\n';
    const { summary, rows, out } = await screen(csv);
    assert.equal(summary.valid, 1);
    assert.ok(out.startsWith('Work, Site ,BIRTH_DATE , country,worker_id,Notes,verdict,minimum_age,citations\n'));
    assert.deepEqual(rows[1]!.slice(0, 6), ['regular', 'Plant 1, North', '2000-01-01', 'idn', 'W1', 'said "hi"']);
    assert.deepEqual(rows[1]!.slice(6), expected('IDN', '2000-01-01', 'regular'));
  });

  test('BOM and CRLF give the same result as plain LF', async () => {
    const lf = `${HEADER}\n1,Ana,IDN,2000-01-01,regular,,\n2,"Budi, B",IDN,2012-01-01,light,2,yes\n3,Chen,XYZ,2000-01-01,regular,,\n`;
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const a = await screen(lf);
    const b = await screen(crlf);
    assert.deepEqual(b.summary, a.summary);
    assert.equal(b.out, a.out);
    assert.equal(a.summary.invalid, 1);
  });

  test('RFC 4180 quoted fields: commas, doubled quotes, newlines, quoted required fields', async () => {
    const csv = `${HEADER}\n1,"Silva, Ana",IDN,2000-01-01,regular,,\n2,"Anna ""Nan"" Smith",IDN,2000-01-01,regular,,\n3,"two\nlines",IDN,2000-01-01,regular,,\n4,Dewi,"IDN","2012-01-01","light","2.5","no"\n5,Eko,IDN,2000-01-01,regular,,\n`;
    const { summary, rows } = await screen(csv);
    assert.equal(summary.invalid, 0, JSON.stringify(summary.errors));
    assert.equal(summary.valid, 5);
    assert.deepEqual(
      rows.slice(1).map((r) => r[1]),
      ['Silva, Ana', 'Anna "Nan" Smith', 'two\nlines', 'Dewi', 'Eko'],
    );
    assert.deepEqual(rows[4]!.slice(7), expected('IDN', '2012-01-01', 'light', 2.5, false));
  });

  test('each kind of bad row is reported with its physical line and field, and the rest is screened', async () => {
    const long = 'x'.repeat(MAX_LINE + 10);
    const lines = [
      HEADER, // 1
      '1,Ana,IDN,2011-02-30,regular,,', // 2 bad date
      '2,Budi,XYZ,2000-01-01,regular,,', // 3 unknown country
      '3,Chen,IDN,2000-01-01,office,,', // 4 unknown work
      '4,Dewi,IDN,2000-01-01', // 5 missing fields
      '5,Eko,IDN,2000-01-01,light,-1,', // 6 negative hours
      '6,Fatima,IDN,2000-01-01,light,abc,', // 7 hours not a number
      '7,Grace,IDN,2000-01-01,light,25,', // 8 hours over 24
      '8,Hiro,IDN,2000-01-01,light,2,maybe', // 9 bad night
      '9,Ines "Nan",IDN,2000-01-01,regular,,', // 10 stray quote
      '10,"Jomo"x,IDN,2000-01-01,regular,,', // 11 text after a closing quote
      '11,Kofi,IDN,2030-01-01,regular,,', // 12 born after the screening date
      '12,Lina,IDN,1890-01-01,regular,,', // 13 over 120
      '13,Maria,IDN,2000-01-01,regular,,,extra', // 14 too many fields
      `14,${long},IDN,2000-01-01,regular,,`, // 15 longer than 1 MiB
      '15,Nur,IDN,2010-05-05,light,2,no', // 16 valid
      '16,"Omar, ""O""', // 17 valid, two physical lines
      'second line",IDN,2010-05-05,light,,', // 18
      '17,Pat,idn,2010-05-05,LIGHT,2.5,YES', // 19 valid (case-insensitive)
      '18,,IDN,,regular,,', // 20 missing birth date
      '19,"Unterminated,IDN,2000-01-01,regular,,', // 21 quote never closed
      '20,Rest,IDN,2000-01-01,regular,,', // 22 valid: re-read after the unterminated line
    ];
    const { summary, rows } = await screen(`${lines.join('\n')}\n`, [70_000, 500_000, 1_100_000]);
    const got = summary.errors.map((e) => [e.line, e.field]);
    assert.deepEqual(got, [
      [2, 'birth_date'],
      [3, 'country'],
      [4, 'work'],
      [5, 'work'],
      [6, 'hours_per_day'],
      [7, 'hours_per_day'],
      [8, 'hours_per_day'],
      [9, 'night'],
      [10, 'name'],
      [11, 'name'],
      [12, 'birth_date'],
      [13, 'birth_date'],
      [14, 'line'],
      [15, 'line'],
      [20, 'birth_date'],
      [21, 'name'],
    ]);
    const message = (line: number) => summary.errors.find((e) => e.line === line)!.message;
    assert.equal(message(2), 'birth_date: "2011-02-30" is not a valid date (YYYY-MM-DD)');
    assert.equal(message(3), 'country: "XYZ" is not an ILO member State in the registry');
    assert.match(message(4), /^work: "office" is not a known kind of work; use one of regular, light, hazardous, .*artistic$/);
    assert.match(message(5), /missing field \(the row has 4 fields, the header has 7\)/);
    assert.match(message(6), /negative/);
    assert.match(message(7), /not a number/);
    assert.match(message(8), /more than 24/);
    assert.match(message(9), /not a yes\/no value/);
    assert.match(message(10), /stray quote/);
    assert.match(message(12), /after the screening date 2025-06-30/);
    assert.match(message(13), /over 120/);
    assert.match(message(15), /longer than 1048576 bytes/);
    assert.match(message(21), /not closed before the end of the file/);
    assert.equal(summary.invalid, 16);
    assert.equal(summary.valid, 4);
    assert.equal(summary.rows, 20);
    // the output has every row, invalid ones marked, and stays valid CSV (22 rows + header)
    assert.equal(rows.length, 21);
    for (const r of rows) assert.equal(r.length, 10, JSON.stringify(r).slice(0, 200));
    assert.deepEqual(rows[1]!.slice(7, 9), ['invalid', '']);
    assert.equal(rows[1]![9], 'birth_date: "2011-02-30" is not a valid date (YYYY-MM-DD)');
    assert.deepEqual(rows[15]!.slice(7), expected('IDN', '2010-05-05', 'light', 2, false));
    assert.equal(rows[16]![1], 'Omar, "O"\nsecond line');
    assert.deepEqual(rows[17]!.slice(7), expected('IDN', '2010-05-05', 'light', 2.5, true));
    assert.equal(rows[19]![0], '19');
    assert.equal(rows[19]![7], 'invalid');
    assert.deepEqual(rows[20]!.slice(0, 2), ['20', 'Rest']);
    assert.deepEqual(rows[20]!.slice(7), expected('IDN', '2000-01-01', 'regular'));
  });

  test('a bad sex value is reported with its line and field `sex`, on both paths, and the batch goes on', async () => {
    const lines = [
      'worker_id,name,country,birth_date,work,night,SEX', // 1
      '1,Ana,IDN,2009-01-01,light,yes,woman', // 2 bad sex
      '2,"Budi",IDN,2009-01-01,light,yes,"x"', // 3 bad sex (quoted path)
      '3,Chen,IDN,2009-01-01,light,yes,Perempuan', // 4 valid
      '4,"Dewi",IDN,2009-01-01,light,yes," laki-laki "', // 5 valid (quoted, blanks trimmed)
      '5,Eko,IDN,2009-01-01,light,,', // 6 valid: sex unknown
      '6,Fatima,XYZ,2009-01-01,light,maybe,pria', // 7 every bad field named
    ];
    const { summary, rows } = await screen(`${lines.join('\n')}\n`, [60, 200]);
    assert.deepEqual(
      summary.errors.map((e) => [e.line, e.field]),
      [
        [2, 'sex'],
        [3, 'sex'],
        [7, 'country'],
        [7, 'night'],
        [7, 'sex'],
      ],
    );
    assert.equal(
      summary.errors[0]!.message,
      'sex: "woman" is not a recognised value (use female/f/perempuan or male/m/laki-laki, any case; empty means unknown)',
    );
    assert.deepEqual([summary.valid, summary.invalid], [3, 3]);
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    const sexed = (birth: string, sex: 'female' | 'male' | null, night = true) => {
      const o = outcomeOf(evaluate(facts.get('IDN')!, { age: ageOn(birth, ON)!, work: 'light', hoursPerDay: null, night, sex }));
      return [o.verdict, o.minimumAge === null ? '' : String(o.minimumAge), o.citations];
    };
    assert.deepEqual(row('3').slice(7), sexed('2009-01-01', 'female'));
    assert.deepEqual(row('4').slice(7), sexed('2009-01-01', 'male'));
    assert.deepEqual(row('5').slice(7), sexed('2009-01-01', null, false));
    assert.equal(row('1')[7], 'invalid');
  });

  test('a line of exactly 1 MiB is read; one byte more is reported and skipped', async () => {
    const prefix = '1,';
    const suffix = ',IDN,2000-01-01,regular,,';
    const name = 'n'.repeat(MAX_LINE - prefix.length - suffix.length);
    const fits = `${prefix}${name}${suffix}`;
    assert.equal(fits.length, MAX_LINE);
    const { summary } = await screen(`${HEADER}\n${fits}\n1,${name}n${suffix}\n2,Ana,IDN,2000-01-01,regular,,`, [100_000, 1_200_000]);
    assert.equal(summary.valid, 2);
    assert.deepEqual(
      summary.errors.map((e) => [e.line, e.field]),
      [[3, 'line']],
    );
  });

  test('an over-long quoted record resumes on the line after its first line', async () => {
    const open = `2,"never closed ${'y'.repeat(MAX_LINE)}`;
    const csv = `${HEADER}\n1,Ana,IDN,2000-01-01,regular,,\n${open}\n3,Budi,IDN,2000-01-01,regular,,\n4,Chen,IDN,2000-01-01,regular,,\n`;
    for (const cuts of [[], [50, 300_000, 900_000]]) {
      const { summary } = await screen(csv, cuts);
      assert.deepEqual(
        summary.errors.map((e) => [e.line, e.field]),
        [[3, 'line']],
      );
      assert.equal(summary.valid, 3);
    }
  });

  test('errors past maxErrors are counted, not kept', async () => {
    const bad = Array.from({ length: 5 }, (_, i) => `${i},X,XYZ,2000-01-01,regular,,`).join('\n');
    const { summary } = await screen(`${HEADER}\n${bad}\n`, [], { maxErrors: 2 });
    assert.equal(summary.invalid, 5);
    assert.equal(summary.errors.length, 2);
    assert.equal(summary.truncatedErrors, true);
  });

  test('blank lines are not rows; a last line without LF is read', async () => {
    const { summary } = await screen(`\n\n${HEADER}\n\n1,Ana,IDN,2000-01-01,regular,,\n\r\n2,Budi,XYZ,2000-01-01,regular,,`);
    assert.equal(summary.rows, 2);
    assert.deepEqual(
      summary.errors.map((e) => e.line),
      [7],
    );
  });

  test('respects backpressure: a slow destination gets every byte in order', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `${i},"N, ${i}",IDN,${2000 + (i % 20)}-01-01,light,${i % 5},`).join('\n');
    const fast = await screen(`${HEADER}\n${body}\n`);
    const slow = await screen(`${HEADER}\n${body}\n`, [1000, 50_000], { slow: true });
    assert.equal(slow.out, fast.out);
    assert.equal(fast.rows.length, 3001);
  });

  test('reports progress with the bytes read and rows so far, ending with the totals', async () => {
    const csv = Buffer.from(`${HEADER}\n1,Ana,IDN,2000-01-01,regular,,\n2,Budi,IDN,2000-01-01,regular,,\n`);
    const calls: [number, number][] = [];
    await screenCsv(pieces(csv, [40]), { on: ON, facts, onProgress: (b, r) => calls.push([b, r]) });
    assert.deepEqual(calls.at(-1), [csv.length, 2]);
  });
});

describe('screenCsv: chunk boundaries', () => {
  const tricky = Buffer.from(
    `\uFEFF${HEADER}\r\n1,"Silva, Ana",IDN,2000-01-01,regular,,\r\n2,"multi\r\nline ""q""",IDN,2012-02-29,light,2.75,TRUE\r\n` +
      `3,Bad,XYZ,2000-01-01,regular,,\r\n4,Ines "N",IDN,2000-01-01,regular,,\r\n\r\n5,Eko,FRA,2011-06-30,hazardous,8,0\r\n` +
      `6,Short,IDN,2000-01-01\r\n7,"open,IDN,2000-01-01,regular,,\r\n8,Last,IDN,2013-07-01,artistic,,no`,
  );

  test('the same file split at every byte offset gives identical summaries and output', async () => {
    const whole = await screen(tricky);
    assert.ok(whole.summary.valid >= 4 && whole.summary.invalid >= 4, JSON.stringify(whole.summary));
    for (let k = 1; k < tricky.length; k++) {
      const split = await screen(tricky, [k]);
      assert.deepEqual(split.summary, whole.summary, `split at ${k}`);
      assert.equal(split.out, whole.out, `output split at ${k}`);
    }
  });

  test('one byte at a time, and random multi-way splits', async () => {
    const whole = await screen(tricky);
    const bytewise = await screen(
      tricky,
      Array.from({ length: tricky.length }, (_, i) => i),
    );
    assert.deepEqual(bytewise.summary, whole.summary);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: tricky.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const split = await screen(
          tricky,
          [...cuts].sort((a, b) => a - b),
        );
        assert.deepEqual(split.summary, whole.summary);
        assert.equal(split.out, whole.out);
      }),
      { numRuns: 100 },
    );
  });
});

describe('screenCsv: input errors', () => {
  test('a missing required column throws ScreenInputError', async () => {
    await assert.rejects(screen('worker_id,country,work\n1,IDN,regular\n'), (err: unknown) => {
      assert.ok(err instanceof ScreenInputError);
      assert.equal(err.problem, 'missing_column');
      assert.match(err.message, /"birth_date"/);
      return true;
    });
  });

  test('an empty input, or one with only a BOM or blank lines, throws ScreenInputError', async () => {
    for (const data of ['', '\uFEFF', '\n\r\n']) {
      await assert.rejects(screen(data), (err: unknown) => err instanceof ScreenInputError && err.problem === 'empty');
    }
  });

  test('a header without rows is a valid, empty screening', async () => {
    const { summary, out } = await screen(`${HEADER}\n`);
    assert.equal(summary.rows, 0);
    assert.equal(out, `${HEADER},verdict,minimum_age,citations\n`);
  });

  test('a missing file throws ScreenInputError; a real one is screened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-'));
    try {
      await assert.rejects(
        screenFile(join(dir, 'nope.csv'), { on: ON, facts }),
        (err: unknown) => err instanceof ScreenInputError && err.problem === 'unreadable',
      );
      const path = join(dir, 'w.csv');
      writeFileSync(path, `${HEADER}\n1,Ana,IDN,2000-01-01,regular,,\n`);
      const summary: ScreenSummary = await screenFile(path, { on: ON, facts });
      assert.equal(summary.valid, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file destination (whose output slabs are reused) gets the same bytes as any stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-'));
    try {
      const path = join(dir, 'in.csv');
      writeFileSync(path, [...generateWorkforce({ rows: 120_000, seed: 3 })].join(''));
      const collected = new Collector();
      await screenFile(path, { on: ON, facts, out: collected });
      const outPath = join(dir, 'out.csv');
      const file = createWriteStream(outPath, { highWaterMark: 64 << 10 });
      await screenFile(path, { on: ON, facts, out: file });
      await new Promise<void>((resolve) => file.end(resolve));
      assert.equal(readFileSync(outPath, 'utf8'), collected.text());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bad screening date throws ScreenInputError', async () => {
    await assert.rejects(
      screenCsv(pieces(Buffer.from(HEADER), []), { on: '2025-02-30', facts }),
      (err: unknown) => err instanceof ScreenInputError && err.problem === 'bad_option',
    );
  });
});
