import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Confidence } from '../domain/facts.ts';
import type { CommentKind, Procedure, ProcedureStage, SupervisoryComment, SupervisoryProcedure } from '../domain/supervision/comments.ts';
import type { SupervisionReadRepository, SupervisionWriteTx } from '../services/supervision-ports.ts';
import type { DialectInfo } from './dialect.ts';
import type { Database, SupervisoryCommentsTable, SupervisoryProceduresTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

function list(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

export function commentFromRow(r: Selectable<SupervisoryCommentsTable>): SupervisoryComment {
  return {
    id: r.id,
    country: r.country_iso3,
    instruments: list(r.instruments),
    kind: (r.kind as CommentKind | null) ?? null,
    year: r.year ?? null,
    session: r.session ?? null,
    sessionYear: r.session_year ?? null,
    normlexId: r.normlex_id ?? null,
    url: r.url ?? null,
    summaryEn: r.summary_en ?? null,
    summaryId: r.summary_id ?? null,
    requestsReply: Number(r.requests_reply) === 1,
    source: r.source,
    confidence: r.confidence as Confidence,
    notes: r.notes ?? null,
  };
}

function commentRow(c: SupervisoryComment): Insertable<SupervisoryCommentsTable> {
  return {
    id: c.id,
    country_iso3: c.country,
    instruments: JSON.stringify(c.instruments),
    kind: c.kind,
    year: c.year,
    session: c.session,
    session_year: c.sessionYear,
    normlex_id: c.normlexId,
    url: c.url,
    summary_en: c.summaryEn,
    summary_id: c.summaryId,
    requests_reply: c.requestsReply ? 1 : 0,
    source: c.source,
    confidence: c.confidence,
    notes: c.notes,
  };
}

export function procedureFromRow(r: Selectable<SupervisoryProceduresTable>): SupervisoryProcedure {
  return {
    id: r.id,
    procedure: r.procedure as Procedure,
    country: r.country_iso3,
    instruments: list(r.instruments),
    year: r.year ?? null,
    session: r.session ?? null,
    filedBy: r.filed_by ?? null,
    stage: (r.stage as ProcedureStage | null) ?? null,
    outcome: r.outcome ?? null,
    conclusionsEn: r.conclusions_en ?? null,
    conclusionsId: r.conclusions_id ?? null,
    url: r.url ?? null,
    source: r.source,
    confidence: r.confidence as Confidence,
    notes: r.notes ?? null,
  };
}

function procedureRow(p: SupervisoryProcedure): Insertable<SupervisoryProceduresTable> {
  return {
    id: p.id,
    procedure: p.procedure,
    country_iso3: p.country,
    instruments: JSON.stringify(p.instruments),
    year: p.year,
    session: p.session,
    filed_by: p.filedBy,
    stage: p.stage,
    outcome: p.outcome,
    conclusions_en: p.conclusionsEn,
    conclusions_id: p.conclusionsId,
    url: p.url,
    source: p.source,
    confidence: p.confidence,
    notes: p.notes,
  };
}

/** Rows per insert: 15 columns each, well under both engines' parameter limits. */
const SEED_BATCH = 50;

/** Reads (and the first seeding) of the supervisory record; one Kysely path for SQLite and PostgreSQL. */
export class KyselySupervisionRepository implements SupervisionReadRepository {
  /** `dialect`: for the seed's lock, so instances starting together on an empty database seed once. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect?: Pick<DialectInfo, 'seedLock'>,
  ) {}

  async listComments(country?: string): Promise<SupervisoryComment[]> {
    let q = this.db.selectFrom('supervisory_comments').selectAll();
    if (country) q = q.where('country_iso3', '=', country);
    return (await q.orderBy('id').execute()).map(commentFromRow);
  }

  async getComment(id: string): Promise<SupervisoryComment | null> {
    const row = await this.db.selectFrom('supervisory_comments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? commentFromRow(row) : null;
  }

  async listProcedures(country?: string): Promise<SupervisoryProcedure[]> {
    let q = this.db.selectFrom('supervisory_procedures').selectAll();
    if (country) q = q.where('country_iso3', '=', country);
    return (await q.orderBy('id').execute()).map(procedureFromRow);
  }

  async getProcedure(id: string): Promise<SupervisoryProcedure | null> {
    const row = await this.db.selectFrom('supervisory_procedures').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? procedureFromRow(row) : null;
  }

  async isEmpty(): Promise<boolean> {
    const [c, p] = await Promise.all([
      this.db.selectFrom('supervisory_comments').select('id').limit(1).executeTakeFirst(),
      this.db.selectFrom('supervisory_procedures').select('id').limit(1).executeTakeFirst(),
    ]);
    return !c && !p;
  }

  /** Inserts the bundled records in one transaction (called only on empty tables). */
  async seed(comments: readonly SupervisoryComment[], procedures: readonly SupervisoryProcedure[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (this.dialect) {
        await this.dialect.seedLock(trx);
        // Another instance may have seeded while this one waited for the lock.
        if (await trx.selectFrom('supervisory_comments').select('id').limit(1).executeTakeFirst()) return;
        if (await trx.selectFrom('supervisory_procedures').select('id').limit(1).executeTakeFirst()) return;
      }
      for (let i = 0; i < comments.length; i += SEED_BATCH)
        await trx
          .insertInto('supervisory_comments')
          .values(comments.slice(i, i + SEED_BATCH).map(commentRow))
          .execute();
      for (let i = 0; i < procedures.length; i += SEED_BATCH)
        await trx
          .insertInto('supervisory_procedures')
          .values(procedures.slice(i, i + SEED_BATCH).map(procedureRow))
          .execute();
    });
  }
}

/** The write port bound to a history transaction (src/storage/tx-ports.ts registers it). */
export class KyselySupervisionWriteTx implements SupervisionWriteTx {
  constructor(private readonly trx: Db) {}

  async getComment(id: string): Promise<SupervisoryComment | null> {
    const row = await this.trx.selectFrom('supervisory_comments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? commentFromRow(row) : null;
  }

  async putComment(c: SupervisoryComment): Promise<void> {
    const { id: _id, ...rest } = commentRow(c);
    await this.trx
      .insertInto('supervisory_comments')
      .values(commentRow(c))
      .onConflict((oc) => oc.column('id').doUpdateSet(rest))
      .execute();
  }

  async deleteComment(id: string): Promise<void> {
    await this.trx.deleteFrom('supervisory_comments').where('id', '=', id).execute();
  }

  /** Also the ids of removed ones (a reverted creation): an id names one record in the history for good. */
  async localCommentIds(): Promise<string[]> {
    const rows = await this.trx.selectFrom('supervisory_comments').select('id').where('id', 'like', 'local-%').execute();
    const past = await this.trx
      .selectFrom('events')
      .select('record_key')
      .where('record_type', '=', 'supervisory_comment')
      .where('record_key', 'like', 'LOCAL-%')
      .execute();
    return [...rows.map((r) => r.id), ...past.map((r) => r.record_key.toLowerCase())];
  }

  async getProcedure(id: string): Promise<SupervisoryProcedure | null> {
    const row = await this.trx.selectFrom('supervisory_procedures').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? procedureFromRow(row) : null;
  }

  async putProcedure(p: SupervisoryProcedure): Promise<void> {
    const { id: _id, ...rest } = procedureRow(p);
    await this.trx
      .insertInto('supervisory_procedures')
      .values(procedureRow(p))
      .onConflict((oc) => oc.column('id').doUpdateSet(rest))
      .execute();
  }

  async deleteProcedure(id: string): Promise<void> {
    await this.trx.deleteFrom('supervisory_procedures').where('id', '=', id).execute();
  }

  /** Ids in use or used before (a reverted creation), so an id never names two records in the history. */
  async procedureIdsLike(prefix: string): Promise<string[]> {
    const rows = await this.trx.selectFrom('supervisory_procedures').select('id').where('id', 'like', `${prefix}%`).execute();
    const past = await this.trx
      .selectFrom('events')
      .select('record_key')
      .where('record_type', '=', 'supervisory_procedure')
      .where('record_key', 'like', `${prefix.toUpperCase()}%`)
      .execute();
    return [...rows.map((r) => r.id), ...past.map((r) => r.record_key.toLowerCase())];
  }
}
