/* Table types of issues 9–10 (governance, supervision, reporting, programmes); the Database interface in schema.ts lists them. */

/** A Conference session opened for submission tracking (Constitution Art 19(5)(b), 19(6)(b)). */
export interface SubmissionTrackingTable {
  session_number: number;
  source: string;
  notes: string | null;
}

/** What a State recorded on submitting one instrument; `record_key` is `ISO3/CODE`. */
export interface SubmissionsTable {
  record_key: string;
  country_iso3: string;
  instrument_code: string;
  session_number: number;
  submitted_date: string | null;
  authority: string | null;
  exceptional: number;
  reference: string | null;
  source: string;
  confidence: string | null;
  notes: string | null;
}

/** A reporting-calendar rule set (src/domain/supervision/reporting-rules.ts). */
export interface ReportingRuleSetsTable {
  id: string;
  category: string;
  cycle_years: number;
  since_year: number;
  until_year: number | null;
  source: string;
  notes: string | null;
}

/** The base year of one alphabetical group under a rule set; `key` is `ruleSet/label/subject-or-*`. */
export interface ReportingGroupYearsTable {
  key: string;
  rule_set_id: string;
  label: string;
  first_letter: string;
  last_letter: string;
  subject: string | null;
  base_year: number;
  source: string;
}

/** A report a State has sent (Art 22); `key` is `IDN/C138/2027/regular`. */
export interface ReportsReceivedTable {
  key: string;
  country_iso3: string;
  instrument_code: string;
  year: number;
  kind: string;
  date_sent: string;
  link: string;
  source: string;
}

/** A State's most representative organisations (Art 23(2)); the lists are JSON text. */
export interface RepresentativeOrganisationsTable {
  iso3: string;
  employers: string;
  workers: string;
  source: string;
}

/** A Conference session's agenda (src/domain/governance/session.ts): its items as JSON text. */
export interface ConferenceAgendasTable {
  session_number: number;
  items: string;
  source: string | null;
}

/** A member State's delegation to a session (src/domain/governance/delegation.ts); key `<session>/<ISO3>`. */
export interface ConferenceDelegationsTable {
  delegation_key: string;
  session_number: number;
  country_iso3: string;
  delegates: string;
  in_arrears: number;
  arrears_voting_permitted: number;
  source: string | null;
}

/** A vote recorded at a session (src/domain/governance/recorded-vote.ts); key `<session>/<n>`. */
export interface ConferenceVotesTable {
  vote_key: string;
  session_number: number;
  seq: number;
  agenda_item: number | null;
  kind: string;
  vote_date: string;
  mode: string;
  counts: string | null;
  ballots: string;
  delegates_attending: number;
  instrument: string | null;
  source: string;
  notes: string | null;
}

/** Governing Body facts of governing_body.csv: `id` is 'seats:<group>:<type>', 'permanent:<ISO3>' or 'election_cycle'. */
export interface GbRulesTable {
  id: string;
  item: string;
  grp: string | null;
  member_type: string | null;
  value: string;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

export interface GbPeriodsTable {
  id: string;
  start_date: string | null;
  end_date: string | null;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

/** A member the sources name for a period; `id` is '<period>#<position>'. */
export interface GbMembersTable {
  id: string;
  period_id: string;
  position: number;
  holder_iso3: string | null;
  holder_name: string | null;
  grp: string;
  member_type: string;
  seat: string;
  source: string;
  confidence: string | null;
  notes: string | null;
}

export interface GbSessionsTable {
  number: number;
  start_date: string | null;
  end_date: string | null;
  place: string | null;
  agenda: string;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

export interface IloOfficesTable {
  id: string;
  position: number;
  name: string;
  type: string;
  region: string | null;
  city: string | null;
  country_iso3: string | null;
  country_name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  covers: string;
  covers_other: string;
  source: string | null;
  confidence: string | null;
  notes: string | null;
}

/** A CEACR comment (src/domain/supervision/comments.ts); `instruments` is a JSON list, `requests_reply` 0 or 1. */
export interface SupervisoryCommentsTable {
  id: string;
  country_iso3: string;
  instruments: string;
  kind: string | null;
  year: number | null;
  session: number | null;
  session_year: number | null;
  normlex_id: string | null;
  url: string | null;
  summary_en: string | null;
  summary_id: string | null;
  requests_reply: number;
  source: string;
  confidence: string;
  notes: string | null;
}

/** A representation (Art 24), complaint (Art 26) or Conference Committee case; `instruments` is a JSON list. */
export interface SupervisoryProceduresTable {
  id: string;
  procedure: string;
  country_iso3: string;
  instruments: string;
  year: number | null;
  session: number | null;
  filed_by: string | null;
  stage: string | null;
  outcome: string | null;
  conclusions_en: string | null;
  conclusions_id: string | null;
  url: string | null;
  source: string;
  confidence: string;
  notes: string | null;
}

/** From which due date a State's report receipts are recorded here completely (decision 095). */
export interface ReportReceiptsCompleteTable {
  iso3: string;
  since: string;
  source: string;
}

/** Issue 10, programmes (migration 2026-12-03-011; list fields are JSON text, null = unknown). */
export interface ProgrammesTable {
  id: string;
  name_en: string;
  name_id: string | null;
  aim_en: string | null;
  aim_id: string | null;
  countries: string | null;
  area: string | null;
  start_year: number | null;
  end_year: number | null;
  duration_years: number | null;
  closed_per_source: number;
  donors: string | null;
  partners: string | null;
  instruments: string | null;
  themes: string;
  roles: string | null;
  activities: string | null;
  outcomes: string | null;
  url: string | null;
  source: string;
  confidence: string;
  notes: string | null;
}
