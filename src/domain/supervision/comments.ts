import type { FieldIssue } from '../errors.ts';
import { CONFIDENCES, type Confidence } from '../facts.ts';

/**
 * The supervisory record: comments of the Committee of Experts on the Application of Conventions
 * and Recommendations (CEACR) on the reports States send under Constitution Art 22, the
 * representations (Art 24) and complaints (Art 26) procedures, and the cases the Conference
 * Committee on the Application of Standards (CAS) discusses from the summary laid before the
 * Conference under Art 23(1). Pure: no I/O, no clock (the current year is passed in).
 */

/** CEACR comments: an observation is published in the Committee's report; a direct request is sent to the government. */
export const COMMENT_KINDS = ['observation', 'direct_request'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** The articles each comment kind and procedure rests on. */
export const COMMENT_BASIS = 'Constitution Art 22';

export const PROCEDURES = ['art24', 'art26', 'cas'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/**
 * The stages of each procedure, in order. `closed` ends a procedure at any point (a representation
 * found not receivable, a complaint the Governing Body does not refer, a case whose follow-up ends).
 */
export const PROCEDURE_STAGES = {
  /** Art 24: an industrial association of employers or workers makes a representation; Art 25: the GB may publish it and the reply. */
  art24: ['received', 'receivable', 'committee', 'gb_decision', 'closed'],
  /** Art 26: a complaint; Art 26(3) Commission of Inquiry; Art 28 its report; Art 33 measures; or closed. */
  art26: ['filed', 'gb_decision', 'commission_of_inquiry', 'report', 'art33_measures', 'closed'],
  /** Art 23(1): the Conference examines the summary of reports; its committee discusses individual cases and adopts conclusions. */
  cas: ['listed', 'discussed', 'conclusions', 'closed'],
} as const satisfies Record<Procedure, readonly string[]>;

export type ProcedureStage = (typeof PROCEDURE_STAGES)[Procedure][number];
export const ALL_STAGES: readonly ProcedureStage[] = [...new Set(Object.values(PROCEDURE_STAGES).flat())] as ProcedureStage[];

/** The article behind each procedure, and behind each stage where the Constitution names it. */
export const PROCEDURE_ARTICLES: Record<Procedure, string> = {
  art24: 'Constitution Art 24',
  art26: 'Constitution Art 26',
  cas: 'Constitution Art 23(1)',
};

export const STAGE_ARTICLES: Partial<Record<`${Procedure}:${string}`, string>> = {
  'art24:received': 'Constitution Art 24',
  'art24:gb_decision': 'Constitution Art 25',
  'art26:filed': 'Constitution Art 26(1)',
  'art26:gb_decision': 'Constitution Art 26(2)',
  'art26:commission_of_inquiry': 'Constitution Art 26(3)',
  'art26:report': 'Constitution Art 28',
  'art26:art33_measures': 'Constitution Art 33',
  'cas:listed': 'Constitution Art 23(1)',
};

/** The first year a comment or procedure can date from: the Constitution of 1919. */
export const FIRST_YEAR = 1919;
export const MAX_TEXT = 4000;
export const MAX_SHORT_TEXT = 500;

export interface SupervisoryComment {
  /** The NORMLEX comment id when known (digits), otherwise an id given by the registry ("local-3"). */
  id: string;
  country: string;
  /** Usually one Convention; a joint comment covers several. */
  instruments: string[];
  /** null: the source does not say (shown as unknown). */
  kind: CommentKind | null;
  /** The year the Committee adopted the comment, where the source states it. */
  year: number | null;
  /** The session of the Conference the comment was published for, and its year, only if stated. */
  session: number | null;
  sessionYear: number | null;
  normlexId: string | null;
  url: string | null;
  /** Our own summary of what the comment says (never Convention or comment text); null: none recorded. */
  summaryEn: string | null;
  summaryId: string | null;
  /** The comment asks the government for a reply or a report: brings an out-of-cycle report request. */
  requestsReply: boolean;
  source: string;
  confidence: Confidence;
  notes: string | null;
}

export interface SupervisoryProcedure {
  /** e.g. "art26-pol-1982", "cas-idn-c098". */
  id: string;
  procedure: Procedure;
  country: string;
  instruments: string[];
  /** The year the source gives for the procedure (filing, or as the notes say). */
  year: number | null;
  /** A CAS case: the Conference session that discussed it. */
  session: number | null;
  filedBy: string | null;
  stage: ProcedureStage | null;
  /** The outcome as the source states it (verbatim); null: not stated. */
  outcome: string | null;
  /** A CAS case: our own summary of the conclusions, where a source gives them. */
  conclusionsEn: string | null;
  conclusionsId: string | null;
  url: string | null;
  source: string;
  confidence: Confidence;
  notes: string | null;
}

export function stagesOf(procedure: Procedure): readonly ProcedureStage[] {
  return PROCEDURE_STAGES[procedure];
}

export function isStageOf(procedure: Procedure, stage: string): stage is ProcedureStage {
  return (PROCEDURE_STAGES[procedure] as readonly string[]).includes(stage);
}

/** The article a stage rests on: the stage's own where the Constitution names it, else the procedure's. */
export function stageArticle(procedure: Procedure, stage: ProcedureStage | null): string {
  return (stage ? STAGE_ARTICLES[`${procedure}:${stage}`] : undefined) ?? PROCEDURE_ARTICLES[procedure];
}

/**
 * Whether a procedure may move from one stage to another: forward only, or to `closed` from any
 * stage (a correction of a wrongly entered stage is an edit, not a move, and is not checked here).
 * Art 33 measures follow a Commission of Inquiry's report only (Art 28, 33).
 */
export function canMove(procedure: Procedure, from: ProcedureStage | null, to: ProcedureStage): boolean {
  const stages = PROCEDURE_STAGES[procedure] as readonly ProcedureStage[];
  if (!stages.includes(to)) return false;
  if (from === null) return true;
  if (from === 'closed') return false;
  if (to === 'closed') return true;
  if (to === 'art33_measures') return from === 'report';
  return stages.indexOf(to) > stages.indexOf(from);
}

/**
 * Reads a stage from an outcome as a source states it ("Closed; GB adopted ...", "Commission of
 * Inquiry set up ..."): the most advanced stage the words name, or null when they name none. Used
 * for bundled cases, whose outcome is kept verbatim beside the stage.
 */
export function stageFromOutcome(procedure: Procedure, outcome: string | null): ProcedureStage | null {
  const text = (outcome ?? '').toLowerCase();
  if (!text.trim()) return null;
  if (procedure === 'art26' && /art\.?\s*33|article 33/.test(text)) return 'art33_measures';
  if (/\bclosed\b|not receivable|report approved|not to refer|not referred/.test(text)) return 'closed';
  if (procedure === 'art24' && /adopted .*report|report .*adopted/.test(text)) return 'closed';
  if (procedure === 'art26') {
    if (/took note of (the )?coi report|report of the commission|commission of inquiry \(report/.test(text)) return 'report';
    if (/commission of inquiry|\bcoi\b/.test(text) && !/deferred|invited to decide/.test(text)) return 'commission_of_inquiry';
    if (/deferred|invited to decide|gb decided|decision/.test(text)) return 'gb_decision';
  }
  if (procedure === 'art24') {
    if (/committee set up|referred to cfa|referred/.test(text)) return 'committee';
    if (/receivable/.test(text)) return 'receivable';
  }
  if (procedure === 'cas' && /conclusion/.test(text)) return 'conclusions';
  return null;
}

export interface ReplyRequest {
  instrument: string;
  year: number;
  commentId: string;
}

/**
 * The out-of-cycle input of the reporting calendar (Art 22): each comment that asks the government
 * for a reply or a report, once per Convention it covers. A comment whose year is unknown cannot
 * place a request in the calendar and is left out (see `undatedReplyRequests`).
 */
export function replyRequests(comments: readonly SupervisoryComment[]): ReplyRequest[] {
  return comments
    .filter((c) => c.requestsReply && c.year !== null)
    .flatMap((c) => c.instruments.map((instrument) => ({ instrument, year: c.year as number, commentId: c.id })))
    .sort((a, b) => a.year - b.year || a.instrument.localeCompare(b.instrument) || a.commentId.localeCompare(b.commentId));
}

/** Comments that ask for a reply but whose year is unknown: a gap to fill before the calendar can use them. */
export function undatedReplyRequests(comments: readonly SupervisoryComment[]): SupervisoryComment[] {
  return comments.filter((c) => c.requestsReply && c.year === null);
}

const ISO3 = /^[A-Z]{3}$/;
const CONVENTION = /^[CP]\d{3}$/;

function yearIssue(field: string, value: unknown, currentYear: number, issues: FieldIssue[]): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < FIRST_YEAR || value > currentYear)
    issues.push({
      field,
      message: `${field} must be a year from ${FIRST_YEAR} to ${currentYear} (Constitution of 1919), or empty when unknown`,
    });
}

function textIssue(field: string, value: unknown, max: number, issues: FieldIssue[]): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'string' || value.length > max)
    issues.push({ field, message: `${field} must be text of at most ${max} characters` });
}

