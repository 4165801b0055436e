import type { Kysely, Selectable } from 'kysely';
import type { Confidence } from '../domain/facts.ts';
import type { Delegation } from '../domain/governance/delegation.ts';
import type { ConferenceVote } from '../domain/governance/recorded-vote.ts';
import type { AgendaItem, ConferenceSession } from '../domain/governance/session.ts';
import type { Instrument, InstrumentType, TitleIdKind } from '../domain/instrument.ts';
import type {
  AdoptedInstrument,
  ConferenceRepository,
  ConferenceWriteTx,
  DelegationWithNames,
  SessionListItem,
} from '../services/conference-ports.ts';
import { delegationKey } from '../services/conference-ports.ts';
import { fromInstrument } from './registry-rows.ts';
import type { ConferenceDelegationsTable, ConferenceVotesTable, Database, IlcSessionsTable } from './schema.ts';

/* The Conference's sessions, agendas, delegations and votes over Kysely: one code path for SQLite and PostgreSQL. */

function toSession(r: Selectable<IlcSessionsTable>, agenda: { items: string } | undefined): ConferenceSession {
  return {
    number: Number(r.number),
    year: r.year === null ? null : Number(r.year),
    openingDate: r.opening_date,
    closingDate: r.closing_date,
    place: r.place,
    source: r.source,
    confidence: r.confidence as Confidence | null,
    notes: r.notes,
    agenda: agenda ? (JSON.parse(agenda.items) as AgendaItem[]) : [],
  };
}

function toDelegation(r: Selectable<ConferenceDelegationsTable>): Delegation {
  return {
    session: Number(r.session_number),
    country: r.country_iso3,
    delegates: JSON.parse(r.delegates) as Delegation['delegates'],
    inArrears: Number(r.in_arrears) === 1,
    arrearsVotingPermitted: Number(r.arrears_voting_permitted) === 1,
    source: r.source,
  };
}

function toVote(r: Selectable<ConferenceVotesTable>): ConferenceVote {
  return {
    key: r.vote_key,
    session: Number(r.session_number),
    agendaItem: r.agenda_item === null ? null : Number(r.agenda_item),
    kind: r.kind as ConferenceVote['kind'],
    date: r.vote_date,
    mode: r.mode as ConferenceVote['mode'],
    counts: r.counts ? (JSON.parse(r.counts) as ConferenceVote['counts']) : null,
    ballots: JSON.parse(r.ballots) as ConferenceVote['ballots'],
    delegatesAttending: Number(r.delegates_attending),
    instrument: r.instrument ? (JSON.parse(r.instrument) as ConferenceVote['instrument']) : null,
    source: r.source,
    notes: r.notes,
  };
}

function seqOf(key: string): number {
  return Number(key.split('/')[1] ?? 0);
}

export class KyselyConferenceRepository implements ConferenceRepository, ConferenceWriteTx {
  constructor(private readonly db: Kysely<Database>) {}

