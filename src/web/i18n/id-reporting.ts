import type { enReportingRecordTypes, ReportingDict } from './en-reporting.ts';

/** Indonesian text of the reporting calendar (see en-reporting.ts). */
export const idReportingRecordTypes: typeof enReportingRecordTypes = {
  reporting_rule_set: 'aturan siklus pelaporan',
  reporting_group_year: 'tahun kelompok pelaporan',
  report_received: 'laporan terkirim',
  representative_organisations: 'organisasi paling representatif',
};

export const idReporting: ReportingDict = {};
