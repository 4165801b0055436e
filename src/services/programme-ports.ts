import type { IloOffice } from '../domain/governance/offices.ts';
import type { Programme } from '../domain/programmes/programme.ts';
import { txPort } from './history-ports.ts';

/** Writes of a programme inside the history's transaction (`RegistryWriteTx.port(PROGRAMMES_TX)`, decision 200). */
export interface ProgrammeWriteTx {
  getProgramme(id: string): Promise<Programme | null>;
  /** Inserts or replaces the programme; null removes it (the revert of its creation). */
  putProgramme(id: string, programme: Programme | null): Promise<void>;
  /** Ids that start with this prefix (to number a new programme whose slug is taken). */
  programmeIdsLike(prefix: string): Promise<string[]>;
}

export const PROGRAMMES_TX = txPort<ProgrammeWriteTx>('programmes');

/** Writes of an ILO office inside the history's transaction (decision 201). Offices are changed, never added or removed here. */
export interface OfficeWriteTx {
  getOffice(id: string): Promise<IloOffice | null>;
  putOffice(office: IloOffice): Promise<void>;
}

export const OFFICES_TX = txPort<OfficeWriteTx>('offices');
