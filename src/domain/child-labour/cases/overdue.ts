import type { PriorityTier } from './priority.ts';
import { addDays, byDate, type IsoDay, requireDay, type Visit } from './types.ts';

/*
 * When the next follow-up visit is due, and whether it is overdue on the reference day. The
 * interval per priority tier is unit configuration (issue 11: "the follow-up interval per priority
 * is unit configuration"), passed in as data; nothing here fixes a number of days.
 */
export type FollowUpIntervals = Readonly<Record<PriorityTier, number>>;

export interface FollowUpState {
  /** The last visit's day, or the identification day when there was none. */
  since: IsoDay;
  due: IsoDay;
  overdue: boolean;
  /** Days past the due day (0 when not overdue). */
  daysOverdue: number;
}

export function validateIntervals(intervals: FollowUpIntervals): void {
  for (const [tier, days] of Object.entries(intervals)) {
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`followUpIntervals.${tier}: a whole number of days, at least 1`);
  }
}

export function followUpState(
  c: { identifiedOn: IsoDay; tier: PriorityTier; visits: readonly Visit[]; closed: boolean },
  intervals: FollowUpIntervals,
  today: IsoDay,
): FollowUpState | null {
  if (c.closed) return null;
  validateIntervals(intervals);
  const t = requireDay(today, 'today');
  const past = byDate(c.visits).filter((v) => requireDay(v.date, 'visit date') <= t);
  const since = past.length > 0 ? past[past.length - 1]!.date : c.identifiedOn;
  const due = addDays(since, intervals[c.tier]);
  const daysOverdue = Math.max(0, t - requireDay(due, 'due'));
  return { since, due, overdue: daysOverdue > 0, daysOverdue };
}
