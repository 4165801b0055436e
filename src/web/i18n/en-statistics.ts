/**
 * English text of the statistics page (issue 10): a part of the catalogue in en.ts, in its own
 * file. `id-statistics.ts` is typed from it.
 */
import type { IloRegion } from '../../domain/country.ts';

export const enStatistics = {
  navStatistics: 'Statistics',
  statsTitle: 'Statistics',
  statsIntro:
    'Figures on child labour worldwide and on ratifications recorded in this registry. Each chart has a table with the same numbers beside it, and both can be downloaded.',
  statsChildLabourHeading: 'Child labour worldwide',
  statsChildLabourIntro:
    'Global estimates by the ILO and, since 2020, the ILO with UNICEF, for children aged 5 to 17, rounded as the sources give them. A figure the sources do not give is shown as unknown, never estimated here.',
  statsChildLabourCaption: 'Children in child labour and in hazardous work, worldwide, by reference year',
  statsColYear: 'Year',
  statsColAgeGroup: 'Ages',
  statsColChildLabour: 'Children in child labour',
  statsColHazardous: 'Children in hazardous work',
  statsColSource: 'Source',
  statsColConfidence: 'Confidence',
  statsNotInSources: 'unknown (not in the sources)',
  statsNoEstimates: 'No estimates are loaded in this data set.',
  statsDownloads: 'Download:',
  statsDownloadCsv: 'CSV (the table)',
  statsDownloadSvg: 'SVG (the chart)',
  statsRatificationsHeading: 'Ratifications by year and by region',
  statsRatificationsIntro:
    'Ratifications of one instrument recorded in this registry, counted by the year the ratification was registered and by the ILO region of the member State. A ratification whose date is not recorded is counted under “year unknown”.',
  statsInstrumentLabel: 'Instrument code',
  statsInstrumentHint: 'A Convention or Protocol code, for example C138, C182 or P029.',
  statsShow: 'Show',
  statsInstrumentInvalid: 'Enter an instrument code like C138.',
  statsInstrumentUnknown: (code: string) => `The registry has no instrument with code ${code}.`,
  statsTotal: (n: string) => `Ratifications recorded in this registry: ${n}.`,
  statsByYearHeading: 'By year of registration',
  statsByRegionHeading: 'By ILO region',
  statsByYearCaption: (code: string) => `Ratifications of ${code} by year of registration, with the running total`,
  statsByRegionCaption: (code: string) => `Ratifications of ${code} by ILO region`,
  statsColRatifications: 'Ratifications',
  statsColCumulative: 'Running total',
  statsColRegion: 'Region',
  statsYearUnknown: 'year unknown',
  statsRegionUnknown: 'region unknown',
  statsNoRatifications: 'No ratification of this instrument is recorded in this registry.',
  // Chart text (inside the SVG: title, description, legend, axis).
  chartChildLabourTitle: 'Children in child labour and in hazardous work, worldwide, ages 5-17',
  chartChildLabourDesc:
    'Bar chart of the global estimates by reference year; a year without a figure has no bar and is marked with a question mark. The same numbers are in the table that follows.',
  chartSeriesChildLabour: 'Child labour',
  chartSeriesHazardous: 'Hazardous work',
  chartMillions: (n: string) => `${n} M`,
  chartRatificationsTitle: (code: string, byYear: boolean) =>
    `Ratifications of ${code} by ${byYear ? 'year of registration' : 'ILO region'}`,
  chartRatificationsDesc: 'Bar chart of the ratifications recorded in this registry; the same numbers are in the table that follows.',
  chartSeriesRatifications: 'Ratifications',
  /** Short axis labels (the table beside the chart gives the full names). */
  chartRegionShort: {
    Africa: 'Africa',
    Americas: 'Americas',
    'Arab States': 'Arab States',
    'Asia and the Pacific': 'Asia-Pacific',
    'Europe and Central Asia': 'Europe-C. Asia',
  } as Record<IloRegion, string>,
};

export type StatisticsDict = typeof enStatistics;
