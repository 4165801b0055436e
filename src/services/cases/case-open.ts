import type { Actor } from '../../domain/access/policy.ts';
import { casePriority } from '../../domain/child-labour/cases/index.ts';
import type { Verdict, WorkKind } from '../../domain/child-labour/types.ts';
import type { IdentifyingValues, SealedColumns } from '../../storage/case-codec.ts';
import type { CaseEventInput } from '../../storage/case-events.ts';
import type { NewCaseRow } from '../../storage/case-repository.ts';
import type { CheckAnswer } from '../compliance-service.ts';
import type { CheckedOpen } from './case-input.ts';

const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

/**
 * The rows of a case opened by hand (decision 215): the case with the engine's assessment and its
 * priority, sealed identifying columns, and the 'open' event (identifying fields by name only).
 * The identification itself is not a visit row: visits are the follow-ups (and attempts) after it.
 */
export function openingRows(
  id: string,
  unitId: number,
  c: CheckedOpen,
  answer: CheckAnswer,
  actor: Actor,
  now: Date,
  seal: (values: IdentifyingValues) => SealedColumns,
): { row: NewCaseRow; event: Omit<CaseEventInput, 'caseId' | 'unitId'> } {
  const reasons = answer.reasons.map((r) => ({ rule: r.rule, citation: r.citation, verdict: r.verdict, message: r.message }));
  const inSchool = c.schoolAttending ?? c.schoolEnrolled;
  const priority = casePriority({ verdict: answer.verdict as Verdict, age: c.age, night: c.nightWork === true, inSchool, reasons });
  const stamp = now.toISOString();
  const storesIdentifying = Object.values(c.identifying).some((v) => v !== null);
  const sealed = storesIdentifying || c.consent ? seal({ ...c.identifying, consent_by: c.consent?.by ?? null }) : {};
  const storedFields = Object.entries(c.identifying)
    .filter(([, v]) => v !== null)
    .map(([k]) => k);
  return {
    row: {
      id,
      unit_id: unitId,
      worker_ref: c.workerRef,
      origin: c.origin,
      status: 'identified',
      priority: priority.tier,
      priority_rank: priority.rank,
      identified_on: c.identifiedOn,
      assigned_to: null,
      sex: c.sex,
      age_years: c.age,
      age_precision: c.agePrecision,
      province: c.province,
      district: c.district,
      household_ref: c.householdRef,
      school_enrolled: bit(c.schoolEnrolled),
      school_attending: bit(c.schoolAttending),
      work_task: c.workTask,
      commodity: c.commodity,
      hours_per_day: c.hoursPerDay,
      night_work: bit(c.nightWork),
      hazards: JSON.stringify(c.hazards),
      country_iso3: answer.country.iso3,
      verdict: answer.verdict,
      minimum_age: answer.minimumAge,
      assessment: JSON.stringify({
        work: c.work as WorkKind,
        minimumAgeBasis: answer.minimumAgeBasis,
        priorityCitations: priority.citations,
        reasons,
      }),
      ...sealed,
      consent_relation: c.consent?.relation ?? null,
      consent_on: c.consent?.on ?? null,
      consent_purposes: c.consent ? JSON.stringify(c.consent.purposes) : null,
      created_at: stamp,
      updated_at: stamp,
    },
    event: {
      at: stamp,
      userId: actor.id,
      actor: actor.email,
      action: 'open',
      before: null,
      // Which identifying fields were stored, never their values.
      after: {
        status: 'identified',
        priority: priority.tier,
        verdict: answer.verdict,
        origin: c.origin,
        identifyingFields: storedFields,
        consent: Boolean(c.consent),
      },
      reason: priority.citations.join('; ') || null,
    },
  };
}
