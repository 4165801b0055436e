import type { CompositionRules, GbPeriod, GbSession } from '../domain/governance/governing-body.ts';
import type { OfficeData } from '../domain/governance/offices.ts';
import { txPort } from './history-ports.ts';

/** The bundled facts of the organs (data/governing-body.json and data/offices.json). */
export interface OrgansBundle {
  governingBody: { rules: CompositionRules; periods: GbPeriod[]; sessions: GbSession[] };
  offices: OfficeData;
}

/** Reads of the Governing Body and the Office (src/storage/organs-repository.ts). */
export interface OrgansRepository {
  rules(): Promise<CompositionRules>;
  listPeriods(): Promise<GbPeriod[]>;
  getPeriod(id: string): Promise<GbPeriod | null>;
  listSessions(): Promise<GbSession[]>;
  getSession(number: number): Promise<GbSession | null>;
  offices(): Promise<OfficeData>;
  /** Loads the bundle once: a database that already holds the Governing Body's facts is left alone. */
  seedIfEmpty(load: () => Promise<OrgansBundle>): Promise<boolean>;
}

/** Writes of the Governing Body records inside the history's transaction (decision 093). */
export interface OrgansWriteTx {
  getPeriod(id: string): Promise<GbPeriod | null>;
  /** Inserts or replaces the period and its members; null removes it (the revert of its creation). */
  putPeriod(id: string, period: GbPeriod | null): Promise<void>;
  getSession(number: number): Promise<GbSession | null>;
  putSession(number: number, session: GbSession | null): Promise<void>;
}

export const ORGANS_TX = txPort<OrgansWriteTx>('organs');
