/**
 * Sources for scripts/build-data.ts: the ids described in the Markdown tables of SOURCES.md, the
 * project's own ids, and the ids the built data actually uses.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MemberState } from '../../src/domain/country.ts';
import { COUNTRY_NAMES_ID_SOURCE } from '../../src/domain/country-names-id.ts';
import { splitSources } from '../../src/domain/facts.ts';
import type { IlcSession } from '../../src/domain/ilc-session.ts';
import type { Instrument } from '../../src/domain/instrument.ts';
import type { Ratification } from '../../src/domain/ratification.ts';
import { REF } from './paths.ts';
import { problem } from './problems.ts';
import { SEED_SOURCE, SEED_SOURCE_DESCRIPTION } from './programmes-seed.ts';

export interface SourceEntry {
  id: string;
  description: string | null;
}

/** Project-own source ids (not in SOURCES.md). */
export const TRANSLATION_SOURCE = 'TRIPARTITE-TRANSLATION';
const COUNTRY_NAMES_SOURCE = 'I18N-ISO-COUNTRIES';
export const PROJECT_SOURCES: SourceEntry[] = [
  { id: SEED_SOURCE, description: SEED_SOURCE_DESCRIPTION },
  { id: TRANSLATION_SOURCE, description: 'Unofficial Indonesian translation by the Tripartite project; not an official title' },
  { id: COUNTRY_NAMES_SOURCE, description: 'Indonesian country names from the npm package i18n-iso-countries' },
  {
    id: COUNTRY_NAMES_ID_SOURCE,
    description: 'Indonesian country names the package gets wrong, corrected in a reviewed table (src/domain/country-names-id.ts)',
  },
];

const SOURCE_ID = /^[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)+$|^[A-Z]{3,}$/;

function splitTableRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((s) => s.trim());
}

/**
 * Markdown to plain text: drop emphasis and code marks, keep every word and URL. Code spans are
 * kept verbatim: a glob path inside backticks in SOURCES.md is not emphasis.
 */
function plain(text: string): string {
  return text
    .split('`')
    .map((part, k) => (k % 2 === 1 ? part : part.replace(/\*\*/g, '').replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s),.;:]|$)/g, '$1$2')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A first cell may list several ids ("A, B"), abbreviate siblings ("NORMLEX-CEACR-IDN-C019, -C029":
 * the suffix replaces the last segments of the first id), or qualify a repeat ("ILO-JAKARTA (new use)").
 * Returns the ids and the qualifier, or null when the cell is a group label, not ids.
 */
function parseIdCell(cell: string): { ids: string[]; qualifier: string | null } | null {
  const qualifier = /\(([^)]*)\)\s*$/.exec(cell)?.[1] ?? null;
  const bare = cell.replace(/\([^)]*\)\s*$/, '').trim();
  const parts = bare.split(/\s*,\s*/).filter(Boolean);
  const first = parts[0];
  if (!first || !SOURCE_ID.test(first)) return null;
  const ids: string[] = [];
  for (const part of parts) {
    if (part.startsWith('-')) {
      const suffix = part.slice(1).split('-');
      const base = first.split('-');
      ids.push([...base.slice(0, base.length - suffix.length), ...suffix].join('-'));
    } else if (SOURCE_ID.test(part)) {
      ids.push(part);
    } else {
      return null;
    }
  }
  return { ids, qualifier };
}

/** Group rows ("ILC session pages") list "ID url ; ID url" in the description cell. */
function parseGroupDescription(description: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const segment of description.split(/\s+;\s+/)) {
    const m = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]{3,})\s+(.+)$/.exec(segment.trim());
    if (m?.[1] && m[2]) out.push({ id: m[1], description: plain(m[2]) });
  }
  return out;
}

export function readSourcesMd(): SourceEntry[] {
  const file = 'SOURCES.md';
  const lines = readFileSync(resolve(REF, file), 'utf8').split(/\r?\n/);
  const byId = new Map<string, string>();
  const add = (id: string, description: string, qualifier: string | null) => {
    const text = qualifier ? `(${qualifier}) ${description}` : description;
    const prev = byId.get(id);
    // The same id described again in a later pass: keep both descriptions, in file order.
    byId.set(id, prev ? `${prev} | ${text}` : text);
  };
  let inIdTable = false;
  lines.forEach((line, k) => {
    if (!line.trim().startsWith('|')) {
      inIdTable = false;
      return;
    }
    const cells = splitTableRow(line);
    const [first = '', ...rest] = cells;
    if (/^-+$/.test(first.replace(/:/g, ''))) return; // separator row
    if (first === 'ID') {
      inIdTable = true;
      return;
    }
    if (!inIdTable) return; // other tables (confidence counts, estimates) hold no sources
    const description = plain(rest.join(' | '));
    const parsed = parseIdCell(first);
    if (parsed) {
      for (const id of parsed.ids) add(id, description, parsed.qualifier);
      // Prose may name an extra id for one of the pages ("(ID 2233949, id NORMLEX-CEACR-IDN-C138-2003)").
      for (const m of description.matchAll(/\bid ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\b/g)) {
        if (m[1] && !parsed.ids.includes(m[1])) add(m[1], description, null);
      }
      return;
    }
    const grouped = parseGroupDescription(rest.join(' | '));
    if (grouped.length === 0) problem(file, k + 1, 'ID', `row names no source id: "${first}"`);
    for (const g of grouped) add(g.id, g.description ?? '', null);
  });
  return [...byId].map(([id, description]) => ({ id, description }));
}

/**
 * Source ids as used by facts. Instruments qualify some ids with the field they back
 * ("title:COMPILER-RECALL-UNVERIFIED"); the id is the part after the colon.
 */
function sourceIdsOf(value: string | null): string[] {
  return splitSources(value).map((s) => s.replace(/^[a-z_]+:(?=[A-Z])/, ''));
}

export function collectUsedSources(
  instruments: Instrument[],
  countries: MemberState[],
  ratifications: Ratification[],
  sessions: IlcSession[],
): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const note = (value: string | null, where: string) => {
    for (const id of sourceIdsOf(value)) {
      const list = used.get(id) ?? [];
      if (!list.includes(where)) list.push(where);
      used.set(id, list);
    }
  };
  for (const i of instruments) {
    note(i.source, 'instruments.json');
    note(i.titleIdSource, 'instruments.json (titleIdSource)');
    note(i.publishedCount?.source ?? null, 'instruments.json (publishedCount)');
  }
  for (const c of countries) note(c.source, 'countries.json');
  note(COUNTRY_NAMES_SOURCE, 'countries.json (nameId)');
  note(COUNTRY_NAMES_ID_SOURCE, 'countries.json (nameId, corrected)');
  for (const r of ratifications) {
    note(r.source, 'ratifications.json');
    for (const d of r.declarations) note(d.source, 'ratifications.json (declarations)');
  }
  for (const s of sessions) note(s.source, 'ilc-sessions.json');
  return used;
}
