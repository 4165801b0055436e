import type { Actor } from '../domain/access/policy.ts';
import type { MemberState } from '../domain/country.ts';
import type {
  ReceiptsCompleteness,
  ReportReceipt,
  ReportStatus,
  RepresentativeOrganisations,
} from '../domain/supervision/report-status.ts';
import { type ReportingRatification, reportingCalendar, type ScheduledReport } from '../domain/supervision/reporting-calendar.ts';
import type { GroupBaseYear, ReportingRuleSet } from '../domain/supervision/reporting-rules.ts';
import type { HistoryRepository } from './history-ports.ts';
import type { ChangeResult } from './record-change.ts';
import type { InstrumentRef, RatificationView, RegistryService } from './registry-service.ts';
import type { GroupYearInput, OrganisationsInput, ReceiptsCompleteInput, ReportSentInput, RuleSetInput } from './reporting-input.ts';
import { NO_REPLY_REQUESTS, type ReplyRequestSource, type ReportingRepository } from './reporting-ports.ts';
import { markReportSent, saveGroupYear, saveRuleSet, setOrganisations, setReceiptsComplete } from './reporting-writes.ts';

/** A report with the instrument's titles, for pages and feeds that name it. */
export interface ReportView extends ScheduledReport {
  instrumentRef: InstrumentRef;
}

export interface CountryReports {
  country: Pick<MemberState, 'iso3' | 'iso2' | 'nameEn' | 'nameId' | 'region'>;
  /** The reference date the statuses are computed on (YYYY-MM-DD). */
  today: string;
  year: number | null;
  reports: ReportView[];
  organisations: RepresentativeOrganisations | null;
  /** From which due date the State's receipts are complete here (null: never declared; decision 095). */
  receiptsComplete: ReceiptsCompleteness | null;
}

export interface OverdueRow {
  /** The region (null: not recorded) or the instrument code. */
  key: string | null;
  overdue: number;
  /** States with at least one overdue report in this row. */
  states: number;
  /** Reports whose status is unknown (a datum is missing), counted so that the gap stays visible. */
  unknown: number;
}

export interface OverdueSummary {
  by: 'region' | 'instrument';
  today: string;
  rows: OverdueRow[];
  total: number;
}

export interface ReportingRules {
  ruleSets: ReportingRuleSet[];
  groups: GroupBaseYear[];
}

/** Entry into force etc. as the calendar needs them, from the registry's ratification view. */
function toReporting(r: RatificationView, subjects: ReadonlyMap<string, readonly string[]>): ReportingRatification {
  return {
    instrument: r.instrument,
    category: r.instrumentRef.category ?? null,
    subjects: subjects.get(r.instrument) ?? [],
    entryIntoForce: r.entryIntoForce,
    entryIntoForceRule: r.entryIntoForceRule,
    status: r.status,
  };
}

/**
 * The reporting calendar (Constitution Art 22, 23(2)): each State's reports, the secretariat's
 * overdue counts, and the writes that change them. Reads are not cached: the calendar is computed
 * from the database on every request, so a new group year or receipt shows at once (decision 130).
 */
export class ReportingService {
  constructor(
    private readonly registry: RegistryService,
    private readonly repo: ReportingRepository,
    private readonly store: HistoryRepository,
    private readonly replies: ReplyRequestSource = NO_REPLY_REQUESTS,
  ) {}

  /** Subjects per instrument (from the cached instrument list): the groups may depend on them. */
  private async subjects(): Promise<Map<string, readonly string[]>> {
    const page = await this.registry.listInstruments({}, { page: 1, pageSize: 10_000 });
    return new Map(page.items.map((i) => [i.code, i.subjects]));
  }

  async reportsFor(iso3: string, options: { year?: number | null }, today: string): Promise<CountryReports> {
    const profile = await this.registry.getCountryProfile(iso3);
    const [subjects, rules, receipts, organisations, replyRequests, receiptsComplete] = await Promise.all([
      this.subjects(),
      this.rules(),
      this.repo.listReceipts(iso3),
      this.repo.getOrganisations(iso3),
      this.replies.replyRequests(iso3),
      this.repo.getReceiptsComplete(iso3),
    ]);
    const refs = new Map(profile.ratifications.map((r) => [r.instrument, r.instrumentRef]));
    const reports = reportingCalendar({
      country: profile.country,
      ratifications: profile.ratifications.map((r) => toReporting(r, subjects)),
      ruleSets: rules.ruleSets,
      groups: rules.groups,
      receipts,
      replyRequests,
      organisations,
      receiptsCompleteFrom: receiptsComplete?.since ?? null,
      today,
    });
    const year = options.year ?? null;
    const { iso3: code, iso2, nameEn, nameId, region } = profile.country;
    return {
      country: { iso3: code, iso2, nameEn, nameId, region },
      today,
      year,
      reports: reports
        .filter((r) => year === null || r.year === year || (r.year === null && r.status === 'unknown'))
        .map((r) => ({
          ...r,
          instrumentRef: refs.get(r.instrument) ?? { code: r.instrument, titleEn: r.instrument, titleId: null, titleIdKind: null },
        })),
      organisations,
      receiptsComplete,
    };
  }

