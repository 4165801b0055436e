import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { parseCsv } from '../../scripts/build-data/csv.ts';
import { REF } from '../../scripts/build-data/paths.ts';
import { commentIdOf, normlexCommentUrl } from '../../scripts/build-data/supervisory.ts';
import { CONFIDENCES } from '../../src/domain/facts.ts';
import {
  isStageOf,
  type SupervisoryComment,
  type SupervisoryProcedure,
  validateComment,
  validateProcedure,
} from '../../src/domain/supervision/comments.ts';
import { BUNDLED_DATA_DIR } from '../../src/storage/paths.ts';
import { REFERENCE_DATA_MISSING } from '../support/reference-data.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(BUNDLED_DATA_DIR, name), 'utf8')) as T;
const procedures = read<SupervisoryProcedure[]>('supervisory-cases.json');
const comments = read<SupervisoryComment[]>('supervisory-comments.json');

describe('bundled supervisory data (data/, built by npm run data:build)', () => {
  test('keeps the 23 Art 24/26 cases of supervisory_cases.csv, each with its source, confidence and outcome as stated', {
    skip: REFERENCE_DATA_MISSING,
  }, () => {
    const csv = parseCsv(readFileSync(resolve(REF, 'supervisory_cases.csv'), 'utf8'), 'cases').rows.slice(1);
    const cases = procedures.filter((p) => p.procedure !== 'cas');
    assert.equal(cases.length, 23);
    assert.equal(cases.filter((p) => p.procedure === 'art26').length, 12);
    assert.equal(cases.filter((p) => p.procedure === 'art24').length, 11);
    csv.forEach(({ fields }, i) => {
      const [, iso3, , conventions, year, , outcome, source, confidence, notes] = fields as string[];
      const p = cases[i] as SupervisoryProcedure;
      assert.equal(p.country, iso3);
      assert.deepEqual(p.instruments, (conventions as string).split(';'));
      assert.equal(p.year, year ? Number(year) : null);
      assert.equal(p.source, source, `${p.id} keeps its source verbatim`);
      assert.equal(p.confidence, confidence);
      assert.equal(p.outcome, outcome || null, `${p.id}: outcome as stated, unknown where blank`);
      assert.ok(p.notes?.includes(notes as string), `${p.id} keeps its notes`);
    });
    assert.equal(cases.find((p) => p.id === 'art24-mmr-1993')?.stage, null, 'no outcome stated: stage unknown');
  });

  test('every record passes the domain validation, with a known confidence and a valid stage', () => {
    for (const p of procedures) {
      assert.deepEqual(validateProcedure(p, 2026), [], p.id);
      if (p.stage) assert.ok(isStageOf(p.procedure, p.stage), p.id);
    }
    for (const c of comments) {
      assert.deepEqual(validateComment(c, 2026), [], c.id);
      assert.ok(CONFIDENCES.includes(c.confidence));
      assert.ok(c.source, c.id);
    }
    assert.equal(new Set(comments.map((c) => c.id)).size, comments.length, 'one record per NORMLEX comment');
  });

  test("Indonesia's C138 comments from SOURCES.md, with the 2003 direct request's kind and year only", () => {
    const idn = comments.filter((c) => c.country === 'IDN' && c.instruments.includes('C138'));
    assert.deepEqual(idn.map((c) => c.id).sort(), ['2233949', '2242272', '2262360', '2294852', '4313016']);
    for (const c of idn) {
      assert.equal(c.url, normlexCommentUrl(c.id));
      if (c.id === '2233949') {
        assert.equal(c.kind, 'direct_request');
        assert.equal(c.year, 2003);
        assert.ok(c.summaryEn && c.summaryId, 'the source quotes its content: our own summary in en and id');
      } else {
        assert.equal(c.kind, null);
        assert.equal(c.year, null);
        assert.equal(c.summaryEn, null, 'no content in the sources: no summary');
      }
    }
  });

  test('a session is recorded only where the source states it', () => {
    const afg = comments.find((c) => c.id === '2282386');
    assert.deepEqual([afg?.session, afg?.sessionYear], [97, 2008]);
    const bdi = comments.find((c) => c.id === '2297421');
    assert.deepEqual([bdi?.kind, bdi?.year, bdi?.session, bdi?.sessionYear], ['direct_request', 2008, 98, 2009]);
  });

  test('comment ids are read only from complete NORMLEX addresses', () => {
    assert.equal(
      commentIdOf('https://x/f?p=1000%3A13100%3A0%3A%3ANO%3A13100%3AP13100_COMMENT_ID%2CP13100_COUNTRY_ID%3A2242194%2C102930'),
      '2242194',
    );
    assert.equal(
      commentIdOf('https://x/f?p=1000%3A13100%3A0%3A%3ANO%3A%3AP13100_COMMENT_ID%2CP13100_LANG_CODE%3A2224541%2Cen%3ANO'),
      '2224541',
    );
    assert.equal(commentIdOf('https://x/f?p=1000%3A13101%3A0%3A%3ANO%3A13101%3AP13101_COMMENT_ID%3A4313016'), '4313016');
    assert.equal(
      commentIdOf('http://ilo.ch/f?p=NORMLEXPUB%3A13100%3A0%3A%3ANO%3A13100%3AP13100_COMMENT_ID%2CP13100_COUNTRY_ID%3A430319'),
      null,
    );
  });
});
