import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IloRegion } from '../domain/country.ts';
import type { Confidence } from '../domain/facts.ts';
import type {
  CompositionRules,
  ElectionCycle,
  GbGroup,
  GbMember,
  GbMemberType,
  GbPeriod,
  GbSeatKind,
  GbSession,
  PermanentSeat,
  SeatCount,
} from '../domain/governance/governing-body.ts';
import type { IloOffice, OfficeData, OfficeType } from '../domain/governance/offices.ts';
import type { OrgansBundle, OrgansRepository, OrgansWriteTx } from '../services/organs-ports.ts';
import type { OfficeWriteTx } from '../services/programme-ports.ts';
import type { DialectInfo } from './dialect.ts';
import type { Database, GbMembersTable, GbPeriodsTable, GbRulesTable, GbSessionsTable, IloOfficesTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const confidence = (v: string | null) => (v as Confidence | null) ?? null;
const provenance = (r: { source: string | null; confidence: string | null; notes: string | null }) => ({
  source: r.source,
  confidence: confidence(r.confidence),
  notes: r.notes,
});

function toRules(rows: Selectable<GbRulesTable>[]): CompositionRules {
  const seats: SeatCount[] = [];
  const permanentSeats: PermanentSeat[] = [];
  let electionCycle: ElectionCycle | null = null;
  for (const r of rows) {
    if (r.item === 'seats')
      seats.push({ group: r.grp as GbGroup | 'all', memberType: r.member_type as GbMemberType, seats: Number(r.value), ...provenance(r) });
    else if (r.item === 'permanent') permanentSeats.push({ iso3: r.value, ...provenance(r) });
    else if (r.item === 'election_cycle')
      electionCycle = { ...(JSON.parse(r.value) as Omit<ElectionCycle, 'source' | 'confidence' | 'notes'>), ...provenance(r) };
  }
  return { seats, permanentSeats, electionCycle };
}

function ruleRows(rules: CompositionRules): Selectable<GbRulesTable>[] {
  const rows: Selectable<GbRulesTable>[] = [];
  const base = (p: { source: string | null; confidence: Confidence | null; notes: string | null }) => ({
    source: p.source,
    confidence: p.confidence,
    notes: p.notes,
  });
  for (const s of rules.seats)
    rows.push({
      id: `seats:${s.group}:${s.memberType}`,
      item: 'seats',
      grp: s.group,
      member_type: s.memberType,
      value: String(s.seats),
      ...base(s),
    });
  for (const p of rules.permanentSeats)
    rows.push({ id: `permanent:${p.iso3}`, item: 'permanent', grp: 'government', member_type: 'titular', value: p.iso3, ...base(p) });
  const c = rules.electionCycle;
  if (c)
    rows.push({
      id: 'election_cycle',
      item: 'election_cycle',
      grp: null,
      member_type: null,
      value: JSON.stringify({ years: c.years, lastElection: c.lastElection, text: c.text }),
      ...base(c),
    });
  return rows;
}

function toMember(r: Selectable<GbMembersTable>): GbMember {
  return {
    holderIso3: r.holder_iso3,
    holderName: r.holder_name,
    group: r.grp as GbGroup,
    memberType: r.member_type as GbMemberType,
    seat: r.seat as GbSeatKind,
    source: r.source,
    confidence: confidence(r.confidence),
    notes: r.notes,
  };
}

function toPeriod(r: Selectable<GbPeriodsTable>, members: Selectable<GbMembersTable>[]): GbPeriod {
  return { id: r.id, startDate: r.start_date, endDate: r.end_date, members: members.map(toMember), ...provenance(r) };
}

function toSession(r: Selectable<GbSessionsTable>): GbSession {
  return {
    number: Number(r.number),
    startDate: r.start_date,
    endDate: r.end_date,
    place: r.place,
    agenda: JSON.parse(r.agenda) as string[],
    ...provenance(r),
  };
}

function sessionRow(s: GbSession): Selectable<GbSessionsTable> {
  return {
    number: s.number,
    start_date: s.startDate,
    end_date: s.endDate,
    place: s.place,
    agenda: JSON.stringify(s.agenda),
    source: s.source,
    confidence: s.confidence,
    notes: s.notes,
  };
}

function toOffice(r: Selectable<IloOfficesTable>): IloOffice {
  return {
    id: r.id,
    name: r.name,
    type: r.type as OfficeType,
    region: r.region as IloRegion | null,
    city: r.city,
    countryIso3: r.country_iso3,
    countryName: r.country_name,
    address: r.address,
    phone: r.phone,
    email: r.email,
    covers: JSON.parse(r.covers) as string[],
    coversOther: JSON.parse(r.covers_other) as string[],
    ...provenance(r),
  };
}

function officeRow(o: IloOffice, position: number): Selectable<IloOfficesTable> {
  return {
    id: o.id,
    position,
    name: o.name,
    type: o.type,
    region: o.region,
    city: o.city,
    country_iso3: o.countryIso3,
    country_name: o.countryName,
    address: o.address,
    phone: o.phone,
    email: o.email,
    covers: JSON.stringify(o.covers),
    covers_other: JSON.stringify(o.coversOther),
    source: o.source,
    confidence: o.confidence,
    notes: o.notes,
  };
}

async function readPeriods(db: Db, id?: string): Promise<GbPeriod[]> {
  let periods = db.selectFrom('gb_periods').selectAll().orderBy('id');
  let members = db.selectFrom('gb_members').selectAll().orderBy('period_id').orderBy('position');
  if (id !== undefined) {
    periods = periods.where('id', '=', id);
    members = members.where('period_id', '=', id);
  }
  const [rows, memberRows] = await Promise.all([periods.execute(), members.execute()]);
  return rows.map((r) =>
    toPeriod(
      r,
      memberRows.filter((m) => m.period_id === r.id),
    ),
  );
}

async function writePeriod(db: Db, id: string, period: GbPeriod | null): Promise<void> {
  await db.deleteFrom('gb_members').where('period_id', '=', id).execute();
  if (period === null) {
    await db.deleteFrom('gb_periods').where('id', '=', id).execute();
    return;
  }
  const row = {
    start_date: period.startDate,
    end_date: period.endDate,
    source: period.source,
    confidence: period.confidence,
    notes: period.notes,
  };
  await db
    .insertInto('gb_periods')
    .values({ id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  if (period.members.length)
    await db
      .insertInto('gb_members')
      .values(
        period.members.map((m, i) => ({
          id: `${id}#${String(i + 1).padStart(3, '0')}`,
          period_id: id,
          position: i + 1,
          holder_iso3: m.holderIso3,
          holder_name: m.holderName,
          grp: m.group,
          member_type: m.memberType,
          seat: m.seat,
          source: m.source,
          confidence: m.confidence,
          notes: m.notes,
        })),
      )
      .execute();
}

async function readSession(db: Db, number: number): Promise<GbSession | null> {
  const row = await db.selectFrom('gb_sessions').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? toSession(row) : null;
}

async function writeSession(db: Db, number: number, session: GbSession | null): Promise<void> {
  if (session === null) {
    await db.deleteFrom('gb_sessions').where('number', '=', number).execute();
    return;
  }
  const { number: _n, ...rest } = sessionRow(session);
  await db
    .insertInto('gb_sessions')
    .values({ number, ...rest })
    .onConflict((oc) => oc.column('number').doUpdateSet(rest))
    .execute();
}

export class KyselyOrgansRepository implements OrgansRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectInfo,
  ) {}

  async rules(): Promise<CompositionRules> {
    return toRules(await this.db.selectFrom('gb_rules').selectAll().orderBy('id').execute());
  }

  listPeriods(): Promise<GbPeriod[]> {
    return readPeriods(this.db);
  }

  async getPeriod(id: string): Promise<GbPeriod | null> {
    return (await readPeriods(this.db, id))[0] ?? null;
  }

  async listSessions(): Promise<GbSession[]> {
    return (await this.db.selectFrom('gb_sessions').selectAll().orderBy('number', 'desc').execute()).map(toSession);
  }

  getSession(number: number): Promise<GbSession | null> {
    return readSession(this.db, number);
  }

  async offices(): Promise<OfficeData> {
    const rows = await this.db.selectFrom('ilo_offices').selectAll().orderBy('position').execute();
    // No sourced fact names the Director-General (data/offices.json): there is nothing to store yet.
    return { directorGeneral: null, offices: rows.map(toOffice) };
  }

  async seedIfEmpty(load: () => Promise<OrgansBundle>): Promise<boolean> {
    const present = await this.db.selectFrom('gb_rules').select('id').limit(1).executeTakeFirst();
    if (present) return false;
    const bundle = await load();
    return this.db.transaction().execute(async (trx) => {
      await this.dialect.seedLock(trx);
      // Another instance may have seeded while this one waited for the lock.
      if (await trx.selectFrom('gb_rules').select('id').limit(1).executeTakeFirst()) return false;
      const rules = ruleRows(bundle.governingBody.rules);
      if (rules.length) await trx.insertInto('gb_rules').values(rules).execute();
      for (const p of bundle.governingBody.periods) await writePeriod(trx, p.id, p);
      for (const s of bundle.governingBody.sessions) await writeSession(trx, s.number, s);
      const offices = bundle.offices.offices.map((o, i) => officeRow(o, i + 1));
      if (offices.length) await trx.insertInto('ilo_offices').values(offices).execute();
      return true;
    });
  }
}

/** The organs' write port, bound to the history's transaction (registered in tx-ports.ts). */
export class KyselyOrgansWriteTx implements OrgansWriteTx {
  constructor(private readonly trx: Transaction<Database>) {}

  async getPeriod(id: string): Promise<GbPeriod | null> {
    return (await readPeriods(this.trx, id))[0] ?? null;
  }

  putPeriod(id: string, period: GbPeriod | null): Promise<void> {
    return writePeriod(this.trx, id, period);
  }

  getSession(number: number): Promise<GbSession | null> {
    return readSession(this.trx, number);
  }

  putSession(number: number, session: GbSession | null): Promise<void> {
    return writeSession(this.trx, number, session);
  }
}

/** The offices' write port (decision 201): an office keeps its place in the list; only its facts change. */
export class KyselyOfficeWriteTx implements OfficeWriteTx {
  constructor(private readonly trx: Transaction<Database>) {}

  async getOffice(id: string): Promise<IloOffice | null> {
    const row = await this.trx.selectFrom('ilo_offices').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toOffice(row) : null;
  }

  async putOffice(office: IloOffice): Promise<void> {
    const { id, position: _position, ...rest } = officeRow(office, 0);
    await this.trx.updateTable('ilo_offices').set(rest).where('id', '=', id).execute();
  }
}
