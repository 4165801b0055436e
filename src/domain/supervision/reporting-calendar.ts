import type { InstrumentCategory } from '../instrument.ts';
import { parsePartialDate } from '../partial-date.ts';
import type { RatificationStatus } from '../ratification.ts';
import {
  dueDateOf,
  type ReplyRequest,
  type ReportKind,
  type ReportReceipt,
  type ReportStatus,
  type RepresentativeOrganisations,
  reportKey,
  reportStatus,
} from './report-status.ts';
import { cycleYears, type GroupBaseYear, groupInitial, groupYearFor, type ReportingRuleSet, ruleSetFor } from './reporting-rules.ts';

export const ART_22 = 'Constitution Art 22';
export const ART_23_2 = 'Constitution Art 23(2)';

/** A ratification as the calendar needs it: the instrument's category and subjects, and entry into force for the State. */
export interface ReportingRatification {
  instrument: string;
  category: InstrumentCategory | null;
  subjects: readonly string[];
  /** Entry into force for the State from the instrument's own rule (partial date); null: unknown. */
  entryIntoForce: string | null;
  /** The article giving that rule, e.g. 'C138 Art 12(3)'. */
  entryIntoForceRule: string | null;
  status: RatificationStatus | null;
}

export interface CalendarInput {
  country: { iso3: string; nameEn: string };
  ratifications: readonly ReportingRatification[];
  ruleSets: readonly ReportingRuleSet[];
  groups: readonly GroupBaseYear[];
  receipts: readonly ReportReceipt[];
  /** Comments asking for a reply (optional: none when the supervisory comments are not wired). */
  replyRequests?: readonly ReplyRequest[];
  organisations: RepresentativeOrganisations | null;
  /** From which due date the State's receipts are complete here (null: never declared; decision 095). */
  receiptsCompleteFrom: string | null;
  /** The reference date, YYYY-MM-DD. */
  today: string;
}

/** The datum a report's date waits for. */
export type MissingDatum = 'entry_into_force' | 'category' | 'rule_set' | 'group_base_year' | 'state_name';

export interface ReportGroupUsed {
  ruleSetId: string;
  label: string;
  subject: string | null;
  cycleYears: number;
  baseYear: number;
  source: string;
}

export type OutOfCycleReason =
  | { kind: 'missed'; year: number; reportKind: ReportKind }
  | { kind: 'reply'; year: number; commentId: string | null };

/** One report the State owes (or owed) on one Convention. */
export interface ScheduledReport {
  /** Stable across requests and edits: State, instrument, kind and year (decision 133). */
  id: string;
  country: string;
  instrument: string;
  kind: ReportKind;
  /** Null when the year cannot be computed (status `unknown`). */
  year: number | null;
  dueDate: string | null;
  status: ReportStatus;
  received: { dateSent: string; link: string; source: string } | null;
  /** Citations: Art 22, the rule that fixed the year, and why an out-of-cycle report is asked for. */
  legalBasis: string[];
  group: ReportGroupUsed | null;
  /** What the calendar needs to date this report, when it cannot. */
  missing: { datum: MissingDatum; detail: string } | null;
  /** Why a report is requested out of cycle (also set on a scheduled report that a request falls on). */
  reasons: OutOfCycleReason[];
  /** Copies go to these organisations (Art 23(2)); null until they are entered. */
  copiesTo: { employers: string[]; workers: string[]; source: string; basis: string } | null;
}

const KIND_ORDER: Record<ReportKind, number> = { first: 0, regular: 1, out_of_cycle: 2 };

function yearOf(partial: string | null): number | null {
  return parsePartialDate(partial)?.year ?? null;
}

/**
 * The reports a State owes under Constitution Art 22 on the Conventions it has ratified, computed
 * from the registry and the calendar rules entered as data:
 * - the first (detailed) report in the year after entry into force for the State, due 1 September;
 * - regular (simplified) reports on the cycle of the Convention's category, in the years of the
 *   State's alphabetical group (by English name, subject-specific group first); unknown until the
 *   rule set and the group's base year are entered;
 * - an out-of-cycle request the year after a report that was due and is not recorded as received,
 *   and the year after a supervisory comment that asks for a reply (merged into a scheduled report
 *   of that year, if any).
 * Denounced ratifications are left out (the date of denunciation is not recorded as a fact).
 */
