import type { MemberState } from '../domain/country.ts';
import type { IlcSession } from '../domain/ilc-session.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { SubmissionRecord, TrackedSession } from '../domain/supervision/submission.ts';
import { txPort } from './history-ports.ts';

/** An instrument as the submission lists need it: its code, type, titles and the session that adopted it. */
export type AdoptedInstrumentRow = Pick<Instrument, 'code' | 'type' | 'titleEn' | 'titleId' | 'titleIdKind' | 'ilcSession'>;

export type SubmissionStateRow = Pick<MemberState, 'iso3' | 'nameEn' | 'nameId' | 'region' | 'membershipDate'>;

/** Reads of the submission lists (src/storage/submission-repository.ts); never cached (decision 122). */
export interface SubmissionRepository {
  listTrackedSessions(): Promise<TrackedSession[]>;
  /** The sessions with these numbers that the registry holds. */
  getSessions(numbers: readonly number[]): Promise<IlcSession[]>;
  /** Instruments adopted at these sessions (by the registry's `ilcSession`). */
  instrumentsOfSessions(numbers: readonly number[]): Promise<AdoptedInstrumentRow[]>;
  /** Member States, all or one. */
  listStates(iso3?: string): Promise<SubmissionStateRow[]>;
  listRecords(filter: { country?: string; sessions?: readonly number[] }): Promise<SubmissionRecord[]>;
}

/** The submission tables inside the history's transaction (`RegistryWriteTx.port(SUBMISSIONS_TX)`). */
export interface SubmissionWriteTx {
  getRecord(country: string, instrument: string): Promise<SubmissionRecord | null>;
  putRecord(record: SubmissionRecord): Promise<void>;
  deleteRecord(country: string, instrument: string): Promise<void>;
  getTracking(session: number): Promise<TrackedSession | null>;
  putTracking(tracking: TrackedSession): Promise<void>;
  deleteTracking(session: number): Promise<void>;
  getSession(number: number): Promise<IlcSession | null>;
}

export const SUBMISSIONS_TX = txPort<SubmissionWriteTx>('submissions');