  async rules(): Promise<ReportingRules> {
    const [ruleSets, groups] = await Promise.all([this.repo.listRuleSets(), this.repo.listGroupYears()]);
    return { ruleSets, groups };
  }

  overdueByRegion(today: string): Promise<OverdueSummary> {
    return this.overdue('region', today);
  }

  overdueByInstrument(today: string): Promise<OverdueSummary> {
    return this.overdue('instrument', today);
  }

  /** Every State's calendar, counted: overdue reports (and unknown ones) by region or by instrument. */
  private async overdue(by: 'region' | 'instrument', today: string): Promise<OverdueSummary> {
    const [countries, ratifications, subjects, rules, receipts, complete] = await Promise.all([
      this.registry.listCountries({}),
      this.registry.listRatifications({}, null),
      this.subjects(),
      this.rules(),
      this.repo.listReceipts(),
      this.repo.listReceiptsComplete(),
    ]);
    const completeFrom = new Map(complete.map((c) => [c.country, c.since]));
    const byCountry = new Map<string, RatificationView[]>();
    for (const r of ratifications.items) byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), r]);
    const receiptsOf = new Map<string, ReportReceipt[]>();
    for (const r of receipts) receiptsOf.set(r.country, [...(receiptsOf.get(r.country) ?? []), r]);
    const rows = new Map<string | null, { overdue: number; states: Set<string>; unknown: number }>();
    const count = (key: string | null, iso3: string, status: ReportStatus) => {
      const row = rows.get(key) ?? { overdue: 0, states: new Set<string>(), unknown: 0 };
      if (status === 'overdue') {
        row.overdue++;
        row.states.add(iso3);
      } else if (status === 'unknown') row.unknown++;
      rows.set(key, row);
    };
    const replies = await this.replies.replyRequestsByCountry();
    for (const country of countries) {
      const own = byCountry.get(country.iso3);
      if (!own?.length) continue;
      const reports = reportingCalendar({
        country,
        ratifications: own.map((r) => toReporting(r, subjects)),
        ruleSets: rules.ruleSets,
        groups: rules.groups,
        receipts: receiptsOf.get(country.iso3) ?? [],
        replyRequests: replies.get(country.iso3) ?? [],
        organisations: null,
        receiptsCompleteFrom: completeFrom.get(country.iso3) ?? null,
        today,
      });
      for (const report of reports) count(by === 'region' ? country.region : report.instrument, country.iso3, report.status);
    }
    const list = [...rows.entries()]
      .map(([key, row]) => ({ key, overdue: row.overdue, states: row.states.size, unknown: row.unknown }))
      .sort((a, b) => b.overdue - a.overdue || (a.key ?? '~').localeCompare(b.key ?? '~'));
    return { by, today, rows: list, total: list.reduce((sum, r) => sum + r.overdue, 0) };
  }

  saveRuleSet(actor: Actor | null, input: RuleSetInput, now: Date): Promise<ChangeResult<ReportingRuleSet>> {
    return saveRuleSet(this.store, actor, input, now);
  }

  saveGroupYear(actor: Actor | null, input: GroupYearInput, now: Date): Promise<ChangeResult<GroupBaseYear>> {
    return saveGroupYear(this.store, actor, input, now);
  }

  markReportSent(actor: Actor | null, input: ReportSentInput, now: Date): Promise<ChangeResult<ReportReceipt>> {
    return markReportSent(this.store, actor, input, now);
  }

  setOrganisations(actor: Actor | null, input: OrganisationsInput, now: Date): Promise<ChangeResult<RepresentativeOrganisations>> {
    return setOrganisations(this.store, actor, input, now);
  }

  setReceiptsComplete(actor: Actor | null, input: ReceiptsCompleteInput, now: Date): Promise<ChangeResult<ReceiptsCompleteness>> {
    return setReceiptsComplete(this.store, actor, input, now);
  }
}
