import type { ComplianceService } from '../compliance-service.ts';
import type { ConferenceService } from '../conference-service.ts';
import type { DocumentService } from '../document-service.ts';
import type { OrgansService } from '../organs-service.ts';
import type { ProgrammeService } from '../programme-service.ts';
import type { RegistryService } from '../registry-service.ts';
import type { StatisticsService } from '../statistics-service.ts';
import type { SupervisionService } from '../supervision-service.ts';
import type { UsdolService } from '../usdol-service.ts';
import { COLUMN_NOTES } from './column-notes.ts';

/**
 * The public tables of the open-data export (issue 10, decision 185). Every table is read through the
 * same service the API uses, never from the database directly, so nothing private (accounts, sessions,
 * tokens, the actors of history events) can reach a download and each file equals what the API returns.
 */

/** One cell of a flattened record: nested objects become `a.b` columns, arrays one `; `-joined or JSON cell. */
export type Cell = string | number | boolean | null;
export type FlatRecord = Record<string, Cell>;

export interface OpenDataSources {
  registry: RegistryService;
  compliance: ComplianceService;
  conference: ConferenceService;
  organs: OrgansService;
  supervision?: SupervisionService;
  programmes?: ProgrammeService;
  statistics?: StatisticsService;
  usdol?: UsdolService;
  /** The documents library's records (metadata; the files themselves are downloaded one by one). */
  documents?: DocumentService;
  today: () => string;
}

export interface OpenDataTable {
  /** File stem: `<name>.csv`, `<name>.json`, and `GET /api/export/<name>.csv|json`. */
  name: string;
  description: string;
  /** The API route returning the same records. */
  api: string;
  load(): Promise<unknown[]>;
}

export const TABLE_NAMES = [
  'instruments',
  'countries',
  'ratifications',
  'national-profiles',
  'ilc-sessions',
  'supervisory-comments',
  'supervisory-procedures',
  'programmes',
  'usdol-goods',
  'offices',
  'child-labour-estimates',
  'documents',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const ALL = { page: 1, pageSize: 1_000_000 };

export function openDataTables(s: OpenDataSources): OpenDataTable[] {
  const tables: OpenDataTable[] = [
    {
      name: 'instruments',
      description: 'ILO Conventions, Protocols and Recommendations',
      api: 'GET /api/instruments',
      load: async () => (await s.registry.listInstruments({}, ALL)).items,
    },
    {
      name: 'countries',
      description: 'ILO member States',
      api: 'GET /api/countries',
      load: () => s.registry.listCountries({}),
    },
    {
      name: 'ratifications',
      description: 'Ratifications, with the minimum age declared under C138 Art 2(1) and the source of each row',
      api: 'GET /api/ratifications',
      load: async () => (await s.registry.listRatifications({}, null)).items,
    },
    {
      name: 'national-profiles',
      description:
        'National minimum ages for work, hazardous work and compulsory education, and national light- and night-work rules, with their sources',
      api: 'POST /api/compliance/check (the profile the check applies)',
      load: async () =>
        [...(await s.compliance.allCountryFacts()).values()]
          .flatMap((f) => (f.profile ? [f.profile] : []))
          .sort((a, b) => a.iso3.localeCompare(b.iso3)),
    },
    {
      name: 'ilc-sessions',
      description: 'Sessions of the International Labour Conference, their agenda and the instruments they adopted',
      api: 'GET /api/conference/sessions',
      load: () => s.conference.listSessions(),
    },
    {
      name: 'offices',
      description: 'Offices of the International Labour Office and the States they cover',
      api: 'GET /api/office/offices',
      load: () => s.organs.offices({}),
    },
  ];
  const { supervision, programmes, statistics, usdol } = s;
  if (supervision) {
    tables.push(
      {
        name: 'supervisory-comments',
        description: 'Comments of the supervisory bodies (CEACR observations and direct requests, CAS conclusions)',
        api: 'GET /api/comments',
        load: async () => (await supervision.listComments({}, ALL)).items,
      },
      {
        name: 'supervisory-procedures',
        description: 'Representations (Art 24) and complaints (Art 26) and their stage',
        api: 'GET /api/procedures',
        load: async () => (await supervision.listProcedures({}, ALL)).items,
      },
    );
  }
  if (programmes) {
    tables.push({
      name: 'programmes',
      description: 'Technical-cooperation programmes and projects, with their status on the export date',
      api: 'GET /api/programmes',
      load: async () => (await programmes.list({}, ALL, s.today())).items,
    });
  }
  if (usdol) {
    tables.push({
      name: 'usdol-goods',
      description: "USDOL's List of Goods Produced by Child Labor or Forced Labor",
      api: 'GET /api/goods',
      load: async () => usdol.goods({}).items,
    });
  }
  if (statistics) {
    tables.push({
      name: 'child-labour-estimates',
      description: 'Global estimates of children in child labour and in hazardous work',
      api: 'GET /api/statistics/child-labour',
      load: async () => (await statistics.childLabour()).estimates,
    });
  }
  if (s.documents) {
    const { documents } = s;
    tables.push({
      name: 'documents',
      description: 'The documents library: title, kind, date, language, instruments and States concerned, stored file or link',
      api: 'GET /api/documents',
      load: async () => (await documents.list({}, ALL)).items,
    });
  }
  return tables;
}

/** Flattens one record for CSV: `{a:{b:1}}` → `{'a.b':1}`; scalar arrays joined by `; `, other arrays as JSON. */
export function flatten(value: unknown, prefix = '', out: FlatRecord = {}): FlatRecord {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = null;
    return out;
  }
  if (Array.isArray(value)) {
    const scalar = value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    out[prefix] = scalar ? value.join('; ') : JSON.stringify(value);
    return out;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix] = value as Cell;
  return out;
}

export interface ColumnInfo {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'empty';
  description: string;
}

/** Columns in first-seen order over every record (a key missing in one record is an empty cell). */
export function columnsOf(table: string, rows: FlatRecord[]): ColumnInfo[] {
  const types = new Map<string, ColumnInfo['type']>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      const t = v === null ? 'empty' : (typeof v as ColumnInfo['type']);
      const seen = types.get(k);
      if (seen === undefined || seen === 'empty') types.set(k, t);
    }
  }
  // A nested object that is null in some records gives a bare `x` next to `x.a`, `x.b`: its empty cells say it.
  const names = [...types.keys()];
  return [...types]
    .filter(([name]) => !names.some((other) => other.startsWith(`${name}.`)))
    .map(([name, type]) => ({ name, type, description: describeColumn(table, name) }));
}

function describeColumn(table: string, column: string): string {
  const leaf = column.split('.').at(-1) ?? column;
  return COLUMN_NOTES[`${table}:${column}`] ?? COLUMN_NOTES[column] ?? COLUMN_NOTES[leaf] ?? `The "${column}" field of each record`;
}
