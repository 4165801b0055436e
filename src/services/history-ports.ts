import type { Role } from '../domain/access/policy.ts';
import type { NationalProfile } from '../domain/child-labour/types.ts';
import type { MemberState } from '../domain/country.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Ratification } from '../domain/ratification.ts';
import type { Page, PageRequest } from './ports.ts';
import { REPORTING_RECORD_TYPES } from './reporting-record-types.ts';

export const RECORD_TYPES = [
  'ratification',
  'instrument',
  'national_profile',
  'submission',
  'submission_tracking',
  ...REPORTING_RECORD_TYPES,
  // The International Labour Conference (src/services/conference-kinds.ts).
  'ilc_session',
  'ilc_delegation',
  'ilc_vote',
  // The Governing Body (src/services/governing-body-edits.ts): a period with its members, a session.
  'gb_period',
  'gb_session',
  // Supervisory comments and procedures (src/services/supervision-kinds.ts).
  'supervisory_comment',
  'supervisory_procedure',
  // Programmes and ILO offices, edited by the secretariat (src/services/programme-kinds.ts, decisions 200-201).
  'programme',
  'ilo_office',
  // The documents library (src/services/document-kinds.ts).
  'document',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const EVENT_ACTIONS = ['create', 'update', 'denounce', 'revert', 'import', 'delete'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** One change, as stored: append-only, never updated or deleted. */
export interface ChangeEvent {
  id: number;
  at: string;
  userId: number | null;
  actor: string;
  recordType: RecordType;
  /** 'IDN/C138' for a ratification, 'C138' for an instrument, 'IDN' for a national profile. */
  recordKey: string;
  country: string | null;
  action: EventAction;
  before: unknown;
  after: unknown;
  source: string;
  reason: string | null;
  revertsEventId: number | null;
  /**
   * The editor's role and country scope, read from the account when the history is listed: what an
   * anonymous reader is shown instead of the email (null when the account no longer exists).
   */
  actorScope?: ActorScope | null;
}

export interface ActorScope {
  role: Role;
  countries: string[];
}

export type NewChangeEvent = Omit<ChangeEvent, 'id' | 'actorScope'>;
/**
 * A new event with its before and after already written as JSON (`JSON.stringify` of each, null for
 * none), as the import has them from comparing the record before and after: stored as given.
 */
export type SerialisedChangeEvent = NewChangeEvent & { beforeJson: string | null; afterJson: string | null };

export interface HistoryFilter {
  recordType?: RecordType;
  recordKey?: string;
  userId?: number;
  country?: string;
  /** The editor's email as recorded on the event; a filter for signed-in editors only (see decision 062). */
  editor?: string;
  /** Inclusive ISO dates or timestamps. */
  from?: string;
  to?: string;
}

/** What a write use case may do inside one transaction. */
export interface RegistryWriteTx {
  getRatification(country: string, instrument: string): Promise<Ratification | null>;
  /** Inserts or replaces the ratification and its declarations. */
  putRatification(r: Ratification): Promise<void>;
  deleteRatification(country: string, instrument: string): Promise<void>;
  getInstrument(code: string): Promise<Instrument | null>;
  putInstrument(i: Instrument): Promise<void>;
  getNationalProfile(iso3: string): Promise<NationalProfile | null>;
  putNationalProfile(p: NationalProfile): Promise<void>;
  countryExists(iso3: string): Promise<boolean>;
  /** The member State, for the facts an edit is checked against (e.g. its membership date). */
  getCountry(iso3: string): Promise<MemberState | null>;
  appendEvent(e: NewChangeEvent): Promise<number>;
  getEvent(id: number): Promise<ChangeEvent | null>;
  /**
   * Batched reads and writes for the import: the same records as the single-record methods above,
   * in as few statements as the database's parameter limit allows.
   */
  getCountries(iso3s: readonly string[]): Promise<MemberState[]>;
  getInstruments(codes: readonly string[]): Promise<Instrument[]>;
  getRatifications(keys: readonly { country: string; instrument: string }[]): Promise<Ratification[]>;
  /** `putRatification` for many records (each key at most once), in order. */
  putRatifications(rs: readonly Ratification[]): Promise<void>;
  /** `appendEvent` for many events, given ids in order. */
  appendEvents(es: readonly NewChangeEvent[]): Promise<void>;
  /**
   * Marks these dependency keys (src/services/cache-dependencies.ts) as changed, so every instance
   * drops the cached documents that show them; takes effect with the transaction's commit.
   */
  bumpVersions(keys: Iterable<string>): Promise<void>;
  /** Marks everything as changed (every instance drops every cached document). */
  bumpVersion(): Promise<void>;
  /**
   * A further write port bound to this same transaction (see `TxPort`): how the governance,
   * supervision and other record kinds write their own tables atomically with their history event.
   */
  port<P>(port: TxPort<P>): P;
}

/**
 * A typed name for a write port that a storage adapter binds to an open transaction
 * (src/storage/tx-ports.ts maps each name to its Kysely implementation). Services declare the port
 * (an interface) and its token next to each other; they never see Kysely.
 */
export interface TxPort<P> {
  readonly name: string;
  /** Never set: carries the port's type. */
  readonly type?: P;
}

export function txPort<P>(name: string): TxPort<P> {
  return { name };
}

export interface HistoryRepository {
  /** Runs `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: RegistryWriteTx) => Promise<T>): Promise<T>;
  listEvents(filter: HistoryFilter, page: PageRequest): Promise<Page<ChangeEvent>>;
  getEvent(id: number): Promise<ChangeEvent | null>;
}
