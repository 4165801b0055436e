/*
 * The case cycle (issue 11; the ILO's description of child-labour monitoring: identify, refer to
 * services, verify removal, track the child afterwards). A case moves forward one step at a time;
 * `closed` is terminal and the reason says why (see closure.ts). Any open case may be closed for a
 * reason other than "no longer in child labour" (moved away, turned 18, lost, duplicate, not child
 * labour after all). Whether a reason's own conditions are met is closure.ts's rule (for
 * `no_longer_in_child_labour`, two clear follow-up visits, so in practice only from `follow_up`).
 */
export const CASE_STATUSES = ['identified', 'support_planned', 'support_provided', 'follow_up', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const FORWARD: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  identified: ['support_planned', 'closed'],
  support_planned: ['support_provided', 'closed'],
  support_provided: ['follow_up', 'closed'],
  // A relapse found at a follow-up visit sends the case back to planning further support.
  follow_up: ['support_planned', 'closed'],
  closed: [],
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return FORWARD[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return FORWARD[from].includes(to);
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}
