import { addDays, type IsoDay, monthsBefore, requireDay } from './types.ts';

/*
 * Retention (issue 11: "closed cases are anonymised after a configurable period"; UU 27/2022 asks
 * that personal data be kept no longer than its purpose needs). A closed case whose closing day is
 * at least `months` before the reference day, and which is not yet anonymised, is due. The period
 * is configuration passed in.
 */
export interface RetentionCase {
  id: string;
  closedOn: IsoDay | null;
  anonymisedOn: IsoDay | null;
}

export function validateRetentionMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('retentionMonths: a whole number of months, at least 1');
}

/** The last closing day that is due on `today`: closed on or before it. */
export function retentionCutoff(today: IsoDay, months: number): IsoDay {
  validateRetentionMonths(months);
  return monthsBefore(today, months);
}

export function dueForAnonymisation(cases: readonly RetentionCase[], today: IsoDay, months: number): string[] {
  const cutoff = requireDay(retentionCutoff(today, months), 'cutoff');
  return cases
    .filter((c) => c.anonymisedOn === null && c.closedOn !== null && requireDay(c.closedOn, 'closedOn') <= cutoff)
    .map((c) => c.id);
}

/** The day a case closed on `closedOn` becomes due (for display). */
export function anonymisationDueOn(closedOn: IsoDay, months: number): IsoDay {
  validateRetentionMonths(months);
  // Smallest day d with monthsBefore(d, months) >= closedOn: step forward from a close estimate.
  let d = addDays(closedOn, months * 28);
  while (monthsBefore(d, months) < closedOn) d = addDays(d, 1);
  return d;
}
