import type { Generated } from 'kysely';
import type { DocumentsTable, DocumentTextsTable } from './schema-documents.ts';
import type {
  ConferenceAgendasTable,
  ConferenceDelegationsTable,
  ConferenceVotesTable,
  GbMembersTable,
  GbPeriodsTable,
  GbRulesTable,
  GbSessionsTable,
  IloOfficesTable,
  ProgrammesTable,
  ReportingGroupYearsTable,
  ReportingRuleSetsTable,
  ReportReceiptsCompleteTable,
  ReportsReceivedTable,
  RepresentativeOrganisationsTable,
  SubmissionsTable,
  SubmissionTrackingTable,
  SupervisoryCommentsTable,
  SupervisoryProceduresTable,
} from './schema-governance.ts';
import type {
  CaseActionsTable,
  CaseEventsTable,
  CasesTable,
  CaseVisitsTable,
  MonitoringUnitsTable,
  UnitEventsTable,
  UnitMembersTable,
} from './schema-monitoring.ts';

/**
 * Row types. Dates are ISO text on both databases ('YYYY' or 'YYYY-MM-DD' partial dates), and
 * lists are JSON text, so one query path serves SQLite and PostgreSQL unchanged.
 */
export interface InstrumentsTable {
  code: string;
  type: string;
  number: number;
  title_en: string;
  title_id: string | null;
  title_id_kind: string | null;
  title_id_source: string | null;
  title_id_act: string | null;
  adoption_date: string | null;
  ilc_session: number | null;
  entry_into_force: string | null;
  status: string | null;
  category: string | null;
  subjects: string;
  revises: string;
  eif_months: number | null;
  eif_article: string | null;
  verified_fields: string;
  published_count: string | null;
  search_text: string;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

export interface CountriesTable {
  iso3: string;
  iso2: string;
  name_en: string;
  name_id: string | null;
  region: string | null;
  membership_date: string | null;
  membership_note: string | null;
  search_text: string;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

export interface RatificationsTable {
  id: Generated<number>;
  country_iso3: string;
  instrument_code: string;
  registration_date: string | null;
  status: string | null;
  legal_act: string | null;
  national_title: string | null;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

export interface DeclarationsTable {
  id: Generated<number>;
  ratification_id: number;
  kind: string;
  article: string;
  value: number;
  date: string | null;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

export interface IlcSessionsTable {
  number: number;
  year: number | null;
  opening_date: string | null;
  closing_date: string | null;
  place: string | null;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

export interface SourcesTable {
  id: string;
  description: string | null;
}

export interface NationalProfilesTable {
  iso3: string;
  profile: string;
  source: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  role: string;
  countries: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  actor: string;
  record_type: string;
  record_key: string;
  country_iso3: string | null;
  action: string;
  before: string | null;
  after: string | null;
  source: string;
  reason: string | null;
  reverts_event_id: number | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** A ratification list the sources show to be complete (src/domain/coverage.ts); `list_key` is `scope:code`. */
export interface CompleteListsTable {
  list_key: string;
  scope: string;
  code: string;
  source: string | null;
  basis: string;
}

/** The version of one dependency key of the read caches (src/services/cache-dependencies.ts). */
export interface RecordVersionsTable {
  key: string;
  version: string;
}

export interface Database {
  instruments: InstrumentsTable;
  countries: CountriesTable;
  ratifications: RatificationsTable;
  declarations: DeclarationsTable;
  ilc_sessions: IlcSessionsTable;
  sources: SourcesTable;
  meta: MetaTable;
  national_profiles: NationalProfilesTable;
  complete_lists: CompleteListsTable;
  record_versions: RecordVersionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  events: EventsTable;
  rate_limits: RateLimitsTable;
  submission_tracking: SubmissionTrackingTable;
  submissions: SubmissionsTable;
  reporting_rule_sets: ReportingRuleSetsTable;
  reporting_group_years: ReportingGroupYearsTable;
  reports_received: ReportsReceivedTable;
  representative_organisations: RepresentativeOrganisationsTable;
  report_receipts_complete: ReportReceiptsCompleteTable;
  conference_agendas: ConferenceAgendasTable;
  conference_delegations: ConferenceDelegationsTable;
  conference_votes: ConferenceVotesTable;
  gb_rules: GbRulesTable;
  gb_periods: GbPeriodsTable;
  gb_members: GbMembersTable;
  gb_sessions: GbSessionsTable;
  ilo_offices: IloOfficesTable;
  supervisory_comments: SupervisoryCommentsTable;
  programmes: ProgrammesTable;
  supervisory_procedures: SupervisoryProceduresTable;
  monitoring_units: MonitoringUnitsTable;
  unit_members: UnitMembersTable;
  cases: CasesTable;
  case_visits: CaseVisitsTable;
  case_actions: CaseActionsTable;
  case_events: CaseEventsTable;
  unit_events: UnitEventsTable;
  documents: DocumentsTable;
  document_texts: DocumentTextsTable;
}

export type {
  ConferenceAgendasTable,
  ConferenceDelegationsTable,
  ConferenceVotesTable,
  GbMembersTable,
  GbPeriodsTable,
  GbRulesTable,
  GbSessionsTable,
  IloOfficesTable,
  ProgrammesTable,
  ReportingGroupYearsTable,
  ReportingRuleSetsTable,
  ReportReceiptsCompleteTable,
  ReportsReceivedTable,
  RepresentativeOrganisationsTable,
  SubmissionsTable,
  SubmissionTrackingTable,
  SupervisoryCommentsTable,
  SupervisoryProceduresTable,
};
