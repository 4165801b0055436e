import type { Actor } from '../domain/access/policy.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import type { Confidence } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import {
  type CommentKind,
  type Procedure,
  type ProcedureStage,
  procedureId,
  type ReplyRequest,
  replyRequests,
  type SupervisoryComment,
  type SupervisoryProcedure,
  validateComment,
  validateProcedure,
} from '../domain/supervision/comments.ts';
import { refuseNul } from '../domain/text.ts';
import { checkCitation, clean, fail } from './edit-validation.ts';
import type { HistoryRepository, RegistryWriteTx } from './history-ports.ts';
import type { Page, PageRequest } from './ports.ts';
import { authoriseWrite, sameJson } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';
import { SUPERVISION_TX, type SupervisionReadRepository } from './supervision-ports.ts';

export interface CommentFilter {
  country?: string;
  instrument?: string;
  kind?: CommentKind;
  year?: number;
}

export interface ProcedureFilter {
  procedure?: Procedure;
  country?: string;
  instrument?: string;
  year?: number;
}

/** A comment's fields as an editor sends them: undefined keeps the stored value (on a change), null clears it. */
export interface CommentInput extends Citation {
  country?: string;
  instruments?: string[];
  kind?: CommentKind | null;
  year?: number | null;
  session?: number | null;
  sessionYear?: number | null;
  normlexId?: string | null;
  url?: string | null;
  summaryEn?: string | null;
  summaryId?: string | null;
  requestsReply?: boolean;
  confidence?: Confidence;
  notes?: string | null;
}

export interface ProcedureInput extends Citation {
  procedure?: Procedure;
  country?: string;
  instruments?: string[];
  year?: number | null;
  session?: number | null;
  filedBy?: string | null;
  stage?: ProcedureStage | null;
  outcome?: string | null;
  conclusionsEn?: string | null;
  conclusionsId?: string | null;
  url?: string | null;
  confidence?: Confidence;
  notes?: string | null;
}

/** What a State's or a Convention's page shows. */
export interface SupervisionBlock {
  comments: SupervisoryComment[];
  procedures: SupervisoryProcedure[];
}

const newest = <T extends { year: number | null; id: string }>(a: T, b: T) =>
  (b.year ?? -1) - (a.year ?? -1) || a.id.localeCompare(b.id, 'en', { numeric: true });

