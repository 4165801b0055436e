/** The generated data/README.md of scripts/build-data.ts: fixed text around the computed counts. */
import type { Stats } from './stats.ts';

export function readme(stats: Stats, subjectCounts: Record<string, number>): string {
  const table = stats.lines.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`).join('\n');
  const subjects = Object.entries(subjectCounts)
    .map(([k, v]) => `\`${k}\` ${v}`)
    .join(', ');
  return `# data/

Normalised reference data for the registry. **Generated** by \`scripts/build-data.ts\` from
\`../shared/reference-data/\` (compiled 2026-11-27, addenda to 2026-12-03; read its \`SOURCES.md\` for every source, the method
and the gaps). Do not edit the JSON files by hand: fix the input and rebuild.

Rebuild: \`npm run data:build\` (= \`node --import tsx scripts/build-data.ts\`). The build validates every
row (dates are partial dates \`YYYY\`, \`YYYY-MM\` or \`YYYY-MM-DD\`; confidence is \`high\`, \`medium\` or
\`low\`; every ratification names a known country and instrument; no duplicate country + instrument)
and exits non-zero, naming file, line and field, on any problem. Output order is stable.

## Files

| file | holds | built from |
|---|---|---|
| \`instruments.json\` | \`Instrument[]\` (src/domain/instrument.ts), ordered C, P, R then number | \`instruments.csv\`, \`ratification_counts.csv\`, \`instrument_titles_id.csv\`, \`data/instrument-titles-id.csv\`, subject rules |
| \`countries.json\` | \`MemberState[]\` (src/domain/country.ts), ordered by ISO3 | \`member_states.csv\`; \`nameId\` from the npm package i18n-iso-countries (source id \`I18N-ISO-COUNTRIES\`), except the names it gets wrong, from the reviewed table src/domain/country-names-id.ts (source id \`TRIPARTITE-COUNTRY-NAMES-ID\`); the row's \`source\` stays that of the membership facts |
| \`ratifications.json\` | \`Ratification[]\` (src/domain/ratification.ts), ordered by country then instrument | \`ratifications_c138.csv\`, \`ratifications_c182.csv\`, \`ratifications_idn.csv\`, \`ratifications_other.csv\` (scattered facts: partial lists) |
| \`complete-lists.json\` | \`CompleteList[]\` (src/domain/coverage.ts): the ratification lists shown whole; every other list is **partial** | **generated** by \`scripts/build-coverage.ts\`: an instrument whose rows reach its high-confidence published count (C138, C182), and a State whose whole list a source counts (Indonesia: ILO Jakarta, 19 Conventions before the MLC, 2006) |
| \`ilc-sessions.json\` | \`IlcSession[]\` (src/domain/ilc-session.ts), ordered by number | \`ilc_sessions.csv\` |
| \`sources.json\` | \`{id, description}[]\`, ordered by id | the source-id tables of \`SOURCES.md\`, plus the project's own ids |
| \`subjects.csv\` | \`code,subjects,basis\`: the subjects given to each instrument (\`;\`-separated) | **generated** from keyword rules on the English title (\`SUBJECT_RULES\` in the script); review it here |
| \`instrument-titles-id.csv\` | \`code,title_id,translator_note\`: the project's own Indonesian translations | **hand-written input** (edit this one) |
| \`later-declarations.csv\` | later C138 Art 2(2) declarations (a higher age notified after ratifying) found in the notes of the reference data | **hand-written input** |
| \`national-profiles.json\` | \`NationalProfile[]\` (src/domain/child-labour/types.ts): national minimum ages for work, hazardous work and compulsory education (USDOL 2022: known only where the law has the standard and the age is a number), plus Indonesia's UU 13/2003 rules | **generated** by \`scripts/build-profiles.ts\` from \`usdol/legal_standards_2022.csv\` and \`national-profiles-extra.json\` |
| \`governing-body.json\` | \`{rules, periods, sessions}\` (src/domain/governance/governing-body.ts): seats by group and member type, the ten permanent government seats, the election cycle, the 2021–2024 period with its permanent members only (every elected seat is unknown), no session | \`governing_body.csv\` (scripts/build-data/governing-body.ts) |
| \`offices.json\` | \`{directorGeneral, offices}\` (src/domain/governance/offices.ts): the field offices with region, city, State and the States a source says they cover; \`directorGeneral\` is null (no source names one) | \`regional_offices.csv\` (scripts/build-data/offices.ts) |
| \`child-labour-estimates.json\` | \`ChildLabourEstimate[]\` (src/domain/statistics/estimates.ts): the ILO and ILO-UNICEF global estimates of children (5-17) in child labour and in hazardous work by reference year, each row with its sources and confidence; a figure the sources lack is null (2008 hazardous work) | \`child_labour_estimates.csv\` (scripts/build-data/estimates.ts) |
| \`national-profiles-extra.json\` | hand-written national rules the USDOL data lacks (Indonesia: light work Pasal 69, hazardous Pasal 74, child Pasal 1 angka 26, night work Pasal 76(1)), with their sources | **hand-written input** |
| \`adoption-votes.json\` | final record votes of real adoptions by the Conference (for, against, abstentions, announced quorum), with sources and confidence; unknown figures are null | **hand-written input** (read by src/domain/governance/adoption-votes.test.ts) |

## Provenance and confidence

Every fact keeps the \`source\` (semicolon-separated ids, see \`sources.json\`) and \`confidence\` of its
source row. Confidence (from SOURCES.md): \`high\` = two independent sources agree, or the authentic text;
\`medium\` = one good source; \`low\` = a weak, derived or inferred source, or (instruments) a title recalled
by the compiler and not matched to a source. A source id may carry the field it backs
(\`title:COMPILER-RECALL-UNVERIFIED\`: only the title rests on that source). Nothing was checked against
live NORMLEX.

\`notes\` are the compilers' research notes, in English: they stay in these files, the JSON API and the
CSV export, and the portal shows them to signed-in editors only. Public pages state provenance in
words instead (authority, source name and link, verified or unverified).

**Unknown is \`null\`, never a guess.** A missing date, status, declared age, count or title is \`null\`
(or an empty list). In particular: a C138 ratification without a declared minimum age has no
declaration (\`declarations: []\`): do not default it to 15. \`ratificationEifMonths\` is set only for
C138 (Art 12(3)) and C182 (Art 10(3)), whose final provisions are in the sources.

Details of the mapping:
* Coverage: the rows of \`ratifications_other.csv\` are scattered, sourced facts, not any Convention's
  full list: the registry says so wherever it shows them (\`coverage\` in the API). Their \`source\` is
  a list of URLs (split on \` ; \` and kept whole, so a URL is its own source id; its
  \`sources.json\` description is null, the URL being the link). Status is \`in force\`, \`denounced\`
  or empty (unknown) as normalised by the addendum; the status as read stays in \`notes\`.
* \`publishedCount\`: from \`ratification_counts.csv\`; a row without a count keeps only its gap note
  (count, asOf, source and confidence \`null\`); instruments without a row have \`null\`.
* Indonesian titles: \`titleIdKind: "official"\` = the title in the Indonesian ratification act
  (\`instrument_titles_id.csv\`, with its act in \`titleIdAct\`). \`titleIdKind: "unofficial"\` (source
  \`TRIPARTITE-TRANSLATION\`) = **the project's own translation, not an official title**, given only to
  fundamental and governance instruments, P029, R146 and R190 that have no official title. All other
  instruments: \`null\`.
* Subjects come from the English title only (editorial, basis \`title keyword\`), from a closed list
  of slugs. An instrument whose title names none of them has no subject.
* Ratifications: Indonesia's C138 and C182 rows appear in two input files and are merged into one
  record each (more precise date, union of source ids, act and national title from the Indonesia
  file, notes joined with \` | \`). A C138 declared age becomes one \`minimum_age\` declaration
  (\`C138 Art 2(1)\`) dated at the registration date and carrying its row's source and confidence.

## Counts and known gaps (computed by the build)

| what | count |
|---|---|
${table}

Subjects: ${subjects}.

Other gaps documented in SOURCES.md and not repeated in these files: NORMLEX status for most
instruments; the instruments of the 113th ILC (2025); ratifications after mid-2023 by the 11 C138
non-ratifiers; Indonesia's day dates. Spain's C138 age was later raised to 16 under Art 2(2) (see the
row's notes): that later declaration comes from \`later-declarations.csv\`, undated, as the notification date
was not found; it is the one in effect because an Art 2(2) declaration always follows the Art 2(1) one.
`;
}
