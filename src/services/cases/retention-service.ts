import { dueForAnonymisation, type IsoDay, retentionCutoff } from '../../domain/child-labour/cases/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { CaseEventInput } from '../../storage/case-events.ts';
import type { KyselyCaseExports } from '../../storage/case-exports.ts';
import type { KyselyCaseMetricsReader } from '../../storage/case-metrics-reader.ts';

/*
 * Retention (issue 11, decision 225): closed cases are anonymised once the unit's retention period
 * (retention_months) has passed since their closing day (src/domain/child-labour/cases/retention.ts).
 * Anonymising clears what identifies the child and keeps what the unit's figures need (sex, age,
 * district, dates, findings), so the metrics of past years do not change. Each case gets an
 * 'anonymise' event. Run by the operator (CLI, e.g. from a daily timer); `by` names who ran it.
 */
export interface AnonymiseResult {
  unitId: number;
  today: IsoDay;
  retentionMonths: number;
  /** Cases closed on or before this day were due. */
  cutoff: IsoDay;
  anonymised: number;
  caseIds: string[];
}

export class CaseRetentionService {
  constructor(
    private readonly reader: KyselyCaseMetricsReader,
    private readonly store: KyselyCaseExports,
  ) {}

  async anonymiseDue(unitId: number, today: IsoDay, now: Date, by: { userId: number | null; actor: string }): Promise<AnonymiseResult> {
    const unit = await this.reader.unitSettings(unitId);
    if (!unit) throw new DomainError('not_found', `No monitoring unit ${unitId}.`);
    const cutoff = retentionCutoff(today, unit.retention_months);
    const candidates = await this.store.retentionCandidates(unitId);
    const due = dueForAnonymisation(
      candidates.map((c) => ({ id: c.id, closedOn: c.closed_on, anonymisedOn: c.anonymised_at?.slice(0, 10) ?? null })),
      today,
      unit.retention_months,
    );
    const at = now.toISOString();
    const events: CaseEventInput[] = due.map((caseId) => ({
      caseId,
      unitId,
      at,
      userId: by.userId,
      actor: by.actor,
      action: 'anonymise',
      before: null,
      after: { anonymisedAt: at },
      reason: `closed on or before ${cutoff}: retention period of ${unit.retention_months} months passed`,
    }));
    if (due.length > 0) await this.store.anonymise(due, at, events);
    return { unitId, today, retentionMonths: unit.retention_months, cutoff, anonymised: due.length, caseIds: due };
  }
}
