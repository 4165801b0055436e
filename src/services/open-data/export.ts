import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { csvField } from '../../http/api/ratifications-csv.ts';
import { BUNDLED_DATA_DIR } from '../../storage/paths.ts';
import { type ColumnInfo, columnsOf, type FlatRecord, flatten, type OpenDataSources, openDataTables } from './tables.ts';

/** One table ready to write: the API's records (JSON), their flattened rows (CSV) and the columns. */
export interface TableFile {
  name: string;
  description: string;
  api: string;
  records: unknown[];
  columns: ColumnInfo[];
  rows: FlatRecord[];
}

export interface OpenDataRelease {
  /** `<first 8 of the data version>-<release date>`: the ZIP's name and its folder. */
  label: string;
  dataVersion: string;
  releaseDate: string;
}

export async function release(s: OpenDataSources): Promise<OpenDataRelease> {
  const dataVersion = await s.registry.dataVersion();
  const releaseDate = s.today();
  return { label: `tripartite-open-data-${dataVersion.slice(0, 8)}-${releaseDate}`, dataVersion, releaseDate };
}

export async function loadTable(s: OpenDataSources, name: string): Promise<TableFile | null> {
  const table = openDataTables(s).find((t) => t.name === name);
  if (!table) return null;
  const records = await table.load();
  const rows = records.map((r) => flatten(r));
  return { name: table.name, description: table.description, api: table.api, records, rows, columns: columnsOf(table.name, rows) };
}

/** Spreadsheet-safe CSV (csvField), CRLF, one column per flattened field. */
export function tableCsv(t: Pick<TableFile, 'columns' | 'rows'>): string {
  const names = t.columns.map((c) => c.name);
  const lines = [names.map(csvField).join(',')];
  for (const row of t.rows) lines.push(names.map((n) => csvField(cellText(row[n]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cellText(v: FlatRecord[string] | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'boolean' ? String(v) : v;
}

export function tableJson(t: Pick<TableFile, 'records'>): string {
  return `${JSON.stringify(t.records, null, 2)}\n`;
}

function dictionaryMarkdown(rel: OpenDataRelease, tables: TableFile[]): string {
  const out = [
    '# Tripartite open data: data dictionary',
    '',
    `Data version ${rel.dataVersion}, released ${rel.releaseDate}.`,
    '',
    'Each table is given twice: `<table>.json` holds the records exactly as the API route named below returns them;',
    '`<table>.csv` holds the same records flattened (a nested field `a.b` becomes a column `a.b`; a list of plain',
    'values is one cell joined by `; `, a list of objects is one cell of JSON). In the CSV a value starting with',
    "`=`, `+`, `-` or `@` is prefixed with `'` so that spreadsheets do not run it as a formula. An empty cell means",
    'null: the fact is unknown or does not apply. `sources.json` lists every source a `source` column names.',
    '',
  ];
  for (const t of tables) {
    out.push(`## ${t.name}`, '', `${t.description}. ${t.rows.length} records; the same as \`${t.api}\`.`, '');
    out.push('| Column | Type | Description |', '| --- | --- | --- |');
    for (const c of t.columns) out.push(`| \`${c.name}\` | ${c.type} | ${c.description.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

/** Every public table as CSV and JSON, the data dictionary and the sources list, as one streamed ZIP. */
export async function openDataZip(
  s: OpenDataSources,
  dataDir: string = BUNDLED_DATA_DIR,
): Promise<{ release: OpenDataRelease; stream: Readable }> {
  const rel = await release(s);
  const tables: TableFile[] = [];
  for (const t of openDataTables(s)) {
    const loaded = await loadTable(s, t.name);
    if (loaded) tables.push(loaded);
  }
  const sources = await readFile(join(dataDir, 'sources.json'));
  const zip = new ZipFile();
  const dir = rel.label;
  const mtime = new Date(`${rel.releaseDate}T00:00:00Z`);
  const add = (name: string, body: string | Buffer) =>
    zip.addBuffer(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, `${dir}/${name}`, { mtime });
  for (const t of tables) {
    add(`${t.name}.csv`, tableCsv(t));
    add(`${t.name}.json`, tableJson(t));
  }
  add('data-dictionary.md', dictionaryMarkdown(rel, tables));
  add(
    'data-dictionary.json',
    `${JSON.stringify(
      {
        dataVersion: rel.dataVersion,
        releaseDate: rel.releaseDate,
        tables: tables.map((t) => ({ name: t.name, description: t.description, api: t.api, records: t.rows.length, columns: t.columns })),
      },
      null,
      2,
    )}\n`,
  );
  add('sources.json', sources);
  zip.end();
  return { release: rel, stream: zip.outputStream as Readable };
}
