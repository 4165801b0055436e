import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { DATA } from '../../scripts/build-data/paths.ts';
import { problems } from '../../scripts/build-data/problems.ts';
import { ILAB_SOURCE, ilabId, readProgrammes, themesFromTitle } from '../../scripts/build-data/programmes.ts';
import { SEED_SOURCE } from '../../scripts/build-data/programmes-seed.ts';
import { programmeStatus } from '../../src/domain/programmes/programme.ts';
import { REFERENCE_DATA_MISSING } from '../support/reference-data.ts';

test('the founding text’s programmes are present, sourced to it, with unknowns null', { skip: REFERENCE_DATA_MISSING }, () => {
  const before = problems.length;
  const { programmes } = readProgrammes();
  assert.equal(problems.length, before, JSON.stringify(problems.slice(before)));
  const seed = programmes.filter((p) => p.source === SEED_SOURCE);
  assert.deepEqual(seed.map((p) => p.id).sort(), [
    'bolsa-familia',
    'consorcio-social',
    'east-indonesia',
    'green-jobs-asia-pacific',
    'hiv-aids-prevention-work',
    'jovem-saber',
    'know-about-business',
  ]);
  for (const p of seed) {
    assert.ok(p.nameEn && p.nameId && p.aimEn && p.aimId, `${p.id}: names and aims in en and id`);
    assert.ok(p.confidence, p.id);
    // The text gives no dates for any of them: never guessed.
    assert.equal(p.startYear, null, p.id);
    assert.equal(p.endYear, null, p.id);
  }
  const east = seed.find((p) => p.id === 'east-indonesia');
  assert.deepEqual(east?.donors, ['Netherlands']);
  assert.deepEqual(east?.roles, ['motivator', 'communicator']);
  assert.equal(east?.durationYears, 4);
  assert.equal(east?.outcomes, null);
  // The ILO’s role in the Brazilian programmes is not stated.
  assert.equal(seed.find((p) => p.id === 'bolsa-familia')?.roles, null);
});

test('ilab_projects.csv: all 590 rows read, merged by link into projects with donor USDOL', { skip: REFERENCE_DATA_MISSING }, () => {
  const { ilabRows, programmes } = readProgrammes();
  assert.equal(ilabRows, 590);
  const ilab = programmes.filter((p) => p.source === ILAB_SOURCE);
  assert.equal(ilab.length, 279);
  // Every row is a project–country pair; two rows repeat a pair (SLV and PAK list the same document twice).
  assert.equal(
    ilab.reduce((n, p) => n + (p.countries?.length ?? 0), 0),
    588,
  );
  assert.ok(ilab.every((p) => p.donors?.[0]?.includes('USDOL') && p.url?.startsWith('https://')));
  assert.ok(ilab.every((p) => p.instruments === null && p.roles === null && p.startYear === null));
  assert.equal(new Set(programmes.map((p) => p.id)).size, programmes.length, 'ids are unique');
});

test('data/programmes.json is what the build writes', { skip: REFERENCE_DATA_MISSING }, () => {
  const file = JSON.parse(readFileSync(resolve(DATA, 'programmes.json'), 'utf8'));
  assert.deepEqual(file, JSON.parse(JSON.stringify(readProgrammes())));
});

test('ids from links, themes from title words, status from the period', () => {
  const taken = new Set<string>();
  assert.equal(
    ilabId('https://www.dol.gov/sites/dolgov/files/ILAB/pdf_override/Morocco_ADROS_CLOSED_0.pdf', taken),
    'ilab-morocco-adros-closed',
  );
  assert.equal(ilabId('https://x/Morocco_ADROS_CLOSED.pdf', taken), 'ilab-morocco-adros-closed-2');
  assert.deepEqual(themesFromTitle('Combating Forced Labor and Child Trafficking'), ['child-labour', 'forced-labour', 'trafficking']);
  const p = { startYear: null, endYear: null, closedPerSource: false };
  assert.equal(programmeStatus(p, '2026-12-03'), 'unknown');
  assert.equal(programmeStatus({ ...p, closedPerSource: true }, '2026-12-03'), 'ended');
  assert.equal(programmeStatus({ ...p, startYear: 2020, endYear: 2025 }, '2026-12-03'), 'ended');
  assert.equal(programmeStatus({ ...p, startYear: 2024, endYear: 2026 }, '2026-12-03'), 'ongoing');
  assert.equal(programmeStatus({ ...p, startYear: 2027, endYear: 2029 }, '2026-12-03'), 'unknown');
});
