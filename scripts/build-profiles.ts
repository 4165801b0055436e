/**
 * Builds data/national-profiles.json (NationalProfile[], ordered by ISO3) for the child-labour engine
 * from USDOL's legal standards (../shared/reference-data/usdol/legal_standards_2022.csv, source
 * USDOL-SWEATTOIL-2022) plus the hand-written data/national-profiles-extra.json.
 *
 * Rules the script follows (as scripts/build-data.ts does):
 * - A USDOL age is a known fact only where its `_standard` column is `Yes` and its `_age` column is a
 *   number. `minimum_work_standard=No, minimum_work_age=12` means the law has no such standard, so
 *   the age is UNKNOWN (null), never 12.
 * - Ages are whole years from 10 to 21; anything else stops the build, except the values listed in
 *   REVIEWED_UNUSABLE, which a person has looked at: those stay unknown and are kept visible in the
 *   profile's `notes`.
 * - A hand-written value never silently overrides USDOL: where both give a field they must agree
 *   (the sources are then joined), otherwise the build fails showing both.
 * - Validate everything first and write nothing unless all of it is valid; output is deterministic.
 *
 * The steps live in scripts/build-profiles/ (and scripts/profile-night-work.ts); this file wires them.
 *
 * Run: node --import tsx scripts/build-profiles.ts
 * REFERENCE_DATA_DIR overrides the input folder (default ../shared/reference-data).
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { NationalProfile } from '../src/domain/child-labour/index.ts';
import { OUT_FILE, ROOT } from './build-profiles/config.ts';
import { readExtras } from './build-profiles/extras.ts';
import { merge } from './build-profiles/merge.ts';
import { problems, usedExclusions } from './build-profiles/state.ts';
import { readUsdol } from './build-profiles/usdol.ts';

function main(): void {
  const usdol = readUsdol();
  const usdolRows = usdol.size;
  const { profiles: extras } = readExtras();
  const profiles = problems.length ? [] : merge(usdol, extras);
  if (problems.length) {
    console.error(`build-profiles: ${problems.length} problem(s); nothing written.`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  writeFileSync(OUT_FILE, `${JSON.stringify(profiles, null, 2)}\n`);

  const known = (pick: (p: NationalProfile) => unknown) => profiles.filter((p) => pick(p) != null).length;
  console.log(
    `Wrote ${relative(ROOT, OUT_FILE)}: ${profiles.length} profiles (${usdolRows} USDOL rows, ${extras.length} hand-written additions).`,
  );
  console.log(`  general minimum age known:      ${known((p) => p.generalMinimumAge)}`);
  console.log(`  hazardous minimum age known:    ${known((p) => p.hazardousMinimumAge)}`);
  console.log(`  compulsory education age known: ${known((p) => p.compulsoryEducationAge)}`);
  console.log(`  light-work rules:               ${known((p) => p.lightWork)}`);
  console.log(`  night-work rules:               ${known((p) => p.nightWork)}`);
  console.log(`  national child definitions:     ${known((p) => p.childUnderAge)}`);
  console.log(`  no field known:                 ${profiles.filter((p) => p.sources.length === 0).length}`);
  console.log(`  reviewed values left unknown:   ${usedExclusions.size} (${[...usedExclusions].sort().join(', ')})`);
}

main();
