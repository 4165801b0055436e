import { byDate, type IsoDay, requireDay, type SupportAction, type Visit } from './types.ts';

/*
 * Closing a case (issue 11). "No longer in child labour" is allowed only after at least two
 * consecutive follow-up visits, on different days, found the child not in child labour (the
 * buyers' assessment rule the issue cites, in line with the International Cocoa Initiative's core
 * criteria of at least two follow-up visits per child), and with at least one support action
 * provided. A visit that finds the child in child labour again resets the count. Other closings need
 * their own condition: turned 18 (C182 Art 2: a child is a person under 18), moved away or
 * duplicate (a note is required), lost to follow-up after N unsuccessful attempts (N is unit
 * configuration), not child labour after all (the reassessment said so).
 */
export const CLOSURE_REASONS = [
  'no_longer_in_child_labour',
  'turned_18',
  'moved_away',
  'lost_to_follow_up',
  'duplicate',
  'not_child_labour',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export interface ClosureInput {
  reason: ClosureReason;
  on: IsoDay;
  visits: readonly Visit[];
  actions: readonly SupportAction[];
  /** Age in completed years on `on`; null when unknown. */
  ageOn: number | null;
  /** Unsuccessful contact attempts recorded since the last visit. */
  failedAttempts: number;
  note: string | null;
  /** The reassessment's verdict is not child labour (permitted or other_law). */
  reassessedNotChildLabour?: boolean;
}

export interface ClosureOptions {
  /** Attempts after which a case may close as lost to follow-up. */
  lostAfterAttempts: number;
  /** Consecutive clear visits required; 2 per the buyers' assessment rule. */
  clearVisitsRequired: number;
}

export const DEFAULT_CLOSURE_OPTIONS: ClosureOptions = { lostAfterAttempts: 3, clearVisitsRequired: 2 };

export type ClosureRefusal =
  | 'too-few-clear-visits'
  | 'no-support-provided'
  | 'under-18'
  | 'age-unknown'
  | 'too-few-attempts'
  | 'note-required'
  | 'not-reassessed';

export type ClosureDecision =
  | { allowed: true; citation: string }
  | { allowed: false; refusal: ClosureRefusal; params: Record<string, number> };

/**
 * Consecutive visits, counting back from the latest, that found the child out of child labour, with
 * same-day visits counted once (two visits the same day are one observation). A visit in child
 * labour stops the count: everything before it is a previous episode.
 */
export function consecutiveClearVisits(visits: readonly Visit[], on?: IsoDay): number {
  const limit = on === undefined ? null : requireDay(on, 'on');
  const ordered = byDate(visits).filter((v) => limit === null || requireDay(v.date, 'visit date') <= limit);
  const days = new Set<string>();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const v = ordered[i]!;
    if (v.inChildLabour) break;
    days.add(v.date);
  }
  // A same-day visit that found the child in work is a relapse that day: the day does not count.
  for (const v of ordered) if (v.inChildLabour) days.delete(v.date);
  return days.size;
}

export function canClose(input: ClosureInput, options: ClosureOptions = DEFAULT_CLOSURE_OPTIONS): ClosureDecision {
  requireDay(input.on, 'on');
  switch (input.reason) {
    case 'no_longer_in_child_labour': {
      const clear = consecutiveClearVisits(input.visits, input.on);
      if (clear < options.clearVisitsRequired) {
        return { allowed: false, refusal: 'too-few-clear-visits', params: { clear, required: options.clearVisitsRequired } };
      }
      const provided = input.actions.filter((a) => a.providedOn !== null && a.providedOn <= input.on).length;
      if (provided === 0) return { allowed: false, refusal: 'no-support-provided', params: {} };
      return { allowed: true, citation: 'ICI core criteria; buyers\u2019 assessment: two consecutive follow-up visits' };
    }
    case 'turned_18':
      if (input.ageOn === null) return { allowed: false, refusal: 'age-unknown', params: {} };
      if (input.ageOn < 18) return { allowed: false, refusal: 'under-18', params: { age: input.ageOn } };
      return { allowed: true, citation: 'C182 Art 2' };
    case 'lost_to_follow_up':
      if (input.failedAttempts < options.lostAfterAttempts) {
        return {
          allowed: false,
          refusal: 'too-few-attempts',
          params: { attempts: input.failedAttempts, required: options.lostAfterAttempts },
        };
      }
      return { allowed: true, citation: 'unit configuration: lost after N attempts' };
    case 'moved_away':
    case 'duplicate':
      if (!input.note || input.note.trim() === '') return { allowed: false, refusal: 'note-required', params: {} };
      return { allowed: true, citation: 'case record' };
    case 'not_child_labour':
      if (input.reassessedNotChildLabour !== true) return { allowed: false, refusal: 'not-reassessed', params: {} };
      return { allowed: true, citation: 'compliance engine reassessment' };
  }
}
