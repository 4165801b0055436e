import type { CaseStatus, ClosureReason, PriorityTier } from '../../domain/child-labour/cases/index.ts';

/*
 * The shapes the case service (src/services/cases/case-service.ts) returns and takes, shared by
 * the API, the portal and the CLI (issue 11). Identifying fields are present only when the
 * caller's role in the unit may see them (UnitCapabilities.seeIdentifying); otherwise they are
 * null and `identifying` is false — never a hint of the value.
 */
export interface UnitView {
  id: number;
  name: string;
  kind: string;
  country: string;
  province: string | null;
  district: string | null;
  supplyChain: string | null;
  commodity: string | null;
  followUpDays: Record<PriorityTier, number>;
  lostAfterAttempts: number;
  retentionMonths: number;
  /** The caller's role in the unit (null for a platform admin who is not a member). */
  myRole: string | null;
}

export interface CaseSummary {
  id: string;
  unitId: number;
  caseNumber: number;
  status: CaseStatus;
  priority: PriorityTier;
  identifiedOn: string;
  sex: string | null;
  ageYears: number | null;
  district: string | null;
  verdict: string | null;
  /** Next follow-up due day and whether it is overdue today (null when closed). */
  nextVisitDue: string | null;
  overdue: boolean;
  assignedTo: number | null;
  /** Only with seeIdentifying: the child's name or initials. */
  name: string | null;
}

export interface VisitView {
  id: number;
  visitedOn: string;
  kind: 'identification' | 'follow_up' | 'attempt';
  monitor: string | null;
  childFound: boolean;
  inChildLabour: boolean | null;
  atSchool: boolean | null;
  notes: string | null;
}

export interface ActionView {
  id: number;
  kind: string;
  responsible: string;
  dueOn: string;
  providedOn: string | null;
  programmeId: string | null;
  overdue: boolean;
  notes: string | null;
}

export interface CaseView extends CaseSummary {
  origin: 'visit' | 'screening' | 'referral' | 'check';
  workerRef: string | null;
  agePrecision: 'exact' | 'estimated' | 'unknown';
  province: string | null;
  householdRef: string | null;
  schoolEnrolled: boolean | null;
  schoolAttending: boolean | null;
  workTask: string | null;
  commodity: string | null;
  hoursPerDay: number | null;
  nightWork: boolean | null;
  hazards: string[];
  country: string;
  minimumAge: number | null;
  /** The engine's reasons kept with the case: rule, citation, verdict (and message when stored). */
  reasons: { rule: string; citation: string; verdict: string; message?: string }[];
  identifying: boolean;
  birthDate: string | null;
  village: string | null;
  location: string | null;
  contact: string | null;
  notes: string | null;
  consent: { by: string | null; relation: string | null; on: string | null; purposes: string[] } | null;
  closedOn: string | null;
  closureReason: ClosureReason | null;
  visits: VisitView[];
  actions: ActionView[];
  /** Consecutive clear follow-up visits (on different days) counting back from the latest. */
  clearVisits: number;
}

export interface CaseFilter {
  unitId: number;
  status?: CaseStatus;
  priority?: PriorityTier;
  overdue?: boolean;
  assignedTo?: number;
}

export interface VisitInput {
  visitedOn: string;
  kind: 'follow_up' | 'attempt';
  childFound: boolean;
  inChildLabour: boolean | null;
  atSchool: boolean | null;
  notes?: string | null;
}

export interface ActionInput {
  kind: string;
  responsible: string;
  dueOn: string;
  programmeId?: string | null;
  notes?: string | null;
}

export interface CloseInput {
  reason: ClosureReason;
  on: string;
  note?: string | null;
}
