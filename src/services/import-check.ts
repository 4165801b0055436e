import { type Actor, canWrite } from '../domain/access/policy.ts';
import type { MemberState } from '../domain/country.ts';
import { checkRatificationFacts } from '../domain/editing/fact-rules.ts';
import type { Instrument } from '../domain/instrument.ts';
import { validateRatificationInput } from './edit-validation.ts';
import { type ImportProblem, type ImportRow, importColumnOf } from './import-csv.ts';

export interface ImportLookups {
  getCountry(iso3: string): Promise<MemberState | null>;
  getInstrument(code: string): Promise<Instrument | null>;
  /** Many at once, when the store can (a file names up to 187 States): those that exist. */
  getCountries?(iso3s: readonly string[]): Promise<MemberState[]>;
  getInstruments?(codes: readonly string[]): Promise<Instrument[]>;
}

export interface ImportCheck {
  problems: ImportProblem[];
  /** Odd but sourced facts (e.g. a ratification before ILO membership): reported, not refused. */
  warnings: ImportProblem[];
}

/**
 * Every check the import can make before it writes, on every row at once: the values the edit
 * service would refuse, the registry (State, instrument), the user's scope and the fact rules. Rows
 * whose cells already had a problem are checked too, on their readable cells, and a column already
 * reported for a line is not reported again, so one run lists every problem once.
 */
export async function checkImportRows(
  actor: Actor,
  rows: readonly ImportRow[],
  alreadyReported: readonly ImportProblem[],
  lookups: ImportLookups,
  now: Date,
): Promise<ImportCheck> {
  const reported = new Set(alreadyReported.map((p) => `${p.line}|${p.field}`));
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const add = (p: ImportProblem) => {
    const key = `${p.line}|${p.field}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(p);
  };
  // Each State and instrument is looked up once, when a row first names it.
  const countries = new Map<string, MemberState | null>();
  const instruments = new Map<string, Instrument | null>();
  const today = now.toISOString().slice(0, 10);
  // Every State and instrument the file names, read at once where the store can.
  if (lookups.getCountries) {
    const named = [...new Set(rows.map((r) => r.input.country).filter((c) => c))];
    for (const c of named) countries.set(c, null);
    for (const m of await lookups.getCountries(named)) countries.set(m.iso3, m);
  }
  if (lookups.getInstruments) {
    const named = [...new Set(rows.map((r) => r.input.instrument).filter((i) => i && !i.startsWith('R')))];
    for (const i of named) instruments.set(i, null);
    for (const i of await lookups.getInstruments(named)) instruments.set(i.code, i);
  }

  // In line order (a parsed file's rows usually are already: then they are not copied and sorted).
  const inOrder = rows.every((r, i) => i === 0 || (rows[i - 1] as ImportRow).line <= r.line)
    ? rows
    : [...rows].sort((a, b) => a.line - b.line);
  for (const { line, input } of inOrder) {
    const checked = validateRatificationInput(input);
    for (const issue of checked.issues) add({ line, field: importColumnOf(issue.field), message: issue.message });

    let member: MemberState | null = null;
    if (input.country) {
      const known = countries.get(input.country);
      if (known !== undefined) member = known;
      else {
        member = await lookups.getCountry(input.country);
        countries.set(input.country, member);
      }
      if (!member) add({ line, field: 'country', message: `"${input.country}" is not an ILO member State in the registry` });
      else {
        const decision = canWrite(actor, { kind: 'ratification', country: input.country });
        if (!decision.allowed) add({ line, field: 'country', message: decision.reason });
      }
    }
    let instrument: Instrument | null = null;
    if (input.instrument && !input.instrument.startsWith('R')) {
      const known = instruments.get(input.instrument);
      if (known !== undefined) instrument = known;
      else {
        instrument = await lookups.getInstrument(input.instrument);
        instruments.set(input.instrument, instrument);
      }
      if (!instrument) add({ line, field: 'instrument', message: `"${input.instrument}" is not an instrument in the registry` });
    }
    if (checked.date) {
      // The rules that need the State or the instrument wait for them; the future date does not.
      const facts = checkRatificationFacts({
        country: input.country,
        instrument: input.instrument,
        registrationDate: checked.date,
        registrationField: 'registration_date',
        adoptionDate: instrument?.adoptionDate ?? null,
        membershipDate: member?.membershipDate ?? null,
        today,
      });
      for (const e of facts.errors) add({ line, field: e.field, message: `${e.message} (rule ${e.rule})` });
      for (const w of facts.warnings) warnings.push({ line, field: w.field, message: `${w.message} (rule ${w.rule})` });
    }
  }
  return { problems, warnings };
}