function pageOf<T>(items: T[], { page, pageSize }: PageRequest): Page<T> {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

function codes(list: string[] | undefined): string[] | undefined {
  return list?.map(
    (c) =>
      normaliseInstrumentCode(String(c ?? '')) ??
      String(c ?? '')
        .trim()
        .toUpperCase(),
  );
}

/** The record's sources: what it had, and the source of this change when it is new to the record. */
function withSource(had: string | undefined, cited: string): string {
  if (!had) return cited;
  return had.split(/\s*;\s*/).includes(cited) ? had : `${had} ; ${cited}`;
}

type Named = { country: string; instruments: string[] };

/**
 * A record names a member State and Conventions the registry holds; what a bundled record already
 * named as its source cites it is not checked again, so such a record stays editable.
 */
async function checkKnown(tx: RegistryWriteTx, r: Named, before: Named | null): Promise<void> {
  const issues: FieldIssue[] = [];
  if (r.country !== before?.country && !(await tx.countryExists(r.country)))
    issues.push({ field: 'country', message: `no ILO member State with code "${r.country}"` });
  const added = r.instruments.filter((code) => !before?.instruments.includes(code));
  const known = new Set((await tx.getInstruments(added)).map((i) => i.code));
  r.instruments.forEach((code, i) => {
    if (added.includes(code) && !known.has(code))
      issues.push({ field: `instruments.${i}`, message: `no instrument with code "${code}" in the registry` });
  });
  if (issues.length) fail(issues);
}

function pick<T>(given: T | undefined, stored: T): T {
  return given === undefined ? stored : given;
}

/**
 * CEACR comments, representations (Art 24), complaints (Art 26) and Conference Committee cases:
 * filtered lists for everyone; changes by the secretariat only, each an event in the history
 * (revertable through the record kinds in supervision-kinds.ts). Reads are not cached (decision 141).
 */
export class SupervisionService {
  constructor(
    private readonly repo: SupervisionReadRepository,
    private readonly store: HistoryRepository,
  ) {}

  async listComments(filter: CommentFilter, page: PageRequest): Promise<Page<SupervisoryComment>> {
    const all = await this.repo.listComments(filter.country);
    const items = all
      .filter((c) => !filter.instrument || c.instruments.includes(filter.instrument))
      .filter((c) => !filter.kind || c.kind === filter.kind)
      .filter((c) => filter.year === undefined || c.year === filter.year)
      .sort((a, b) => a.country.localeCompare(b.country) || newest(a, b));
    return pageOf(items, page);
  }

  async getComment(id: string): Promise<SupervisoryComment> {
    const c = await this.repo.getComment(id);
    if (!c) throw notFound(`No supervisory comment with id "${id}".`);
    return c;
  }

  async listProcedures(filter: ProcedureFilter, page: PageRequest): Promise<Page<SupervisoryProcedure>> {
    const all = await this.repo.listProcedures(filter.country);
    const items = all
      .filter((p) => !filter.procedure || p.procedure === filter.procedure)
      .filter((p) => !filter.instrument || p.instruments.includes(filter.instrument))
      .filter((p) => filter.year === undefined || p.year === filter.year)
      .sort((a, b) => newest(a, b));
    return pageOf(items, page);
  }

  async getProcedure(id: string): Promise<SupervisoryProcedure> {
    const p = await this.repo.getProcedure(id);
    if (!p) throw notFound(`No supervisory procedure with id "${id}".`);
    return p;
  }

  /** Comments and procedures of one State, newest first (the country profile's sections). */
  async forCountry(iso3: string): Promise<SupervisionBlock> {
    const [comments, procedures] = await Promise.all([this.repo.listComments(iso3), this.repo.listProcedures(iso3)]);
    return { comments: comments.sort(newest), procedures: procedures.sort(newest) };
  }

  /** Comments and procedures on one Convention, newest first (the instrument page's sections). */
  async forInstrument(code: string): Promise<SupervisionBlock> {
    const [comments, procedures] = await Promise.all([this.repo.listComments(), this.repo.listProcedures()]);
    return {
      comments: comments.filter((c) => c.instruments.includes(code)).sort((a, b) => a.country.localeCompare(b.country) || newest(a, b)),
      procedures: procedures.filter((p) => p.instruments.includes(code)).sort(newest),
    };
  }

  /** The out-of-cycle input of the reporting calendar: the State's comments that ask for a reply. */
  async replyRequestsFor(iso3: string): Promise<ReplyRequest[]> {
    return replyRequests(await this.repo.listComments(iso3.trim().toUpperCase()));
  }

  /** Every State's reply requests, from one read of the comments. */
  async replyRequestsByCountry(): Promise<Map<string, ReplyRequest[]>> {
    const byCountry = new Map<string, SupervisoryComment[]>();
    for (const c of await this.repo.listComments()) byCountry.set(c.country, [...(byCountry.get(c.country) ?? []), c]);
    return new Map([...byCountry].map(([iso3, comments]) => [iso3, replyRequests(comments)]));
  }

  /** Adds a comment (id: its NORMLEX id when given, else "local-N"). */
  addComment(actor: Actor | null, input: CommentInput, now: Date): Promise<ChangeResult<SupervisoryComment>> {
    return this.saveComment(actor, null, input, now);
  }

  updateComment(actor: Actor | null, id: string, input: CommentInput, now: Date): Promise<ChangeResult<SupervisoryComment>> {
    return this.saveComment(actor, id, input, now);
  }

  addProcedure(actor: Actor | null, input: ProcedureInput, now: Date): Promise<ChangeResult<SupervisoryProcedure>> {
    return this.saveProcedure(actor, null, input, now);
  }

  updateProcedure(actor: Actor | null, id: string, input: ProcedureInput, now: Date): Promise<ChangeResult<SupervisoryProcedure>> {
    return this.saveProcedure(actor, id, input, now);
  }

  private async saveComment(
    actor: Actor | null,
    id: string | null,
    input: CommentInput,
    now: Date,
  ): Promise<ChangeResult<SupervisoryComment>> {
    refuseNul(input);
    authoriseWrite(actor, { kind: 'secretariat_record' });
    const issues: FieldIssue[] = [];
    checkCitation(input, issues);
    if (issues.length) fail(issues);
    return this.store.transaction(async (tx) => {
      const port = tx.port(SUPERVISION_TX);
      const before = id === null ? null : await port.getComment(id);
      if (id !== null && !before) throw notFound(`No supervisory comment with id "${id}".`);
      const normlexId = pick(input.normlexId === undefined ? undefined : clean(input.normlexId), before?.normlexId ?? null);
      let newId = id;
      if (newId === null) {
        if (normlexId) {
          if (await port.getComment(normlexId))
            throw new DomainError('conflict', `Comment ${normlexId} is already recorded; change it instead.`);
          newId = normlexId;
        } else {
          const taken = (await port.localCommentIds()).map((x) => Number(x.slice('local-'.length))).filter(Number.isFinite);
          newId = `local-${Math.max(0, ...taken) + 1}`;
        }
      }
      const cited = clean(input.source) as string;
      const after: SupervisoryComment = {
        id: newId,
        country: pick(
          input.country === undefined
            ? undefined
            : String(input.country ?? '')
                .trim()
                .toUpperCase(),
          before?.country ?? '',
        ),
        instruments: pick(codes(input.instruments), before?.instruments ?? []),
        kind: pick(input.kind, before?.kind ?? null),
        year: pick(input.year, before?.year ?? null),
        session: pick(input.session, before?.session ?? null),
        sessionYear: pick(input.sessionYear, before?.sessionYear ?? null),
        normlexId,
        url: pick(input.url === undefined ? undefined : clean(input.url), before?.url ?? null),
        summaryEn: pick(input.summaryEn === undefined ? undefined : clean(input.summaryEn), before?.summaryEn ?? null),
        summaryId: pick(input.summaryId === undefined ? undefined : clean(input.summaryId), before?.summaryId ?? null),
        requestsReply: pick(input.requestsReply, before?.requestsReply ?? false),
        source: before?.source ?? cited,
        confidence: pick(input.confidence, before?.confidence ?? 'medium'),
        notes: pick(input.notes === undefined ? undefined : clean(input.notes), before?.notes ?? null),
      };
      // The source joins the record's sources only when it backs a change (a form sent back as it was records nothing).
      if (before && !sameJson(before, after)) after.source = withSource(before.source, cited);
      const refused = validateComment(after, now.getUTCFullYear());
      if (refused.length) fail(refused);
      await checkKnown(tx, after, before);
      return recordChange(tx, actor as Actor, now, {
        recordType: 'supervisory_comment',
        recordKey: historyKey(after.id),
        country: after.country,
        action: before ? 'update' : 'create',
        before,
        after,
        citation: input,
        apply: () => port.putComment(after),
      });
    });
  }

  private async saveProcedure(
    actor: Actor | null,
    id: string | null,
    input: ProcedureInput,
    now: Date,
  ): Promise<ChangeResult<SupervisoryProcedure>> {
    refuseNul(input);
    authoriseWrite(actor, { kind: 'secretariat_record' });
    const issues: FieldIssue[] = [];
    checkCitation(input, issues);
    if (id === null && !input.procedure) issues.push({ field: 'procedure', message: 'procedure is required: art24, art26 or cas' });
    if (issues.length) fail(issues);
    return this.store.transaction(async (tx) => {
      const port = tx.port(SUPERVISION_TX);
      const before = id === null ? null : await port.getProcedure(id);
      if (id !== null && !before) throw notFound(`No supervisory procedure with id "${id}".`);
      const after: SupervisoryProcedure = {
        id: id ?? '',
        // The kind of procedure is part of its identity: it is set when the record is added.
        procedure: before?.procedure ?? (input.procedure as Procedure),
        country: pick(
          input.country === undefined
            ? undefined
            : String(input.country ?? '')
                .trim()
                .toUpperCase(),
          before?.country ?? '',
        ),
        instruments: pick(codes(input.instruments), before?.instruments ?? []),
        year: pick(input.year, before?.year ?? null),
        session: pick(input.session, before?.session ?? null),
        filedBy: pick(input.filedBy === undefined ? undefined : clean(input.filedBy), before?.filedBy ?? null),
        stage: pick(input.stage, before?.stage ?? null),
        outcome: pick(input.outcome === undefined ? undefined : clean(input.outcome), before?.outcome ?? null),
        conclusionsEn: pick(input.conclusionsEn === undefined ? undefined : clean(input.conclusionsEn), before?.conclusionsEn ?? null),
        conclusionsId: pick(input.conclusionsId === undefined ? undefined : clean(input.conclusionsId), before?.conclusionsId ?? null),
        url: pick(input.url === undefined ? undefined : clean(input.url), before?.url ?? null),
        source: before?.source ?? (clean(input.source) as string),
        confidence: pick(input.confidence, before?.confidence ?? 'medium'),
        notes: pick(input.notes === undefined ? undefined : clean(input.notes), before?.notes ?? null),
      };
      if (before && input.procedure !== undefined && input.procedure !== before.procedure)
        fail([{ field: 'procedure', message: `procedure cannot change (this record is ${before.procedure}); add a new record instead` }]);
      if (before && !sameJson(before, after)) after.source = withSource(before.source, clean(input.source) as string);
      const refused = validateProcedure(after, now.getUTCFullYear());
      if (refused.length) fail(refused);
      await checkKnown(tx, after, before);
      if (id === null) {
        const prefix = procedureId(after, () => false);
        const taken = new Set(await port.procedureIdsLike(prefix));
        after.id = procedureId(after, (x) => taken.has(x));
      }
      return recordChange(tx, actor as Actor, now, {
        recordType: 'supervisory_procedure',
        recordKey: historyKey(after.id),
        country: after.country,
        action: before ? 'update' : 'create',
        before,
        after,
        citation: input,
        apply: () => port.putProcedure(after),
      });
    });
  }
}

/**
 * The history's record key of a comment or procedure: its id in capitals, as the history filters
 * (GET /api/history?record=…) write every key; ids are lower case, so the kinds read it back lowered.
 */
export function historyKey(id: string): string {
  return id.toUpperCase();
}

/** Loads the bundled comments and cases into empty tables (at start-up, like the registry's seeding). */
export async function seedSupervisionIfEmpty(
  repo: SupervisionReadRepository,
  load: () => Promise<{ comments: SupervisoryComment[]; procedures: SupervisoryProcedure[] }>,
): Promise<boolean> {
  if (!(await repo.isEmpty())) return false;
  const { comments, procedures } = await load();
  if (comments.length === 0 && procedures.length === 0) return false;
  await repo.seed(comments, procedures);
  return true;
}
