import type { Confidence } from '../facts.ts';

/**
 * Technical-cooperation programmes and projects (issue 10, decision 170). Pure: no I/O; the
 * reference date is passed in. A value the sources do not state is `null` (shown as unknown),
 * never a guess; an empty list means the source states there is none.
 */
export const PROGRAMME_THEMES = [
  'child-labour',
  'forced-labour',
  'trafficking',
  'education',
  'youth-employment',
  'entrepreneurship',
  'social-protection',
  'green-jobs',
  'hiv-aids',
  'research-data',
] as const;
export type ProgrammeTheme = (typeof PROGRAMME_THEMES)[number];

/** The parts the Organization plays in a programme, as the source words them. */
export const ORGANIZATION_ROLES = ['motivator', 'communicator', 'trainer', 'funder', 'designer', 'partner'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const PROGRAMME_STATUSES = ['ongoing', 'ended', 'unknown'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export interface Programme {
  /** Stable lower-case slug, e.g. `east-indonesia` or `ilab-…`. */
  id: string;
  nameEn: string;
  nameId: string | null;
  /** Aim in the programme's own words (summarised), en and id. */
  aimEn: string | null;
  aimId: string | null;
  /** ISO 3166 alpha-3 codes of the States where it runs; null: the source names none. */
  countries: string[] | null;
  /** Wider area the source names (e.g. "Asia and the Pacific"), null when none. */
  area: string | null;
  startYear: number | null;
  endYear: number | null;
  /** Length the source states (e.g. four years) when it gives no dates. */
  durationYears: number | null;
  /** True when the source itself marks the project closed (ILAB's "CLOSED" documents). */
  closedPerSource: boolean;
  donors: string[] | null;
  partners: string[] | null;
  /** Instrument codes it serves; null: the source does not say. */
  instruments: string[] | null;
  themes: ProgrammeTheme[];
  roles: OrganizationRole[] | null;
  activities: string[] | null;
  outcomes: string[] | null;
  url: string | null;
  source: string;
  confidence: Confidence;
  notes: string | null;
}

export interface ProgrammeFilter {
  country?: string;
  instrument?: string;
  theme?: ProgrammeTheme;
  status?: ProgrammeStatus;
}

/**
 * Status on `today` (YYYY-MM-DD): ended when the source marks it closed or its end year is past;
 * ongoing when it has started and its end year is this year or later; otherwise unknown.
 */
export function programmeStatus(p: Pick<Programme, 'startYear' | 'endYear' | 'closedPerSource'>, today: string): ProgrammeStatus {
  const year = Number(today.slice(0, 4));
  if (p.closedPerSource) return 'ended';
  if (p.endYear !== null && p.endYear < year) return 'ended';
  if (p.endYear !== null && p.startYear !== null && p.startYear <= year) return 'ongoing';
  return 'unknown';
}

export function matchesFilter(p: Programme, filter: ProgrammeFilter, today: string): boolean {
  if (filter.country && !(p.countries ?? []).includes(filter.country)) return false;
  if (filter.instrument && !(p.instruments ?? []).includes(filter.instrument)) return false;
  if (filter.theme && !p.themes.includes(filter.theme)) return false;
  if (filter.status && programmeStatus(p, today) !== filter.status) return false;
  return true;
}

/** Founding-text programmes first (they have no `ilab-` prefix), then by English name. */
export function compareProgrammes(a: Programme, b: Programme): number {
  const ia = a.id.startsWith('ilab-') ? 1 : 0;
  const ib = b.id.startsWith('ilab-') ? 1 : 0;
  if (ia !== ib) return ia - ib;
  return a.nameEn < b.nameEn ? -1 : a.nameEn > b.nameEn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
