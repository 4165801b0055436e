/**
 * Builds the project's normalised data files (data/*.json, data/subjects.csv, data/README.md) from
 * the sourced reference data in ../shared/reference-data/ (see its SOURCES.md).
 *
 * Rules the whole script follows:
 * - Never invent a fact. A value the source lacks becomes `null` (unknown), never a default.
 * - Every fact keeps its source ids and confidence as written in the reference data.
 * - Validate everything first; write nothing unless every input is valid. Problems name the file,
 *   the line and the field, and make the script exit non-zero.
 * - Output is deterministic (stable order, no timestamps) so a rebuild gives a clean diff.
 *
 * The steps live in scripts/build-data/, one module per input or output; this file wires them.
 *
 * Run: npm run data:build   (node --import tsx scripts/build-data.ts)
 * REFERENCE_DATA_DIR overrides the input folder (default ../shared/reference-data).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCompleteLists } from './build-coverage.ts';
import { readCountries } from './build-data/countries.ts';
import { toCsv } from './build-data/csv.ts';
import { readEstimates } from './build-data/estimates.ts';
import { readGoverningBody } from './build-data/governing-body.ts';
import { checkInstrumentConsistency, readInstruments, readPublishedCounts } from './build-data/instruments.ts';
import { readOffices } from './build-data/offices.ts';
import { byString, compareCodes } from './build-data/order.ts';
import { DATA } from './build-data/paths.ts';
import { formatProblem, problem, problems, warnings } from './build-data/problems.ts';
import { readProgrammes } from './build-data/programmes.ts';
import { buildRatifications } from './build-data/ratifications.ts';
import { readme } from './build-data/readme.ts';
import { readSessions } from './build-data/sessions.ts';
import { collectUsedSources, PROJECT_SOURCES, readSourcesMd, type SourceEntry } from './build-data/sources.ts';
import { computeStats, count } from './build-data/stats.ts';
import { assignSubjects, SUBJECTS } from './build-data/subjects.ts';
import { supervisoryStep } from './build-data/supervisory.ts';
import { applyIndonesianTitles, readOfficialTitles, readOwnTranslations } from './build-data/titles.ts';
import { readUsdol } from './build-data/usdol.ts';

function writeJson(name: string, data: unknown): void {
  writeFileSync(resolve(DATA, name), `${JSON.stringify(data, null, 2)}\n`);
}

function main(): void {
  const sessions = readSessions();
  const sessionByNumber = new Map(sessions.map((s) => [s.number, s]));

  const instrumentRows = readInstruments();
  checkInstrumentConsistency(instrumentRows, sessionByNumber);
  const instruments = instrumentRows.map((r) => r.instrument).sort((a, b) => compareCodes(a.code, b.code));
  const codes = new Set(instruments.map((i) => i.code));

  const counts = readPublishedCounts(codes);
  for (const i of instruments) i.publishedCount = counts.get(i.code) ?? null;

  applyIndonesianTitles(instruments, readOfficialTitles(codes), readOwnTranslations(codes));

  assignSubjects(instruments);

  const countries = readCountries();
  const governingBody = readGoverningBody(new Set(countries.map((c) => c.iso3)));
  const offices = readOffices(countries);
  const usdol = readUsdol(countries);
  const ratifications = buildRatifications(new Map(countries.map((c) => [c.iso3, c])), new Map(instruments.map((i) => [i.code, i])));

  const documented = readSourcesMd();
  const sources = new Map<string, SourceEntry>();
  // Sources of the hand-written national-profile additions (scripts/build-profiles.ts) are described there.
  const profileExtraPath = resolve(DATA, 'national-profiles-extra.json');
  const profileSources: SourceEntry[] = existsSync(profileExtraPath)
    ? ((JSON.parse(readFileSync(profileExtraPath, 'utf8')) as { sources?: SourceEntry[] }).sources ?? [])
    : [];
  for (const s of [...documented, ...PROJECT_SOURCES, ...profileSources]) {
    if (sources.has(s.id)) warnings.push(`SOURCES.md: ${s.id} described more than once (kept the first)`);
    else sources.set(s.id, s);
  }
  const used = collectUsedSources(instruments, countries, ratifications, sessions);
  const missing = [...used.keys()].filter((id) => !sources.has(id)).sort();
  for (const id of missing) sources.set(id, { id, description: null });
  const sourceList = [...sources.values()].sort((a, b) => byString(a.id, b.id));

  const coverage = buildCompleteLists(instruments, ratifications);
  for (const message of coverage.problems) problem('complete lists', null, null, message);

  const writeSupervisory = supervisoryStep(writeJson);
  const programmes = readProgrammes();
  const estimates = readEstimates();

  if (problems.length > 0) {
    console.error(`build-data: ${problems.length} problem(s); nothing written.`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    process.exit(1);
  }

  writeJson('instruments.json', instruments);
  writeJson('countries.json', countries);
  writeJson('ratifications.json', ratifications);
  writeJson('ilc-sessions.json', sessions);
  writeJson('sources.json', sourceList);
  writeJson('complete-lists.json', coverage.lists);
  writeJson('governing-body.json', governingBody);
  writeJson('offices.json', offices);
  writeJson('usdol-goods.json', usdol.goods);
  writeJson('usdol-country-facts.json', usdol.facts);
  writeSupervisory();
  writeJson('programmes.json', programmes);
  writeJson('child-labour-estimates.json', estimates);
  writeFileSync(
    resolve(DATA, 'subjects.csv'),
    toCsv(
      ['code', 'subjects', 'basis'],
      instruments.filter((i) => i.subjects.length > 0).map((i) => [i.code, i.subjects.join(';'), 'title keyword']),
    ),
  );

  const stats = computeStats(instruments, countries, ratifications, sessions, sourceList, missing, coverage.lists);
  const subjectCounts = Object.fromEntries(SUBJECTS.map((s) => [s, count(instruments, (i) => i.subjects.includes(s))]));
  writeFileSync(resolve(DATA, 'README.md'), readme(stats, subjectCounts));

  console.log(
    'build-data: wrote data/instruments.json, countries.json, ratifications.json, ilc-sessions.json, sources.json, subjects.csv, README.md',
  );
  for (const [k, v] of stats.lines) console.log(`  ${k}: ${v}`);
  console.log(
    `  usdol: ${usdol.goods.length} good–country pairs, ${usdol.facts.length} countries; codes not a member State (kept, memberState false): ${usdol.unmatched.length}`,
  );
  for (const u of usdol.unmatched) console.log(`    ${u}`);
  if (missing.length > 0) {
    console.log('Source ids used but not described in SOURCES.md (added with description null):');
    for (const id of missing) console.log(`  ${id}  (used in ${used.get(id)?.join(', ')})`);
  }
  if (warnings.length > 0) {
    console.log(`Warnings (${warnings.length}; data kept as sourced):`);
    for (const w of warnings) console.log(`  ${w}`);
  }
}

try {
  main();
} catch (err) {
  console.error(`build-data: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
