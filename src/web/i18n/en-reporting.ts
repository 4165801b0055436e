/**
 * English text of the reporting calendar (Constitution Art 22, 23(2)): the obligations pages, the
 * secretariat's dashboard and rules form. A part of the catalogue in en.ts; `id-reporting.ts` is typed from it.
 */

/** Labels of the calendar's record types in the history (spread into `recordType` in en-editing.ts). */
export const enReportingRecordTypes = {
  reporting_rule_set: 'reporting rule set',
  reporting_group_year: 'reporting group year',
  report_received: 'report sent',
  representative_organisations: 'representative organisations',
};

export const enReporting = {};

export type ReportingDict = typeof enReporting;