function commonIssues(
  r: Pick<SupervisoryComment, 'country' | 'instruments' | 'year' | 'source' | 'confidence' | 'notes' | 'url'>,
  currentYear: number,
  issues: FieldIssue[],
): void {
  if (!ISO3.test(r.country ?? '')) issues.push({ field: 'country', message: 'country must be an ISO 3166 alpha-3 code such as IDN' });
  if (!Array.isArray(r.instruments) || r.instruments.length === 0)
    issues.push({ field: 'instruments', message: 'instruments must list at least one Convention, e.g. C138' });
  else
    r.instruments.forEach((code, i) => {
      if (!CONVENTION.test(code ?? ''))
        issues.push({
          field: `instruments.${i}`,
          message: `instruments must be Convention or Protocol codes such as C138 (got "${code}")`,
        });
    });
  yearIssue('year', r.year, currentYear, issues);
  if (typeof r.source !== 'string' || !r.source.trim())
    issues.push({ field: 'source', message: 'source is required: cite where this comes from' });
  // A record's sources accumulate with its changes (each change's own source is at most 500 characters).
  textIssue('source', r.source, MAX_TEXT, issues);
  if (!CONFIDENCES.includes(r.confidence))
    issues.push({ field: 'confidence', message: `confidence must be one of ${CONFIDENCES.join(', ')}` });
  textIssue('notes', r.notes, MAX_TEXT, issues);
  if (r.url !== null && r.url !== undefined && !/^https?:\/\/\S+$/.test(r.url))
    issues.push({ field: 'url', message: 'url must be an http(s) address' });
}

