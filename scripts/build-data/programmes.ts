/**
 * Programmes for scripts/build-data.ts (decision 170) → data/programmes.json:
 * - the founding text's programmes (programmes-seed.ts, source SEED-FOUNDING-TEXT);
 * - the US Department of Labor's ILAB projects (usdol/ilab_projects.csv, source USDOL-SWEATTOIL-2022):
 *   one row per project and country; rows sharing a link are one project in several States.
 *   Donor: USDOL (the file lists ILAB-funded projects). Themes come from title keywords (basis stated
 *   in `notes`); a link whose document is marked "CLOSED" makes the project ended per its source.
 *   Period, instruments, the ILO's role, partners, activities and outcomes are not in the file: null.
 */
import { resolve } from 'node:path';
import type { Programme, ProgrammeTheme } from '../../src/domain/programmes/programme.ts';
import { compareProgrammes } from '../../src/domain/programmes/programme.ts';
import { readCsv, rowsOf } from './csv.ts';
import { slug } from './offices.ts';
import { REF } from './paths.ts';
import { problem } from './problems.ts';
import { SEED_PROGRAMMES } from './programmes-seed.ts';

export const ILAB_SOURCE = 'USDOL-SWEATTOIL-2022';
export const ILAB_DONOR = 'United States Department of Labor (USDOL), Bureau of International Labor Affairs (ILAB)';

export interface ProgrammesFile {
  /** Rows read from usdol/ilab_projects.csv (one per project and country). */
  ilabRows: number;
  programmes: Programme[];
}

const THEME_WORDS: [RegExp, ProgrammeTheme][] = [
  [/child/i, 'child-labour'],
  [/forced/i, 'forced-labour'],
  [/traffick/i, 'trafficking'],
  [/educat|school/i, 'education'],
  [/youth|young/i, 'youth-employment'],
  [/evidence|data|research|measur|survey/i, 'research-data'],
];

export function themesFromTitle(title: string): ProgrammeTheme[] {
  return THEME_WORDS.filter(([re]) => re.test(title)).map(([, t]) => t);
}

/** A stable id from the link's last segment (minus ".pdf" and "_0"), unique within the file. */
export function ilabId(link: string, taken: Set<string>): string {
  const last =
    link
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? '';
  const stem =
    slug(last.replace(/\.pdf$/i, '').replace(/_0$/, ''))
      .slice(0, 70)
      .replace(/-$/, '') || 'project';
  let id = `ilab-${stem}`;
  for (let n = 2; taken.has(id); n++) id = `ilab-${stem}-${n}`;
  taken.add(id);
  return id;
}

export function readProgrammes(): ProgrammesFile {
  const file = 'usdol/ilab_projects.csv';
  const table = readCsv(resolve(REF, file), file, ['iso3', 'country_usdol', 'title', 'link']);
  const byLink = new Map<string, { title: string; link: string; countries: string[] }>();
  let rows = 0;
  for (const c of rowsOf(table)) {
    rows++;
    const iso3 = c.required('iso3');
    const title = c.required('title').replace(/\s+/g, ' ');
    // One row gives the link without its scheme (www.dol.gov/…): the same page over https.
    const link = c.required('link').replace(/^www\./, 'https://www.');
    if (!/^[A-Z]{3}$/.test(iso3)) c.bad('iso3', `not an ISO 3166 alpha-3 code: ${iso3}`);
    if (!/^https:\/\//.test(link)) c.bad('link', `not an https link: ${link}`);
    const entry = byLink.get(link);
    if (!entry) byLink.set(link, { title, link, countries: [iso3] });
    else if (!entry.countries.includes(iso3)) entry.countries.push(iso3);
  }
  const taken = new Set(SEED_PROGRAMMES.map((p) => p.id));
  const ilab: Programme[] = [...byLink.values()]
    .sort((a, b) => (a.link < b.link ? -1 : a.link > b.link ? 1 : 0))
    .map((p) => ({
      id: ilabId(p.link, taken),
      nameEn: p.title,
      nameId: null,
      aimEn: null,
      aimId: null,
      countries: p.countries.sort(),
      area: null,
      startYear: null,
      endYear: null,
      durationYears: null,
      closedPerSource: /closed/i.test(p.link),
      donors: [ILAB_DONOR],
      partners: null,
      instruments: null,
      themes: themesFromTitle(p.title),
      roles: null,
      activities: null,
      outcomes: null,
      url: p.link,
      source: ILAB_SOURCE,
      confidence: 'high',
      notes: `ILAB-funded project listed in the Sweat & Toil data. Themes from title keywords.${
        /closed/i.test(p.link) ? ' Its document is marked CLOSED, so the project has ended.' : ''
      }`,
    }));
  if (ilab.length === 0) problem(file, null, null, 'no ILAB projects read');
  return { ilabRows: rows, programmes: [...SEED_PROGRAMMES, ...ilab].sort(compareProgrammes) };
}
