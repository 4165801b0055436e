import { type Actor, canWrite, type WriteTarget } from '../domain/access/policy.ts';
import type { MemberState } from '../domain/country.ts';
import { checkRatificationFacts } from '../domain/editing/fact-rules.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Declaration, Ratification } from '../domain/ratification.ts';
import { refuseNul } from '../domain/text.ts';
import type { RatificationInput } from './edit-service.ts';
import { type CheckedRatificationInput, clean, fail, validateRatificationInput } from './edit-validation.ts';

/**
 * One ratification change, computed the same way whether it is saved on its own or as a row of an
 * import: the single-record path and the batched import both call these two steps, so a row gives
 * the same record, the same event and the same refusals either way.
 */

export function authoriseWrite(actor: Actor | null, target: WriteTarget): asserts actor is Actor {
  const decision = canWrite(actor, target);
  if (!decision.allowed) throw new DomainError(actor ? 'forbidden' : 'unauthenticated', decision.reason);
}

/** The checks that need nothing stored: NUL characters, the form of the fields, the user's scope. */
export function prepareRatification(actor: Actor | null, input: RatificationInput): CheckedRatificationInput & { actor: Actor } {
  refuseNul(input);
  const checked = validateRatificationInput(input);
  authoriseWrite(actor, { kind: 'ratification', country: checked.country });
  if (checked.issues.length) fail(checked.issues);
  return { ...checked, actor };
}

export interface RatificationContext {
  member: MemberState | null;
  registered: Instrument | null;
  before: Ratification | null;
  now: Date;
}

/** The record after the change, and the odd-but-accepted facts; throws what the registry or the rules refuse. */
export function planRatification(
  input: RatificationInput,
  checked: CheckedRatificationInput,
  { member, registered, before, now }: RatificationContext,
): { after: Ratification; warnings: FieldIssue[] } {
  const { country, instrument, date } = checked;
  if (!member) throw notFound(`No ILO member State with code "${country}".`);
  if (!registered) throw notFound(`No instrument with code "${instrument}".`);
  const age = input.minimumAge;
  const remove = input.removeMinimumAge ?? null;
  const source = clean(input.source) as string;
  const declarations: Declaration[] = [...(before?.declarations ?? [])];
  if (age) {
    const article = age.article ?? 'C138 Art 2(1)';
    const declaration: Declaration = {
      kind: 'minimum_age',
      article,
      value: age.value,
      date: clean(age.date) ?? (article === 'C138 Art 2(1)' ? date : null),
      source,
      confidence: input.confidence ?? 'medium',
      notes: null,
    };
    const at = declarations.findIndex((d) => d.article === article);
    if (at >= 0) declarations[at] = declaration;
    else declarations.push(declaration);
  }
  if (remove !== null) {
    const at = declarations.findIndex((d) => d.kind === 'minimum_age' && d.article === remove);
    if (at >= 0) declarations.splice(at, 1);
  }
  const after: Ratification = {
    country,
    instrument,
    registrationDate: input.registrationDate === undefined ? (before?.registrationDate ?? null) : date,
    status: input.status === undefined ? (before?.status ?? null) : (input.status ?? null),
    legalAct: input.legalAct === undefined ? (before?.legalAct ?? null) : clean(input.legalAct),
    nationalTitle: input.nationalTitle === undefined ? (before?.nationalTitle ?? null) : clean(input.nationalTitle),
    declarations,
    source,
    confidence: input.confidence ?? 'medium',
    notes: before?.notes ?? null,
  };
  const facts = checkRatificationFacts({
    country,
    instrument,
    registrationDate: after.registrationDate,
    adoptionDate: registered.adoptionDate,
    membershipDate: member.membershipDate,
    declarationDates: clean(age?.date) ? [{ field: 'minimumAge.date', date: clean(age?.date) as string }] : [],
    today: dayOf(now),
  });
  if (facts.errors.length) fail(facts.errors);
  return { after, warnings: facts.warnings };
}

/** YYYY-MM-DD of `now`, remembered for the last instant asked: an import plans every row at the same `now`. */
let lastDay: { time: number; day: string } | null = null;
function dayOf(now: Date): string {
  const time = now.getTime();
  if (lastDay?.time !== time) lastDay = { time, day: now.toISOString().slice(0, 10) };
  return lastDay.day;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
