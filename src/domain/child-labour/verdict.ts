import { VERDICTS, type Verdict } from './types.ts';

const RANK: Readonly<Record<Verdict, number>> = { permitted: 0, other_law: 1, conditional: 2, prohibited: 3, worst_form: 4 };

/** Negative when `a` is less severe than `b`, zero when equal, positive when more severe. */
export function compareVerdicts(a: Verdict, b: Verdict): number {
  return RANK[a] - RANK[b];
}

/** The most severe verdict; `permitted` for none, since no rule applying restricts nothing. */
export function mostSevere(verdicts: Iterable<Verdict>): Verdict {
  let best = 0;
  for (const v of verdicts) if (RANK[v] > best) best = RANK[v];
  return VERDICTS[best]!;
}

export function isVerdict(value: string): value is Verdict {
  return Object.hasOwn(RANK, value);
}