export function reportingCalendar(input: CalendarInput): ScheduledReport[] {
  const { country, today } = input;
  const referenceYear = Number(today.slice(0, 4));
  const initial = groupInitial(country.nameEn);
  const receipts = new Map(input.receipts.filter((r) => r.country === country.iso3).map((r) => [reportKey(r), r]));
  const copiesTo = input.organisations
    ? {
        employers: input.organisations.employers,
        workers: input.organisations.workers,
        source: input.organisations.source,
        basis: ART_23_2,
      }
    : null;
  const reports: ScheduledReport[] = [];

  const make = (
    r: ReportingRatification,
    kind: ReportKind,
    year: number | null,
    legalBasis: string[],
    extra: Partial<ScheduledReport> = {},
  ): ScheduledReport => {
    const receipt = year === null ? undefined : receipts.get(reportKey({ country: country.iso3, instrument: r.instrument, year, kind }));
    const dueDate = year === null ? null : dueDateOf(year);
    return {
      id: `${country.iso3}/${r.instrument}/${kind}/${year ?? 'unknown'}`,
      country: country.iso3,
      instrument: r.instrument,
      kind,
      year,
      dueDate,
      status: reportStatus(dueDate, receipt !== undefined, today, input.receiptsCompleteFrom),
      received: receipt ? { dateSent: receipt.dateSent, link: receipt.link, source: receipt.source } : null,
      legalBasis,
      group: null,
      missing: null,
      reasons: [],
      copiesTo,
      ...extra,
    };
  };
  const unknown = (r: ReportingRatification, kind: ReportKind, datum: MissingDatum, detail: string, extra: Partial<ScheduledReport> = {}) =>
    make(r, kind, null, [ART_22], { missing: { datum, detail }, ...extra });

  for (const r of input.ratifications) {
    if (r.status === 'denounced') continue;
    const eifYear = yearOf(r.entryIntoForce);
    if (eifYear === null) {
      const detail = r.entryIntoForceRule ? `date of registration (${r.entryIntoForceRule})` : 'entry-into-force rule or registration date';
      reports.push(unknown(r, 'first', 'entry_into_force', detail));
      reports.push(unknown(r, 'regular', 'entry_into_force', detail));
      continue;
    }
    const firstYear = eifYear + 1;
    reports.push(make(r, 'first', firstYear, [ART_22, ...(r.entryIntoForceRule ? [r.entryIntoForceRule] : [])]));
    reports.push(...regularReports(r, firstYear, referenceYear, initial, input, make, unknown));
  }

  addOutOfCycle(reports, input, make);
  reports.sort(
    (a, b) =>
      (a.year ?? Number.MAX_SAFE_INTEGER) - (b.year ?? Number.MAX_SAFE_INTEGER) ||
      a.instrument.localeCompare(b.instrument) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
  return reports;
}

type Make = (
  r: ReportingRatification,
  kind: ReportKind,
  year: number | null,
  basis: string[],
  extra?: Partial<ScheduledReport>,
) => ScheduledReport;
type Unknown = (
  r: ReportingRatification,
  kind: ReportKind,
  datum: MissingDatum,
  detail: string,
  extra?: Partial<ScheduledReport>,
) => ScheduledReport;

/**
 * Regular reports after the first, under every rule set of the category that applies between the
 * year after the first report and one cycle past the reference year. A rule set without the
 * State's group year gives one unknown report naming it; no rule set for the reference year gives
 * one unknown report naming the category.
 */
function regularReports(
  r: ReportingRatification,
  firstYear: number,
  referenceYear: number,
  initial: string | null,
  input: CalendarInput,
  make: Make,
  unknown: Unknown,
): ScheduledReport[] {
  if (r.category === null) return [unknown(r, 'regular', 'category', `category of ${r.instrument} (fundamental, governance or technical)`)];
  const category = r.category;
  const out: ScheduledReport[] = [];
  const sets = input.ruleSets.filter((s) => s.category === category && s.cycleYears >= 1).sort((a, b) => a.sinceYear - b.sinceYear);
  for (const set of sets) {
    const from = Math.max(set.sinceYear, firstYear + 1);
    const to = Math.min(set.untilYear ?? Number.MAX_SAFE_INTEGER, referenceYear + set.cycleYears);
    if (from > to) continue;
    if (initial === null) {
      out.push(unknown(r, 'regular', 'state_name', `English name of ${input.country.iso3} (its alphabetical group)`));
      break;
    }
    const group = groupYearFor(input.groups, set.id, initial, r.subjects);
    if (!group) {
      out.push(
        unknown(r, 'regular', 'group_base_year', `base year of the group holding "${initial}" under rule set ${set.id}`, {
          id: `${input.country.iso3}/${r.instrument}/regular/unknown-${set.id}`,
          legalBasis: [ART_22, `${set.id}: ${set.source}`],
        }),
      );
      continue;
    }
    const used: ReportGroupUsed = {
      ruleSetId: set.id,
      label: group.label,
      subject: group.subject,
      cycleYears: set.cycleYears,
      baseYear: group.baseYear,
      source: group.source,
    };
    for (const year of cycleYears(group.baseYear, set.cycleYears, from, to)) {
      out.push(
        make(r, 'regular', year, [ART_22, `${set.id}: ${set.source}`, `${set.id} group ${group.label}: ${group.source}`], { group: used }),
      );
    }
  }
  if (!ruleSetFor(input.ruleSets, category, referenceYear) && referenceYear >= firstYear) {
    out.push(unknown(r, 'regular', 'rule_set', `reporting cycle of ${category} Conventions for ${referenceYear}`));
  }
  return out;
}

/** Out-of-cycle requests: the year after a missed first or regular report, and after a comment asking for a reply. */
function addOutOfCycle(reports: ScheduledReport[], input: CalendarInput, make: Make): void {
  const requests = new Map<string, { instrument: string; year: number; reasons: OutOfCycleReason[] }>();
  const add = (instrument: string, year: number, reason: OutOfCycleReason) => {
    const key = `${instrument}/${year}`;
    const entry = requests.get(key) ?? { instrument, year, reasons: [] };
    entry.reasons.push(reason);
    requests.set(key, entry);
  };
  for (const report of reports) {
    if (report.status === 'overdue' && report.year !== null && report.kind !== 'out_of_cycle')
      add(report.instrument, report.year + 1, { kind: 'missed', year: report.year, reportKind: report.kind });
  }
  const ratified = new Map(input.ratifications.filter((r) => r.status !== 'denounced').map((r) => [r.instrument, r]));
  for (const request of input.replyRequests ?? []) {
    if (ratified.has(request.instrument))
      add(request.instrument, request.year + 1, { kind: 'reply', year: request.year, commentId: request.commentId ?? null });
  }
  for (const { instrument, year, reasons } of requests.values()) {
    const basis = reasons.map(reasonCitation);
    const scheduled = reports.find((r) => r.instrument === instrument && r.year === year && r.kind !== 'out_of_cycle');
    if (scheduled) {
      scheduled.reasons.push(...reasons);
      scheduled.legalBasis.push(...basis);
      continue;
    }
    const ratification = ratified.get(instrument);
    if (ratification) reports.push(make(ratification, 'out_of_cycle', year, [ART_22, ...basis], { reasons }));
  }
}

function reasonCitation(reason: OutOfCycleReason): string {
  if (reason.kind === 'missed') return `${ART_22}: the ${reason.reportKind} report due in ${reason.year} is not recorded as received`;
  return `${ART_22}: supervisory comment${reason.commentId ? ` ${reason.commentId}` : ''} of ${reason.year} asks for a reply`;
}
