import type { Lang } from '../../domain/facts.ts';
import type { ReportingRecordType } from '../../services/reporting-record-types.ts';

/** Where a reporting record is read: a State's reports and organisations on its obligations page, the rules on the rules page. */
export function reportingRecordPath(lang: Lang, type: ReportingRecordType, recordKey: string): string {
  if (type === 'reporting_rule_set' || type === 'reporting_group_year') return `/${lang}/obligations/rules`;
  const iso3 = recordKey.split('/')[0] ?? recordKey;
  return `/${lang}/countries/${encodeURIComponent(iso3)}/obligations`;
}
