import type { FieldIssue } from '../errors.ts';
import type { Confidence } from '../facts.ts';
import { impossibleDayReason, isPartialDate } from '../partial-date.ts';
import type { DocumentMediaType } from './content.ts';

/** The documents library (issue 10, decision 196): reports, comments, guides, laws and others, each a stored file or a link. */
export const DOCUMENT_KINDS = ['report', 'comment', 'guide', 'law', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The stored copy of an uploaded file: named on disk by its SHA-256, never by the uploader's name. */
export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: DocumentMediaType;
  /** The uploader's file name, made safe (content.ts `safeFileName`); shown and sent back in Content-Disposition only. */
  fileName: string;
}

export interface LibraryDocument {
  id: string;
  titleEn: string;
  /** null: no Indonesian title (the English one is shown). */
  titleId: string | null;
  kind: DocumentKind;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null: the date is not recorded. */
  date: string | null;
  /** ISO 639-1 code of the document's language ('en', 'id', 'fr', …); null: not recorded. */
  language: string | null;
  instruments: string[];
  countries: string[];
  /** Either a stored file or a link (or both: a stored copy of a page that is also online). */
  file: StoredFile | null;
  url: string | null;
  source: string;
  confidence: Confidence;
  notes: string | null;
  createdAt: string;
  /** Account ids (the history names editors by role; their emails are not public). */
  createdBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
}

export const MAX_TITLE = 500;
export const MAX_NOTES = 4000;
export const MAX_URL = 2000;

/** The checks of a document's own fields (whether the States and instruments exist is the service's to ask). */
export function validateDocument(d: LibraryDocument, thisYear: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!d.titleEn) issues.push({ field: 'title', message: 'title is required (in English)' });
  else if (d.titleEn.length > MAX_TITLE) issues.push({ field: 'title', message: `title must be at most ${MAX_TITLE} characters` });
  if (d.titleId && d.titleId.length > MAX_TITLE)
    issues.push({ field: 'titleId', message: `titleId must be at most ${MAX_TITLE} characters` });
  if (!(DOCUMENT_KINDS as readonly string[]).includes(d.kind))
    issues.push({ field: 'kind', message: `kind must be one of ${DOCUMENT_KINDS.join(', ')}` });
  if (d.date !== null) {
    const impossible = impossibleDayReason(d.date);
    if (!isPartialDate(d.date))
      issues.push({ field: 'date', message: impossible ?? 'date must be YYYY, YYYY-MM or YYYY-MM-DD (leave it empty when unknown)' });
    else if (Number(d.date.slice(0, 4)) > thisYear) issues.push({ field: 'date', message: 'date must not be in a future year' });
  }
  if (d.language !== null && !/^[a-z]{2,3}$/.test(d.language))
    issues.push({ field: 'language', message: 'language must be an ISO 639 code such as en, id or fr (leave it empty when unknown)' });
  d.countries.forEach((c, i) => {
    if (!/^[A-Z]{3}$/.test(c)) issues.push({ field: `countries.${i}`, message: `"${c}" is not an ISO 3166 alpha-3 code such as IDN` });
  });
  if (d.countries.length > 50) issues.push({ field: 'countries', message: 'countries may list at most 50 States' });
  if (d.instruments.length > 30) issues.push({ field: 'instruments', message: 'instruments may list at most 30 instruments' });
  if (d.url !== null) {
    if (d.url.length > MAX_URL) issues.push({ field: 'url', message: `url must be at most ${MAX_URL} characters` });
    else if (!isWebAddress(d.url)) issues.push({ field: 'url', message: 'url must be an http:// or https:// address' });
  }
  if (!d.file && d.url === null) issues.push({ field: 'file', message: 'upload a file or give a url: a document needs one of them' });
  if (d.notes && d.notes.length > MAX_NOTES) issues.push({ field: 'notes', message: `notes must be at most ${MAX_NOTES} characters` });
  return issues;
}

export function isWebAddress(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A list field as a form sends it: "C138, C182" or repeated fields; empty items dropped, duplicates once. */
export function listField(value: string | readonly string[] | null | undefined): string[] {
  const items = (Array.isArray(value) ? value : [value ?? '']).flatMap((v) => String(v).split(/[\s,;]+/));
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))];
}
