import type { WriteTarget } from '../domain/access/policy.ts';
import type { ReceiptsCompleteness, ReportReceipt, RepresentativeOrganisations } from '../domain/supervision/report-status.ts';
import type { GroupBaseYear, ReportingRuleSet } from '../domain/supervision/reporting-rules.ts';
import type { RecordType } from './history-ports.ts';
import type { RecordKind } from './record-kinds.ts';
import { REPORTING_TX } from './reporting-ports.ts';
import type { ReportingRecordType } from './reporting-record-types.ts';

/**
 * Who may change a reporting record: the calendar rules are the Organization's (the secretariat);
 * a State's reports and organisations are its own (its focal point, or the secretariat).
 */
export function reportingTarget(type: ReportingRecordType, country: string | null): WriteTarget {
  if (type === 'reporting_rule_set' || type === 'reporting_group_year') return { kind: 'secretariat_record' };
  return { kind: 'country_record', country: country ?? '' };
}

/**
 * Nothing the read caches keep shows these records: the calendar is computed from the database on
 * every read (decision 130), so a change touches no cache key and can never be served stale.
 */
const NO_CACHED_DOCUMENT = (): string[] => [];

const ruleSetKind: RecordKind = {
  target: () => reportingTarget('reporting_rule_set', null),
  read: (tx, key) => tx.port(REPORTING_TX).getRuleSet(key),
  async write(tx, key, value) {
    const port = tx.port(REPORTING_TX);
    if (value === null) await port.deleteRuleSet(key);
    else await port.putRuleSet(value as ReportingRuleSet);
  },
  changedKeys: NO_CACHED_DOCUMENT,
};

const groupYearKind: RecordKind = {
  target: () => reportingTarget('reporting_group_year', null),
  read: (tx, key) => tx.port(REPORTING_TX).getGroupYear(key),
  async write(tx, key, value) {
    const port = tx.port(REPORTING_TX);
    if (value === null) await port.deleteGroupYear(key);
    else await port.putGroupYear(value as GroupBaseYear);
  },
  changedKeys: NO_CACHED_DOCUMENT,
};

const receiptKind: RecordKind = {
  target: (e) => reportingTarget('report_received', e.country),
  read: (tx, key) => tx.port(REPORTING_TX).getReceipt(key),
  async write(tx, key, value) {
    const port = tx.port(REPORTING_TX);
    if (value === null) await port.deleteReceipt(key);
    else await port.putReceipt(value as ReportReceipt);
  },
  changedKeys: NO_CACHED_DOCUMENT,
};

const organisationsKind: RecordKind = {
  target: (e) => reportingTarget('representative_organisations', e.country),
  read: (tx, key) => tx.port(REPORTING_TX).getOrganisations(key),
  async write(tx, key, value) {
    const port = tx.port(REPORTING_TX);
    if (value === null) await port.deleteOrganisations(key);
    else await port.putOrganisations(value as RepresentativeOrganisations);
  },
  changedKeys: NO_CACHED_DOCUMENT,
};

const receiptsCompleteKind: RecordKind = {
  target: (e) => reportingTarget('report_receipts_complete', e.country),
  read: (tx, key) => tx.port(REPORTING_TX).getReceiptsComplete(key),
  async write(tx, key, value) {
    const port = tx.port(REPORTING_TX);
    if (value === null) await port.deleteReceiptsComplete(key);
    else await port.putReceiptsComplete(value as ReceiptsCompleteness);
  },
  changedKeys: NO_CACHED_DOCUMENT,
};

export const REPORTING_RECORD_KINDS: Record<ReportingRecordType, RecordKind> & Partial<Record<RecordType, RecordKind>> = {
  reporting_rule_set: ruleSetKind,
  reporting_group_year: groupYearKind,
  report_received: receiptKind,
  representative_organisations: organisationsKind,
  report_receipts_complete: receiptsCompleteKind,
};
