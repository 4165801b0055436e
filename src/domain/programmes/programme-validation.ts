import type { FieldIssue } from '../errors.ts';
import { CONFIDENCES } from '../facts.ts';
import { ORGANIZATION_ROLES, PROGRAMME_THEMES, type Programme } from './programme.ts';

/**
 * The form of a programme record as the secretariat writes it (decision 200). Pure: the caller
 * passes this year. Every list may be null (the source does not say); a year is a whole number
 * from 1919 (the Organization's founding) to ten years ahead; names, aims and items have bounds so
 * that a page and the open-data CSV stay readable.
 */
export const PROGRAMME_ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
export const MAX_PROGRAMME_NAME = 300;
export const MAX_PROGRAMME_TEXT = 4000;
export const MAX_PROGRAMME_ITEM = 500;
export const MAX_PROGRAMME_ITEMS = 200;

/** A lower-case slug of a name, at most 60 characters ("EAST (Indonesia)" → "east-indonesia"). */
export function programmeSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'programme';
}

function text(value: string | null, field: string, max: number, issues: FieldIssue[]): void {
  if (value !== null && value.length > max) issues.push({ field, message: `must be at most ${max} characters` });
}

function items(value: readonly string[] | null, field: string, issues: FieldIssue[]): void {
  if (value === null) return;
  if (value.length > MAX_PROGRAMME_ITEMS) issues.push({ field, message: `may list at most ${MAX_PROGRAMME_ITEMS} items` });
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') issues.push({ field: `${field}.${i}`, message: 'must not be empty' });
    else if (item.length > MAX_PROGRAMME_ITEM)
      issues.push({ field: `${field}.${i}`, message: `must be at most ${MAX_PROGRAMME_ITEM} characters` });
  });
}

function year(value: number | null, field: string, thisYear: number, issues: FieldIssue[]): void {
  if (value === null) return;
  if (!Number.isInteger(value) || value < 1919 || value > thisYear + 10)
    issues.push({ field, message: `must be a year from 1919 to ${thisYear + 10}, or empty when unknown` });
}

export function validateProgramme(p: Programme, thisYear: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!PROGRAMME_ID.test(p.id)) issues.push({ field: 'id', message: 'must be lower-case letters, digits and hyphens (at most 80)' });
  if (!p.nameEn.trim()) issues.push({ field: 'nameEn', message: 'the English name is required' });
  text(p.nameEn, 'nameEn', MAX_PROGRAMME_NAME, issues);
  text(p.nameId, 'nameId', MAX_PROGRAMME_NAME, issues);
  text(p.aimEn, 'aimEn', MAX_PROGRAMME_TEXT, issues);
  text(p.aimId, 'aimId', MAX_PROGRAMME_TEXT, issues);
  text(p.area, 'area', MAX_PROGRAMME_ITEM, issues);
  text(p.notes, 'notes', MAX_PROGRAMME_TEXT, issues);
  text(p.url, 'url', 2000, issues);
  if (p.url !== null && !/^https?:\/\/[^\s<>"]+$/.test(p.url))
    issues.push({ field: 'url', message: 'must be a web address starting with https:// or http://' });
  (p.countries ?? []).forEach((c, i) => {
    if (!/^[A-Z]{3}$/.test(c)) issues.push({ field: `countries.${i}`, message: `"${c}" is not an ISO 3166 alpha-3 code such as IDN` });
  });
  year(p.startYear, 'startYear', thisYear, issues);
  year(p.endYear, 'endYear', thisYear, issues);
  if (p.startYear !== null && p.endYear !== null && p.endYear < p.startYear)
    issues.push({ field: 'endYear', message: `the end year (${p.endYear}) is before the start year (${p.startYear})` });
  if (p.durationYears !== null && (!Number.isInteger(p.durationYears) || p.durationYears < 0 || p.durationYears > 100))
    issues.push({ field: 'durationYears', message: 'must be a whole number of years from 0 to 100, or empty when unknown' });
  for (const f of ['donors', 'partners', 'activities', 'outcomes'] as const) items(p[f], f, issues);
  items(p.countries, 'countries', issues);
  items(p.instruments, 'instruments', issues);
  p.themes.forEach((theme, i) => {
    if (!(PROGRAMME_THEMES as readonly string[]).includes(theme))
      issues.push({ field: `themes.${i}`, message: `must be one of ${PROGRAMME_THEMES.join(', ')}` });
  });
  (p.roles ?? []).forEach((role, i) => {
    if (!(ORGANIZATION_ROLES as readonly string[]).includes(role))
      issues.push({ field: `roles.${i}`, message: `must be one of ${ORGANIZATION_ROLES.join(', ')}` });
  });
  if (!(CONFIDENCES as readonly string[]).includes(p.confidence))
    issues.push({ field: 'confidence', message: `must be one of ${CONFIDENCES.join(', ')}` });
  if (new Set(p.countries ?? []).size !== (p.countries ?? []).length)
    issues.push({ field: 'countries', message: 'names a State more than once' });
  return issues;
}
