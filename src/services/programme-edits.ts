import type { Actor } from '../domain/access/policy.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import type { Confidence } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import type { OrganizationRole, Programme, ProgrammeTheme } from '../domain/programmes/programme.ts';
import { PROGRAMME_ID, programmeSlug, validateProgramme } from '../domain/programmes/programme-validation.ts';
import { refuseNul } from '../domain/text.ts';
import { checkCitation, clean, fail } from './edit-validation.ts';
import type { HistoryRepository, RegistryWriteTx } from './history-ports.ts';
import { PROGRAMMES_TX } from './programme-ports.ts';
import { authoriseWrite, sameJson } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';

/** A programme's fields as the secretariat sends them: undefined keeps the stored value, null clears it (unknown). */
export interface ProgrammeInput extends Citation {
  /** On creation only: the id to give it (else a slug of the English name). */
  id?: string;
  nameEn?: string;
  nameId?: string | null;
  aimEn?: string | null;
  aimId?: string | null;
  countries?: string[] | null;
  area?: string | null;
  startYear?: number | null;
  endYear?: number | null;
  durationYears?: number | null;
  closedPerSource?: boolean;
  donors?: string[] | null;
  partners?: string[] | null;
  instruments?: string[] | null;
  themes?: ProgrammeTheme[];
  roles?: OrganizationRole[] | null;
  activities?: string[] | null;
  outcomes?: string[] | null;
  url?: string | null;
  confidence?: Confidence;
  notes?: string | null;
}

/** The history's record key of a programme or an office: its id in capitals (the kinds read it back lowered). */
export const programmeHistoryKey = (id: string): string => id.toUpperCase();

const pick = <T>(given: T | undefined, stored: T): T => (given === undefined ? stored : given);
const textOf = (given: string | null | undefined, stored: string | null): string | null => (given === undefined ? stored : clean(given));

/** Trimmed, empty items dropped; null stays null (unknown). */
function listOf(given: readonly string[] | null | undefined, stored: string[] | null, norm = (s: string) => s): string[] | null {
  if (given === undefined) return stored;
  if (given === null) return null;
  return given.map((s) => norm(String(s ?? '').trim())).filter((s) => s !== '');
}

const countryCode = (s: string) => s.toUpperCase();
const instrumentCode = (s: string) => normaliseInstrumentCode(s) ?? s.toUpperCase();

/** The record's sources: what it had, and the source of this change when it is new to the record. */
function withSource(had: string, cited: string): string {
  return had.split(/\s*;\s*/).includes(cited) ? had : `${had} ; ${cited}`;
}

/** New States and instruments must be in the registry; those a bundled record already named stay editable. */
async function checkKnown(tx: RegistryWriteTx, p: Programme, before: Programme | null): Promise<void> {
  const issues: FieldIssue[] = [];
  const countries = p.countries ?? [];
  for (const [i, c] of countries.entries()) {
    if (before?.countries?.includes(c)) continue;
    if (!(await tx.countryExists(c))) issues.push({ field: `countries.${i}`, message: `no ILO member State with code "${c}"` });
  }
  const added = (p.instruments ?? []).filter((c) => !before?.instruments?.includes(c));
  const known = new Set((await tx.getInstruments(added)).map((i) => i.code));
  (p.instruments ?? []).forEach((code, i) => {
    if (added.includes(code) && !known.has(code))
      issues.push({ field: `instruments.${i}`, message: `no instrument with code "${code}" in the registry` });
  });
  if (issues.length) fail(issues);
}

function merge(id: string, input: ProgrammeInput, before: Programme | null, cited: string): Programme {
  return {
    id,
    nameEn: pick(input.nameEn === undefined ? undefined : (clean(input.nameEn) ?? ''), before?.nameEn ?? ''),
    nameId: textOf(input.nameId, before?.nameId ?? null),
    aimEn: textOf(input.aimEn, before?.aimEn ?? null),
    aimId: textOf(input.aimId, before?.aimId ?? null),
    countries: listOf(input.countries, before?.countries ?? null, countryCode),
    area: textOf(input.area, before?.area ?? null),
    startYear: pick(input.startYear, before?.startYear ?? null),
    endYear: pick(input.endYear, before?.endYear ?? null),
    durationYears: pick(input.durationYears, before?.durationYears ?? null),
    closedPerSource: pick(input.closedPerSource, before?.closedPerSource ?? false),
    donors: listOf(input.donors, before?.donors ?? null),
    partners: listOf(input.partners, before?.partners ?? null),
    instruments: listOf(input.instruments, before?.instruments ?? null, instrumentCode),
    themes: pick(input.themes, before?.themes ?? []),
    roles: pick(input.roles, before?.roles ?? null),
    activities: listOf(input.activities, before?.activities ?? null),
    outcomes: listOf(input.outcomes, before?.outcomes ?? null),
    url: textOf(input.url, before?.url ?? null),
    source: before?.source ?? cited,
    confidence: pick(input.confidence, before?.confidence ?? 'medium'),
    notes: textOf(input.notes, before?.notes ?? null),
  };
}

/**
 * Adds (id null) or changes a programme (decision 200): the secretariat only, a cited source, the
 * whole record checked, then written with its history event in one transaction (revertable through
 * programme-kinds.ts), which also renews the search index and the profiles of the States it names.
 */
export async function saveProgramme(
  store: HistoryRepository,
  actor: Actor | null,
  id: string | null,
  input: ProgrammeInput,
  now: Date,
): Promise<ChangeResult<Programme>> {
  refuseNul(input);
  authoriseWrite(actor, { kind: 'secretariat_record' });
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  if (id === null && !clean(input.nameEn ?? null)) issues.push({ field: 'nameEn', message: 'the English name is required' });
  const wanted = clean(input.id ?? null);
  if (id === null && wanted !== null && !PROGRAMME_ID.test(wanted))
    issues.push({ field: 'id', message: 'must be lower-case letters, digits and hyphens (at most 80)' });
  if (id !== null && input.id !== undefined && clean(input.id) !== id)
    issues.push({ field: 'id', message: `the id cannot change (this programme is ${id})` });
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(PROGRAMMES_TX);
    const before = id === null ? null : await port.getProgramme(id);
    if (id !== null && !before) throw notFound(`No programme ${id}`);
    let newId = id;
    if (newId === null) {
      if (wanted !== null) {
        if (await port.getProgramme(wanted))
          throw new DomainError('conflict', `A programme with id "${wanted}" exists; change it instead.`);
        newId = wanted;
      } else {
        const slug = programmeSlug(clean(input.nameEn ?? null) ?? '');
        const taken = new Set(await port.programmeIdsLike(slug));
        newId = slug;
        for (let n = 2; taken.has(newId); n++) newId = `${slug}-${n}`;
      }
    }
    const cited = clean(input.source) as string;
    const after = merge(newId, input, before, cited);
    // The source joins the record's sources only when it backs a change (a form sent back as it was records nothing).
    if (before && !sameJson(before, after)) after.source = withSource(before.source, cited);
    const refused = validateProgramme(after, now.getUTCFullYear());
    if (refused.length) fail(refused);
    await checkKnown(tx, after, before);
    return recordChange(tx, actor as Actor, now, {
      recordType: 'programme',
      recordKey: programmeHistoryKey(after.id),
      country: after.countries?.length === 1 ? (after.countries[0] ?? null) : null,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => port.putProgramme(after.id, after),
    });
  });
}
