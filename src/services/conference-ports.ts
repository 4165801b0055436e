import type { Delegation } from '../domain/governance/delegation.ts';
import type { ConferenceVote } from '../domain/governance/recorded-vote.ts';
import type { ConferenceSession } from '../domain/governance/session.ts';
import type { Instrument, InstrumentType, TitleIdKind } from '../domain/instrument.ts';
import { txPort } from './history-ports.ts';

/** An instrument adopted at a session: read from the registry (its `ilcSession`), never stored twice. */
export interface AdoptedInstrument {
  code: string;
  type: InstrumentType;
  titleEn: string;
  titleId: string | null;
  titleIdKind: TitleIdKind | null;
  adoptionDate: string | null;
}

export interface SessionListItem extends ConferenceSession {
  adopted: AdoptedInstrument[];
  delegations: number;
  votes: number;
}

export interface DelegationWithNames extends Delegation {
  countryNameEn: string;
  countryNameId: string | null;
}

/** Reads of the Conference's records (src/storage/conference-repository.ts). */
export interface ConferenceRepository {
  listSessions(): Promise<SessionListItem[]>;
  getSession(number: number): Promise<ConferenceSession | null>;
  adoptedAt(number: number): Promise<AdoptedInstrument[]>;
  listDelegations(session: number): Promise<DelegationWithNames[]>;
  listVotes(session: number): Promise<ConferenceVote[]>;
}

/** The Conference's writes inside a history transaction (bound by `RegistryWriteTx.port`). */
export interface ConferenceWriteTx {
  getSession(number: number): Promise<ConferenceSession | null>;
  /** Inserts or replaces the session's facts and its agenda. */
  putSession(s: ConferenceSession): Promise<void>;
  /** Removes a session created in error (with its agenda); refused by the service while it has delegations or votes. */
  deleteSession(number: number): Promise<void>;
  getDelegation(session: number, country: string): Promise<Delegation | null>;
  listDelegations(session: number): Promise<Delegation[]>;
  putDelegation(d: Delegation): Promise<void>;
  deleteDelegation(session: number, country: string): Promise<void>;
  getVote(key: string): Promise<ConferenceVote | null>;
  listVotes(session: number): Promise<ConferenceVote[]>;
  /** The next free vote number of the session (1 for the first). */
  nextVoteSeq(session: number): Promise<number>;
  putVote(v: ConferenceVote): Promise<void>;
  deleteVote(key: string): Promise<void>;
  /** A new instrument (the registry's own port only updates existing ones). */
  insertInstrument(i: Instrument): Promise<void>;
}

export const CONFERENCE_TX = txPort<ConferenceWriteTx>('conference');

export const delegationKey = (session: number, country: string) => `${session}/${country}`;
export const voteKey = (session: number, seq: number) => `${session}/${seq}`;

export function parseDelegationKey(key: string): { session: number; country: string } {
  const [n = '', country = ''] = key.split('/');
  return { session: Number(n), country };
}