/** What a comment must satisfy before it is stored; each issue names its field and, where one applies, its article. */
export function validateComment(c: SupervisoryComment, currentYear: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  commonIssues(c, currentYear, issues);
  if (c.kind !== null && !COMMENT_KINDS.includes(c.kind))
    issues.push({ field: 'kind', message: `kind must be one of ${COMMENT_KINDS.join(', ')}, or empty when the source does not say` });
  if (c.session !== null && (!Number.isInteger(c.session) || c.session < 1 || c.session > 999))
    issues.push({ field: 'session', message: 'session must be the number of a session of the Conference (1 or more)' });
  yearIssue('sessionYear', c.sessionYear, currentYear + 1, issues);
  // A comment adopted in a year is published for the Conference of that year or the next (Art 23(1)).
  if (c.year !== null && c.sessionYear !== null && (c.sessionYear < c.year || c.sessionYear > c.year + 1))
    issues.push({
      field: 'sessionYear',
      message: `a comment of ${c.year} is laid before the Conference of ${c.year} or ${c.year + 1} (Constitution Art 23(1))`,
    });
  if (c.normlexId !== null && !/^\d{1,10}$/.test(c.normlexId))
    issues.push({ field: 'normlexId', message: 'normlexId must be the digits of a NORMLEX comment id' });
  textIssue('summaryEn', c.summaryEn, MAX_TEXT, issues);
  textIssue('summaryId', c.summaryId, MAX_TEXT, issues);
  if (typeof c.requestsReply !== 'boolean') issues.push({ field: 'requestsReply', message: 'requestsReply must be true or false' });
  return issues;
}

/** What a representation, complaint or CAS case must satisfy before it is stored. */
export function validateProcedure(p: SupervisoryProcedure, currentYear: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!PROCEDURES.includes(p.procedure)) {
    issues.push({ field: 'procedure', message: `procedure must be one of ${PROCEDURES.join(', ')}` });
    return issues;
  }
  commonIssues(p, currentYear, issues);
  if (p.stage !== null && !isStageOf(p.procedure, p.stage))
    issues.push({
      field: 'stage',
      message: `a ${p.procedure} procedure (${PROCEDURE_ARTICLES[p.procedure]}) has the stages ${PROCEDURE_STAGES[p.procedure].join(', ')}`,
    });
  if (p.session !== null && (!Number.isInteger(p.session) || p.session < 1 || p.session > 999))
    issues.push({ field: 'session', message: 'session must be the number of a session of the Conference (1 or more)' });
  if (p.procedure !== 'cas' && p.session !== null)
    issues.push({ field: 'session', message: 'only a CAS case is discussed at a session of the Conference (Constitution Art 23(1))' });
  if (p.procedure === 'cas' && p.filedBy !== null)
    issues.push({ field: 'filedBy', message: 'a CAS case is not filed by anyone: the Conference selects it (Constitution Art 23(1))' });
  textIssue('filedBy', p.filedBy, MAX_SHORT_TEXT, issues);
  textIssue('outcome', p.outcome, MAX_TEXT, issues);
  textIssue('conclusionsEn', p.conclusionsEn, MAX_TEXT, issues);
  textIssue('conclusionsId', p.conclusionsId, MAX_TEXT, issues);
  return issues;
}

/** A readable, stable id for a procedure: `art26-pol-1982`, `cas-idn-c098`, with `-2`, `-3` for a second one. */
export function procedureId(
  p: Pick<SupervisoryProcedure, 'procedure' | 'country' | 'instruments' | 'year'>,
  taken: (id: string) => boolean,
): string {
  const parts = [p.procedure, p.country.toLowerCase()];
  if (p.procedure === 'cas') parts.push((p.instruments[0] ?? 'x').toLowerCase());
  if (p.year !== null) parts.push(String(p.year));
  const base = parts.join('-');
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
