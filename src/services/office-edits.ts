import type { Actor } from '../domain/access/policy.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { notFound } from '../domain/errors.ts';
import type { IloOffice } from '../domain/governance/offices.ts';
import { refuseNul } from '../domain/text.ts';
import { checkCitation, clean, fail } from './edit-validation.ts';
import type { HistoryRepository } from './history-ports.ts';
import { programmeHistoryKey } from './programme-edits.ts';
import { OFFICES_TX } from './programme-ports.ts';
import { authoriseWrite, sameJson } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';

/** What the secretariat may change of an office (decision 201): undefined keeps, null clears (unknown). */
export interface OfficeInput extends Citation {
  city?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Member States covered (ISO 3166 alpha-3). */
  covers?: string[];
  /** Covered territories that are not member States, as the source names them. */
  coversOther?: string[];
  notes?: string | null;
}

const MAX_LINE = 300;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^[+0-9 ()./-]{4,60}$/;

const textOf = (given: string | null | undefined, stored: string | null): string | null => (given === undefined ? stored : clean(given));

function listOf(given: readonly string[] | undefined, stored: string[], norm: (s: string) => string): string[] {
  if (given === undefined) return stored;
  return [...new Set(given.map((s) => norm(String(s ?? '').trim())).filter((s) => s !== ''))];
}

function validateOffice(o: IloOffice): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const f of ['city', 'address', 'phone', 'email', 'notes'] as const) {
    const value = o[f];
    const max = f === 'notes' ? 4000 : MAX_LINE;
    if (value !== null && value.length > max) issues.push({ field: f, message: `must be at most ${max} characters` });
  }
  if (o.email !== null && !EMAIL.test(o.email))
    issues.push({ field: 'email', message: 'must be an email address such as jakarta@ilo.org' });
  if (o.phone !== null && !PHONE.test(o.phone))
    issues.push({ field: 'phone', message: 'must be a telephone number: digits, spaces, +, -, ., / and brackets' });
  o.covers.forEach((c, i) => {
    if (!/^[A-Z]{3}$/.test(c)) issues.push({ field: `covers.${i}`, message: `"${c}" is not an ISO 3166 alpha-3 code such as IDN` });
  });
  if (o.covers.length > 250) issues.push({ field: 'covers', message: 'may list at most 250 States' });
  o.coversOther.forEach((c, i) => {
    if (c.length > MAX_LINE) issues.push({ field: `coversOther.${i}`, message: `must be at most ${MAX_LINE} characters` });
  });
  return issues;
}

/**
 * Changes an office's city, contacts and States covered (decision 201): the secretariat only, with a
 * cited source; one history event per change (revertable through programme-kinds.ts), renewing the
 * search index and every country profile's "who to contact".
 */
export async function updateOffice(
  store: HistoryRepository,
  actor: Actor | null,
  id: string,
  input: OfficeInput,
  now: Date,
): Promise<ChangeResult<IloOffice>> {
  refuseNul(input);
  authoriseWrite(actor, { kind: 'secretariat_record' });
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(OFFICES_TX);
    const before = await port.getOffice(id);
    if (!before) throw notFound(`No ILO office with id "${id}".`);
    const cited = clean(input.source) as string;
    const after: IloOffice = {
      ...before,
      city: textOf(input.city, before.city),
      address: textOf(input.address, before.address),
      phone: textOf(input.phone, before.phone),
      email: textOf(input.email, before.email),
      covers: listOf(input.covers, before.covers, (s) => s.toUpperCase()),
      coversOther: listOf(input.coversOther, before.coversOther, (s) => s),
      notes: textOf(input.notes, before.notes),
    };
    if (!sameJson(before, after)) {
      const had = before.source ?? '';
      after.source = had.split(/\s*;\s*/).includes(cited) ? had : had ? `${had} ; ${cited}` : cited;
    }
    const refused = validateOffice(after);
    if (refused.length) fail(refused);
    const unknownStates: FieldIssue[] = [];
    for (const [i, c] of after.covers.entries())
      if (!before.covers.includes(c) && !(await tx.countryExists(c)))
        unknownStates.push({ field: `covers.${i}`, message: `no ILO member State with code "${c}"` });
    if (unknownStates.length) fail(unknownStates);
    return recordChange(tx, actor as Actor, now, {
      recordType: 'ilo_office',
      recordKey: programmeHistoryKey(after.id),
      country: after.countryIso3,
      action: 'update',
      before,
      after,
      citation: input,
      apply: () => port.putOffice(after),
    });
  });
}
