import type { Confidence } from '../facts.ts';
import type { VoteCounts, VoteKind } from './types.ts';

/** A real final vote of the Conference, as data/adoption-votes.json records it (null = unknown). */
export interface AdoptionVote {
  instrument: string;
  session: number;
  date: string;
  kind: VoteKind;
  for: number | null;
  against: number | null;
  abstain: number | null;
  /** The quorum the President announced, where a source gives it. */
  quorum: number | null;
  delegatesAttending: number | null;
  /** Source ids, semicolon-separated (data/README.md), or null when no source gives the vote. */
  source: string | null;
  confidence: Confidence | null;
  note: string | null;
}

/**
 * The counts to evaluate a recorded vote with, or null if its figures are unknown. Attendance is
 * rarely published: when unknown it is taken as twice the announced quorum (the largest attendance
 * with that quorum, so the strictest check), or else as the delegates who voted (everyone who voted
 * attended; the most lenient check, which the announced adoption implies was met).
 */
export function adoptionCounts(v: AdoptionVote): VoteCounts | null {
  if (v.for === null || v.against === null || v.abstain === null) return null;
  const delegatesAttending = v.delegatesAttending ?? (v.quorum !== null ? 2 * v.quorum : v.for + v.against + v.abstain);
  return { for: v.for, against: v.against, abstain: v.abstain, delegatesAttending };
}
