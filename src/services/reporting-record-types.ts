/** The reporting calendar's record types in the history (decision 130); a leaf module, so history-ports can import it. */
export const REPORTING_RECORD_TYPES = [
  'reporting_rule_set',
  'reporting_group_year',
  'report_received',
  'representative_organisations',
  'report_receipts_complete',
] as const;
export type ReportingRecordType = (typeof REPORTING_RECORD_TYPES)[number];

export function isReportingRecordType(type: string): type is ReportingRecordType {
  return (REPORTING_RECORD_TYPES as readonly string[]).includes(type);
}
