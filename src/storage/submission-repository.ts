import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IloRegion } from '../domain/country.ts';
import type { Confidence } from '../domain/facts.ts';
import type { IlcSession } from '../domain/ilc-session.ts';
import type { InstrumentType, TitleIdKind } from '../domain/instrument.ts';
import type { SubmissionRecord, TrackedSession } from '../domain/supervision/submission.ts';
import type { AdoptedInstrumentRow, SubmissionRepository, SubmissionStateRow, SubmissionWriteTx } from '../services/submission-ports.ts';
import { toSession } from './registry-rows.ts';
import type { Database, SubmissionsTable, SubmissionTrackingTable } from './schema.ts';

/* The submission tables (migration 2026-12-03-008): one read path and one write port, both engines. */

type Db = Kysely<Database> | Transaction<Database>;

function toRecord(r: Selectable<SubmissionsTable>): SubmissionRecord {
  return {
    country: r.country_iso3,
    instrument: r.instrument_code,
    session: Number(r.session_number),
    submittedDate: r.submitted_date,
    authority: r.authority,
    exceptionalCircumstances: Number(r.exceptional) === 1,
    reference: r.reference,
    source: r.source,
    confidence: r.confidence as Confidence | null,
    notes: r.notes,
  };
}

function fromRecord(r: SubmissionRecord): SubmissionsTable {
  return {
    record_key: `${r.country}/${r.instrument}`,
    country_iso3: r.country,
    instrument_code: r.instrument,
    session_number: r.session,
    submitted_date: r.submittedDate,
    authority: r.authority,
    exceptional: r.exceptionalCircumstances ? 1 : 0,
    reference: r.reference,
    source: r.source ?? '',
    confidence: r.confidence,
    notes: r.notes,
  };
}

function toTracking(r: Selectable<SubmissionTrackingTable>): TrackedSession {
  return { session: Number(r.session_number), source: r.source, notes: r.notes };
}

async function sessions(db: Db, numbers: readonly number[]): Promise<IlcSession[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .selectFrom('ilc_sessions')
    .selectAll()
    .where('number', 'in', [...numbers])
    .orderBy('number')
    .execute();
  return rows.map(toSession);
}

export class KyselySubmissionRepository implements SubmissionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listTrackedSessions(): Promise<TrackedSession[]> {
    const rows = await this.db.selectFrom('submission_tracking').selectAll().orderBy('session_number').execute();
    return rows.map(toTracking);
  }

  getSessions(numbers: readonly number[]): Promise<IlcSession[]> {
    return sessions(this.db, numbers);
  }

  async instrumentsOfSessions(numbers: readonly number[]): Promise<AdoptedInstrumentRow[]> {
    if (numbers.length === 0) return [];
    const rows = await this.db
      .selectFrom('instruments')
      .select(['code', 'type', 'title_en', 'title_id', 'title_id_kind', 'ilc_session'])
      .where('ilc_session', 'in', [...numbers])
      .orderBy('code')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      type: r.type as InstrumentType,
      titleEn: r.title_en,
      titleId: r.title_id,
      titleIdKind: r.title_id_kind as TitleIdKind | null,
      ilcSession: r.ilc_session === null ? null : Number(r.ilc_session),
    }));
  }

  async listStates(iso3?: string): Promise<SubmissionStateRow[]> {
    let q = this.db.selectFrom('countries').select(['iso3', 'name_en', 'name_id', 'region', 'membership_date']).orderBy('iso3');
    if (iso3) q = q.where('iso3', '=', iso3);
    const rows = await q.execute();
    return rows.map((r) => ({
      iso3: r.iso3,
      nameEn: r.name_en,
      nameId: r.name_id,
      region: r.region as IloRegion | null,
      membershipDate: r.membership_date,
    }));
  }

  async listRecords(filter: { country?: string; sessions?: readonly number[] }): Promise<SubmissionRecord[]> {
    let q = this.db.selectFrom('submissions').selectAll().orderBy('record_key');
    if (filter.country) q = q.where('country_iso3', '=', filter.country);
    if (filter.sessions) {
      if (filter.sessions.length === 0) return [];
      q = q.where('session_number', 'in', [...filter.sessions]);
    }
    return (await q.execute()).map(toRecord);
  }
}

export class KyselySubmissionWriteTx implements SubmissionWriteTx {
  constructor(private readonly trx: Transaction<Database>) {}

  async getRecord(country: string, instrument: string): Promise<SubmissionRecord | null> {
    const row = await this.trx
      .selectFrom('submissions')
      .selectAll()
      .where('record_key', '=', `${country}/${instrument}`)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async putRecord(record: SubmissionRecord): Promise<void> {
    const row = fromRecord(record);
    const { record_key: _key, ...rest } = row;
    await this.trx
      .insertInto('submissions')
      .values(row)
      .onConflict((oc) => oc.column('record_key').doUpdateSet(rest))
      .execute();
  }

  async deleteRecord(country: string, instrument: string): Promise<void> {
    await this.trx.deleteFrom('submissions').where('record_key', '=', `${country}/${instrument}`).execute();
  }

  async getTracking(session: number): Promise<TrackedSession | null> {
    const row = await this.trx.selectFrom('submission_tracking').selectAll().where('session_number', '=', session).executeTakeFirst();
    return row ? toTracking(row) : null;
  }

  async putTracking(t: TrackedSession): Promise<void> {
    await this.trx
      .insertInto('submission_tracking')
      .values({ session_number: t.session, source: t.source, notes: t.notes })
      .onConflict((oc) => oc.column('session_number').doUpdateSet({ source: t.source, notes: t.notes }))
      .execute();
  }

  async deleteTracking(session: number): Promise<void> {
    await this.trx.deleteFrom('submission_tracking').where('session_number', '=', session).execute();
  }

  async getSession(number: number): Promise<IlcSession | null> {
    return (await sessions(this.trx, [number]))[0] ?? null;
  }
}
