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

/*
 * Added by the case service (issue 11, C2). Opening a case by hand: the facts the compliance engine
 * needs (age, work, hours, night, country) are assessed when the case opens; identifying fields
 * (name, birthDate, village, location, contact, notes) are accepted only with a consent record.
 */
export interface ConsentInput {
  /** Who gave consent (the parent's or guardian's name): identifying, sealed at rest. */
  by: string;
  relation: 'parent' | 'guardian';
  /** The day consent was given, YYYY-MM-DD (not after the identification day). */
  on: string;
  /** case_management | referral | identified_export; case_management is needed to store identifying data. */
  purposes: string[];
}

export interface OpenCaseInput {
  origin: 'visit' | 'referral' | 'check';
  identifiedOn: string;
  sex?: 'female' | 'male' | null;
  /** Age in completed years; give this or birthDate (then the age is computed on identifiedOn). */
  ageYears?: number | null;
  agePrecision?: 'exact' | 'estimated' | null;
  /** ISO 3166 alpha-3; the unit's country when left out. */
  country?: string | null;
  province?: string | null;
  district?: string | null;
  householdRef?: string | null;
  workerRef?: string | null;
  schoolEnrolled?: boolean | null;
  schoolAttending?: boolean | null;
  /** The kind of work for the compliance engine (WORK_KINDS: regular, light, hazardous, …). */
  work: string;
  workTask?: string | null;
  commodity?: string | null;
  hoursPerDay?: number | null;
  nightWork?: boolean | null;
  hazards?: string[];
  // Identifying: only with consent.
  name?: string | null;
  birthDate?: string | null;
  village?: string | null;
  location?: string | null;
  contact?: string | null;
  notes?: string | null;
  consent?: ConsentInput | null;
}

/** What the caller may do in a unit (for the portal to show or hide forms). */
export interface CaseAccess {
  role: string | null;
  seeCases: boolean;
  seeIdentifying: boolean;
  openCase: boolean;
  recordVisit: boolean;
  planSupport: boolean;
  assign: boolean;
  closeCase: boolean;
}

export interface CaseEventView {
  id: number;
  at: string;
  actor: string;
  action: string;
  /** Never an identifying value in clear: sealed fields are shown only by name. */
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface WorklistAction {
  caseId: string;
  caseNumber: number;
  priority: PriorityTier;
  action: ActionView;
}

export interface Worklist {
  unitId: number;
  today: string;
  /** 'monitor': my cases and unassigned ones, due within the horizon or overdue; 'unit': the unit's overdue list. */
  scope: 'monitor' | 'unit';
  /** Cases whose next follow-up visit is due within `horizonDays` or overdue, most urgent first. */
  visits: CaseSummary[];
  /** Support actions not yet provided, due within `horizonDays` or overdue. */
  actions: WorklistAction[];
  horizonDays: number;
}
