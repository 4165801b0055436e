/** English text of the open-data page (issue 10, decision 185); `id-data.ts` is typed from it. */
export const enData = {
  dataTitle: 'Open data',
  dataIntro:
    'Every public table of the registry, free to reuse: as CSV for spreadsheets and as JSON for programs, each with the same records as the API. A data dictionary describes every column, and the sources list says where each fact comes from.',
  dataVersionLine: (version: string, date: string) => `Data version ${version}, released ${date}.`,
  dataZipHeading: 'Everything in one file',
  dataZipLink: 'Download all tables (ZIP)',
  dataZipNote: 'The ZIP holds each table as CSV and JSON, the data dictionary (data-dictionary.md and .json) and sources.json.',
  dataTablesHeading: 'Table by table',
  dataTablesCaption: 'Public tables and their downloads',
  dataColTable: 'Table',
  dataColDownload: 'Download',
  dataCsv: (table: string) => `${table} as CSV`,
  dataJson: (table: string) => `${table} as JSON`,
  dataSpreadsheetNote:
    'In the CSV a cell that starts with =, +, - or @ begins with an apostrophe so that spreadsheets do not run it as a formula. An empty cell means the fact is unknown or does not apply.',
  dataTableLabel: {
    instruments: 'Instruments',
    countries: 'Member States',
    ratifications: 'Ratifications and declarations',
    'national-profiles': 'National child-labour profiles',
    'ilc-sessions': 'Sessions of the International Labour Conference',
    'supervisory-comments': 'Comments of the supervisory bodies',
    'supervisory-procedures': 'Representations and complaints',
    programmes: 'Programmes and projects',
    'usdol-goods': "USDOL's List of Goods",
    offices: 'ILO offices',
    'child-labour-estimates': 'Child-labour estimates',
  } as Record<string, string>,
  footerData: 'Open data: CSV, JSON and ZIP downloads',
};

export type DataDict = typeof enData;
