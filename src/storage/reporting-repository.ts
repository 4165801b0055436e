import type { Kysely } from 'kysely';
import type { InstrumentCategory } from '../domain/instrument.ts';
import {
  type ReceiptsCompleteness,
  type ReportKind,
  type ReportReceipt,
  type RepresentativeOrganisations,
  reportKey,
} from '../domain/supervision/report-status.ts';
import { type GroupBaseYear, groupBaseYearKey, type ReportingRuleSet } from '../domain/supervision/reporting-rules.ts';
import type { ReportingRepository, ReportingWriteTx } from '../services/reporting-ports.ts';
import type {
  Database,
  ReportingGroupYearsTable,
  ReportingRuleSetsTable,
  ReportsReceivedTable,
  RepresentativeOrganisationsTable,
} from './schema.ts';

const toRuleSet = (r: ReportingRuleSetsTable): ReportingRuleSet => ({
  id: r.id,
  category: r.category as InstrumentCategory,
  cycleYears: Number(r.cycle_years),
  sinceYear: Number(r.since_year),
  untilYear: r.until_year === null ? null : Number(r.until_year),
  source: r.source,
  notes: r.notes,
});

const toGroupYear = (g: ReportingGroupYearsTable): GroupBaseYear => ({
  ruleSetId: g.rule_set_id,
  label: g.label,
  firstLetter: g.first_letter,
  lastLetter: g.last_letter,
  subject: g.subject,
  baseYear: Number(g.base_year),
  source: g.source,
});

const toReceipt = (r: ReportsReceivedTable): ReportReceipt => ({
  country: r.country_iso3,
  instrument: r.instrument_code,
  year: Number(r.year),
  kind: r.kind as ReportKind,
  dateSent: r.date_sent,
  link: r.link,
  source: r.source,
});

const list = (json: string): string[] => {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.map(String) : [];
};

const toOrganisations = (o: RepresentativeOrganisationsTable): RepresentativeOrganisations => ({
  country: o.iso3,
  employers: list(o.employers),
  workers: list(o.workers),
  source: o.source,
});

/**
 * The reporting calendar's tables, on SQLite and PostgreSQL alike: reads for the service, and the
 * same class bound to an open transaction as its write port (src/storage/tx-ports.ts).
 */
export class KyselyReportingRepository implements ReportingRepository, ReportingWriteTx {
  constructor(private readonly db: Kysely<Database>) {}

  async listRuleSets(): Promise<ReportingRuleSet[]> {
    return (await this.db.selectFrom('reporting_rule_sets').selectAll().orderBy('category').orderBy('since_year').execute()).map(toRuleSet);
  }

  async listGroupYears(): Promise<GroupBaseYear[]> {
    return (await this.db.selectFrom('reporting_group_years').selectAll().orderBy('key').execute()).map(toGroupYear);
  }

  async listReceipts(country?: string): Promise<ReportReceipt[]> {
    let q = this.db.selectFrom('reports_received').selectAll();
    if (country) q = q.where('country_iso3', '=', country);
    return (await q.orderBy('key').execute()).map(toReceipt);
  }

  async listOrganisations(): Promise<RepresentativeOrganisations[]> {
    return (await this.db.selectFrom('representative_organisations').selectAll().orderBy('iso3').execute()).map(toOrganisations);
  }

  async getReceiptsComplete(country: string): Promise<ReceiptsCompleteness | null> {
    const row = await this.db.selectFrom('report_receipts_complete').selectAll().where('iso3', '=', country).executeTakeFirst();
    return row ? { country: row.iso3, since: row.since, source: row.source } : null;
  }

  async listReceiptsComplete(): Promise<ReceiptsCompleteness[]> {
    const rows = await this.db.selectFrom('report_receipts_complete').selectAll().orderBy('iso3').execute();
    return rows.map((row) => ({ country: row.iso3, since: row.since, source: row.source }));
  }

  async putReceiptsComplete(c: ReceiptsCompleteness): Promise<void> {
    await this.deleteReceiptsComplete(c.country);
    await this.db.insertInto('report_receipts_complete').values({ iso3: c.country, since: c.since, source: c.source }).execute();
  }

  async deleteReceiptsComplete(country: string): Promise<void> {
    await this.db.deleteFrom('report_receipts_complete').where('iso3', '=', country).execute();
  }

  async getOrganisations(country: string): Promise<RepresentativeOrganisations | null> {
    const row = await this.db.selectFrom('representative_organisations').selectAll().where('iso3', '=', country).executeTakeFirst();
    return row ? toOrganisations(row) : null;
  }

  async getRuleSet(id: string): Promise<ReportingRuleSet | null> {
    const row = await this.db.selectFrom('reporting_rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRuleSet(row) : null;
  }

  async putRuleSet(r: ReportingRuleSet): Promise<void> {
    await this.deleteRuleSet(r.id);
    await this.db
      .insertInto('reporting_rule_sets')
      .values({
        id: r.id,
        category: r.category,
        cycle_years: r.cycleYears,
        since_year: r.sinceYear,
        until_year: r.untilYear,
        source: r.source,
        notes: r.notes,
      })
      .execute();
  }

  async deleteRuleSet(id: string): Promise<void> {
    await this.db.deleteFrom('reporting_rule_sets').where('id', '=', id).execute();
  }

  async getGroupYear(key: string): Promise<GroupBaseYear | null> {
    const row = await this.db.selectFrom('reporting_group_years').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toGroupYear(row) : null;
  }

  async putGroupYear(g: GroupBaseYear): Promise<void> {
    const key = groupBaseYearKey(g);
    await this.deleteGroupYear(key);
    await this.db
      .insertInto('reporting_group_years')
      .values({
        key,
        rule_set_id: g.ruleSetId,
        label: g.label,
        first_letter: g.firstLetter,
        last_letter: g.lastLetter,
        subject: g.subject,
        base_year: g.baseYear,
        source: g.source,
      })
      .execute();
  }

  async deleteGroupYear(key: string): Promise<void> {
    await this.db.deleteFrom('reporting_group_years').where('key', '=', key).execute();
  }

  async getReceipt(key: string): Promise<ReportReceipt | null> {
    const row = await this.db.selectFrom('reports_received').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? toReceipt(row) : null;
  }

  async putReceipt(r: ReportReceipt): Promise<void> {
    const key = reportKey(r);
    await this.deleteReceipt(key);
    await this.db
      .insertInto('reports_received')
      .values({
        key,
        country_iso3: r.country,
        instrument_code: r.instrument,
        year: r.year,
        kind: r.kind,
        date_sent: r.dateSent,
        link: r.link,
        source: r.source,
      })
      .execute();
  }

  async deleteReceipt(key: string): Promise<void> {
    await this.db.deleteFrom('reports_received').where('key', '=', key).execute();
  }

  async putOrganisations(o: RepresentativeOrganisations): Promise<void> {
    await this.deleteOrganisations(o.country);
    await this.db
      .insertInto('representative_organisations')
      .values({ iso3: o.country, employers: JSON.stringify(o.employers), workers: JSON.stringify(o.workers), source: o.source })
      .execute();
  }

  async deleteOrganisations(country: string): Promise<void> {
    await this.db.deleteFrom('representative_organisations').where('iso3', '=', country).execute();
  }
}
