import { ageOn } from '../../domain/child-labour/age.ts';
import { type ClosureDecision, canClose, dayNumber } from '../../domain/child-labour/cases/index.ts';
import { openValue } from '../../storage/case-codec.ts';
import type { ActionRow, CaseRow, UnitRow, VisitRow } from '../../storage/case-repository.ts';
import type { Keyring } from '../../storage/field-crypto.ts';
import type { CloseInput } from './case-types.ts';
import { followUpVisits } from './case-view.ts';

/** Verdicts that are not child labour: a case assessed so may close as not_child_labour. */
const NOT_CHILD_LABOUR: readonly string[] = ['permitted', 'other_law'];

/**
 * The closure rule (closure.ts) over a stored case: the follow-up visits (attempts and the
 * identification visit do not count), the support actions, the age on the closing day, the
 * unsuccessful attempts since the child was last found, and the unit's lostAfterAttempts.
 */
export function closureDecision(
  row: CaseRow,
  unit: UnitRow,
  visits: readonly VisitRow[],
  actions: readonly ActionRow[],
  input: CloseInput & { note: string | null },
  keys: Keyring | null,
): ClosureDecision {
  const lastFound = visits.filter((v) => Number(v.child_found) === 1).at(-1)?.visited_on ?? row.identified_on;
  return canClose(
    {
      reason: input.reason,
      on: input.on,
      visits: followUpVisits(visits),
      actions: actions.map((a) => ({ kind: a.kind, dueDate: a.due_on, providedOn: a.provided_on })),
      ageOn: ageOnDay(row, input.on, keys),
      failedAttempts: visits.filter((v) => v.kind === 'attempt' && v.visited_on >= lastFound).length,
      note: input.note,
      reassessedNotChildLabour: NOT_CHILD_LABOUR.includes(row.verdict ?? ''),
    },
    { lostAfterAttempts: Number(unit.lost_after_attempts), clearVisitsRequired: 2 },
  );
}

/**
 * Age on a day: from the sealed birth date when there is one; else the age recorded at
 * identification plus the whole years since (an estimate stays an estimate: never rounded up).
 */
export function ageOnDay(row: CaseRow, on: string, keys: Keyring | null): number | null {
  if (row.birth_date_enc && keys) {
    const birth = openValue(keys, row.id, 'birth_date', row.birth_date_enc);
    if (birth) return ageOn(birth, on);
  }
  if (row.age_years === null) return null;
  const elapsed = Math.floor(((dayNumber(on) ?? 0) - (dayNumber(row.identified_on) ?? 0)) / 365.25);
  return Number(row.age_years) + Math.max(0, elapsed);
}