  async listSessions(): Promise<SessionListItem[]> {
    const [sessions, agendas, adopted, delegations, votes] = await Promise.all([
      this.db.selectFrom('ilc_sessions').selectAll().orderBy('number').execute(),
      this.db.selectFrom('conference_agendas').selectAll().execute(),
      this.db
        .selectFrom('instruments')
        .select(['code', 'type', 'title_en', 'title_id', 'title_id_kind', 'adoption_date', 'ilc_session'])
        .where('ilc_session', 'is not', null)
        .orderBy('code')
        .execute(),
      this.db
        .selectFrom('conference_delegations')
        .select(['session_number', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('session_number')
        .execute(),
      this.db
        .selectFrom('conference_votes')
        .select(['session_number', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('session_number')
        .execute(),
    ]);
    const agendaOf = new Map(agendas.map((a) => [Number(a.session_number), a]));
    const count = (rows: { session_number: number; n: number | string | bigint }[]) =>
      new Map(rows.map((r) => [Number(r.session_number), Number(r.n)]));
    const delegationCount = count(delegations);
    const voteCount = count(votes);
    const adoptedOf = new Map<number, AdoptedInstrument[]>();
    for (const i of adopted) {
      const n = Number(i.ilc_session);
      const list = adoptedOf.get(n) ?? [];
      list.push(toAdopted(i));
      adoptedOf.set(n, list);
    }
    return sessions.map((s) => {
      const n = Number(s.number);
      return {
        ...toSession(s, agendaOf.get(n)),
        adopted: adoptedOf.get(n) ?? [],
        delegations: delegationCount.get(n) ?? 0,
        votes: voteCount.get(n) ?? 0,
      };
    });
  }

  async getSession(number: number): Promise<ConferenceSession | null> {
    const [row, agenda] = await Promise.all([
      this.db.selectFrom('ilc_sessions').selectAll().where('number', '=', number).executeTakeFirst(),
      this.db.selectFrom('conference_agendas').select('items').where('session_number', '=', number).executeTakeFirst(),
    ]);
    return row ? toSession(row, agenda) : null;
  }

  async adoptedAt(number: number): Promise<AdoptedInstrument[]> {
    const rows = await this.db
      .selectFrom('instruments')
      .select(['code', 'type', 'title_en', 'title_id', 'title_id_kind', 'adoption_date'])
      .where('ilc_session', '=', number)
      .orderBy('code')
      .execute();
    return rows.map(toAdopted);
  }

  async listDelegations(session: number): Promise<DelegationWithNames[]> {
    const rows = await this.db
      .selectFrom('conference_delegations as d')
      .innerJoin('countries as c', 'c.iso3', 'd.country_iso3')
      .selectAll('d')
      .select(['c.name_en', 'c.name_id'])
      .where('d.session_number', '=', session)
      .orderBy('c.name_en')
      .execute();
    return rows.map((r) => ({ ...toDelegation(r), countryNameEn: r.name_en, countryNameId: r.name_id }));
  }

  async listVotes(session: number): Promise<ConferenceVote[]> {
    const rows = await this.db.selectFrom('conference_votes').selectAll().where('session_number', '=', session).orderBy('seq').execute();
    return rows.map(toVote);
  }

  // ─── Writes (bound to a history transaction) ────────────────────────────────────────────────

  async putSession(s: ConferenceSession): Promise<void> {
    const row = {
      year: s.year,
      opening_date: s.openingDate,
      closing_date: s.closingDate,
      place: s.place,
      source: s.source,
      confidence: s.confidence,
      notes: s.notes,
    };
    await this.db
      .insertInto('ilc_sessions')
      .values({ number: s.number, ...row })
      .onConflict((oc) => oc.column('number').doUpdateSet(row))
      .execute();
    if (s.agenda.length === 0) {
      await this.db.deleteFrom('conference_agendas').where('session_number', '=', s.number).execute();
      return;
    }
    const items = JSON.stringify(s.agenda);
    await this.db
      .insertInto('conference_agendas')
      .values({ session_number: s.number, items, source: s.source })
      .onConflict((oc) => oc.column('session_number').doUpdateSet({ items, source: s.source }))
      .execute();
  }

  async deleteSession(number: number): Promise<void> {
    await this.db.deleteFrom('conference_agendas').where('session_number', '=', number).execute();
    await this.db.deleteFrom('ilc_sessions').where('number', '=', number).execute();
  }

  async getDelegation(session: number, country: string): Promise<Delegation | null> {
    const row = await this.db
      .selectFrom('conference_delegations')
      .selectAll()
      .where('delegation_key', '=', delegationKey(session, country))
      .executeTakeFirst();
    return row ? toDelegation(row) : null;
  }

  async putDelegation(d: Delegation): Promise<void> {
    const row = {
      delegates: JSON.stringify(d.delegates),
      in_arrears: d.inArrears ? 1 : 0,
      arrears_voting_permitted: d.arrearsVotingPermitted ? 1 : 0,
      source: d.source,
    };
    await this.db
      .insertInto('conference_delegations')
      .values({ delegation_key: delegationKey(d.session, d.country), session_number: d.session, country_iso3: d.country, ...row })
      .onConflict((oc) => oc.column('delegation_key').doUpdateSet(row))
      .execute();
  }

  async deleteDelegation(session: number, country: string): Promise<void> {
    await this.db.deleteFrom('conference_delegations').where('delegation_key', '=', delegationKey(session, country)).execute();
  }

  async getVote(key: string): Promise<ConferenceVote | null> {
    const row = await this.db.selectFrom('conference_votes').selectAll().where('vote_key', '=', key).executeTakeFirst();
    return row ? toVote(row) : null;
  }

  /** Never a number used before in the session, even by a vote since removed: a vote's key names one vote in the history. */
  async nextVoteSeq(session: number): Promise<number> {
    const [row, keys] = await Promise.all([
      this.db
        .selectFrom('conference_votes')
        .select((eb) => eb.fn.max('seq').as('max'))
        .where('session_number', '=', session)
        .executeTakeFirst(),
      this.db
        .selectFrom('events')
        .select('record_key')
        .distinct()
        .where('record_type', '=', 'ilc_vote')
        .where('record_key', 'like', `${session}/%`)
        .execute(),
    ]);
    const used = keys.map((k) => seqOf(k.record_key)).filter((n) => Number.isSafeInteger(n));
    return Math.max(Number(row?.max ?? 0), ...used) + 1;
  }

  async putVote(v: ConferenceVote): Promise<void> {
    const row = {
      agenda_item: v.agendaItem,
      kind: v.kind,
      vote_date: v.date,
      mode: v.mode,
      counts: v.counts ? JSON.stringify(v.counts) : null,
      ballots: JSON.stringify(v.ballots),
      delegates_attending: v.delegatesAttending,
      instrument: v.instrument ? JSON.stringify(v.instrument) : null,
      source: v.source,
      notes: v.notes,
    };
    await this.db
      .insertInto('conference_votes')
      .values({ vote_key: v.key, session_number: v.session, seq: seqOf(v.key), ...row })
      .onConflict((oc) => oc.column('vote_key').doUpdateSet(row))
      .execute();
  }

  async deleteVote(key: string): Promise<void> {
    await this.db.deleteFrom('conference_votes').where('vote_key', '=', key).execute();
  }

  async insertInstrument(i: Instrument): Promise<void> {
    await this.db.insertInto('instruments').values(fromInstrument(i)).execute();
  }
}

function toAdopted(r: {
  code: string;
  type: string;
  title_en: string;
  title_id: string | null;
  title_id_kind: string | null;
  adoption_date: string | null;
}): AdoptedInstrument {
  return {
    code: r.code,
    type: r.type as InstrumentType,
    titleEn: r.title_en,
    titleId: r.title_id,
    titleIdKind: r.title_id_kind as TitleIdKind | null,
    adoptionDate: r.adoption_date,
  };
}
