import type { FieldIssue } from '../domain/errors.ts';
import { INSTRUMENT_CATEGORIES, type InstrumentCategory, normaliseInstrumentCode } from '../domain/instrument.ts';
import { isIsoDay } from '../domain/partial-date.ts';
import { REPORT_KINDS, type ReportKind } from '../domain/supervision/report-status.ts';
import { checkCitation, clean, MAX_TEXT_LENGTH, notADate } from './edit-validation.ts';
import type { Citation } from './record-change.ts';

/** Years a calendar rule or report may name: from the ILO's founding to a far but finite future. */
export const REPORTING_YEAR_RANGE = { min: 1919, max: 2200 } as const;
export const MAX_CYCLE_YEARS = 20;
export const MAX_ORGANISATIONS = 20;
export const RULE_SET_ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

export interface RuleSetInput extends Citation {
  id: string;
  category: InstrumentCategory;
  cycleYears: number;
  sinceYear: number;
  untilYear?: number | null;
  notes?: string | null;
}

export interface GroupYearInput extends Citation {
  ruleSetId: string;
  label: string;
  firstLetter: string;
  lastLetter: string;
  subject?: string | null;
  baseYear: number;
}

export interface ReportSentInput extends Citation {
  country: string;
  instrument: string;
  year: number;
  kind: ReportKind;
  dateSent: string;
  link: string;
}

export interface OrganisationsInput extends Citation {
  country: string;
  employers: string[];
  workers: string[];
}

function year(value: unknown, field: string, issues: FieldIssue[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < REPORTING_YEAR_RANGE.min || value > REPORTING_YEAR_RANGE.max)
    issues.push({ field, message: `${field} must be a year from ${REPORTING_YEAR_RANGE.min} to ${REPORTING_YEAR_RANGE.max}` });
}

function text(value: unknown, field: string, issues: FieldIssue[], max = MAX_TEXT_LENGTH): void {
  if (typeof value !== 'string' || !clean(value)) issues.push({ field, message: `${field} is required` });
  else if (value.length > max) issues.push({ field, message: `${field} must be at most ${max} characters` });
}

const letter = (value: unknown): string => (typeof value === 'string' ? value.trim().toUpperCase() : '');

export function ruleSetIssues(input: RuleSetInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof input.id !== 'string' || !RULE_SET_ID.test(input.id))
    issues.push({ field: 'id', message: 'id must be 1 to 60 lower-case letters, digits and hyphens, such as fundamental-2012' });
  if (!INSTRUMENT_CATEGORIES.includes(input.category))
    issues.push({ field: 'category', message: `category must be one of ${INSTRUMENT_CATEGORIES.join(', ')}` });
  if (
    typeof input.cycleYears !== 'number' ||
    !Number.isInteger(input.cycleYears) ||
    input.cycleYears < 1 ||
    input.cycleYears > MAX_CYCLE_YEARS
  )
    issues.push({ field: 'cycleYears', message: `cycleYears must be a whole number of years from 1 to ${MAX_CYCLE_YEARS}` });
  year(input.sinceYear, 'sinceYear', issues);
  if (input.untilYear !== null && input.untilYear !== undefined) {
    year(input.untilYear, 'untilYear', issues);
    if (typeof input.sinceYear === 'number' && input.untilYear < input.sinceYear)
      issues.push({ field: 'untilYear', message: `untilYear (${input.untilYear}) is before sinceYear (${input.sinceYear})` });
  }
  if ((input.notes ?? '').length > MAX_TEXT_LENGTH)
    issues.push({ field: 'notes', message: `notes must be at most ${MAX_TEXT_LENGTH} characters` });
  checkCitation(input, issues);
  return issues;
}

export function groupYearIssues(input: GroupYearInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof input.ruleSetId !== 'string' || !RULE_SET_ID.test(input.ruleSetId))
    issues.push({ field: 'ruleSetId', message: 'ruleSetId must name a rule set, such as fundamental-2012' });
  text(input.label, 'label', issues, 20);
  if (typeof input.label === 'string' && input.label.includes('/')) issues.push({ field: 'label', message: 'label must not contain "/"' });
  const first = letter(input.firstLetter);
  const last = letter(input.lastLetter);
  if (!/^[A-Z]$/.test(first)) issues.push({ field: 'firstLetter', message: 'firstLetter must be one letter from A to Z' });
  if (!/^[A-Z]$/.test(last)) issues.push({ field: 'lastLetter', message: 'lastLetter must be one letter from A to Z' });
  else if (/^[A-Z]$/.test(first) && last < first)
    issues.push({ field: 'lastLetter', message: `lastLetter (${last}) comes before firstLetter (${first})` });
  if ((input.subject ?? '').length > MAX_TEXT_LENGTH)
    issues.push({ field: 'subject', message: `subject must be at most ${MAX_TEXT_LENGTH} characters` });
  year(input.baseYear, 'baseYear', issues);
  checkCitation(input, issues);
  return issues;
}

export function reportSentIssues(input: ReportSentInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!normaliseInstrumentCode(input.instrument ?? ''))
    issues.push({ field: 'instrument', message: 'instrument must be a code such as C138' });
  year(input.year, 'year', issues);
  if (!REPORT_KINDS.includes(input.kind)) issues.push({ field: 'kind', message: `kind must be one of ${REPORT_KINDS.join(', ')}` });
  const sent = clean(input.dateSent) ?? '';
  if (!isIsoDay(sent))
    issues.push({ field: 'dateSent', message: notADate(sent, 'dateSent must be the day the report was sent, YYYY-MM-DD') });
  else if (sent > today) issues.push({ field: 'dateSent', message: `dateSent (${sent}) is in the future` });
  text(input.link, 'link', issues);
  checkCitation(input, issues);
  return issues;
}

export function organisationsIssues(input: OrganisationsInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['employers', 'workers'] as const) {
    const names = input[field];
    if (!Array.isArray(names)) issues.push({ field, message: `${field} must be a list of names` });
    else if (names.length > MAX_ORGANISATIONS)
      issues.push({ field, message: `${field} must list at most ${MAX_ORGANISATIONS} organisations` });
    else if (names.some((n) => typeof n !== 'string' || !clean(n) || n.length > MAX_TEXT_LENGTH))
      issues.push({ field, message: `each name in ${field} must be 1 to ${MAX_TEXT_LENGTH} characters` });
  }
  checkCitation(input, issues);
  return issues;
}

/** The names as stored: trimmed, empty ones dropped, each once. */
export function cleanNames(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

export interface ReceiptsCompleteInput extends Citation {
  country: string;
  /** YYYY-MM-DD: the first due date from which every receipt is recorded here; null withdraws the declaration. */
  since: string | null;
}

export function receiptsCompleteIssues(input: ReceiptsCompleteInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const since = input.since;
  if (since !== null && (typeof since !== 'string' || !isIsoDay(since)))
    issues.push({
      field: 'since',
      message: notADate(
        String(since ?? ''),
        'since must be the first due date from which every receipt is recorded here, YYYY-MM-DD (or null)',
      ),
    });
  checkCitation(input, issues);
  return issues;
}
