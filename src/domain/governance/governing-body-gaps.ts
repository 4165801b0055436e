import type { Gap } from '../gaps.ts';
import { type CompositionRules, composition, cyclePeriodAt, type GbPeriod } from './governing-body.ts';

/**
 * The Governing Body compositions the sources leave unknown, for the data-gaps worklist: every
 * stored period with a seat whose holder is unknown, and the period the election cycle puts the
 * reference date in when no period is stored for it (its members are all unknown). The secretariat
 * fills them (PUT /api/governing-body/periods/{id}).
 */
export function governingBodyGaps(rules: CompositionRules, periods: readonly GbPeriod[], asOf: string): Gap[] {
  const gap = (record: string): Gap => ({
    kind: 'governing-body-members',
    record,
    recordType: 'gb_period',
    country: null,
    instrument: null,
    role: 'secretariat',
  });
  const gaps = periods.filter((p) => composition(rules, p).membership !== 'complete').map((p) => gap(p.id));
  const expected = cyclePeriodAt(rules.electionCycle, asOf);
  if (expected && !periods.some((p) => p.id === expected.id)) gaps.push(gap(expected.id));
  return gaps;
}
