import type { SupervisoryComment, SupervisoryProcedure } from '../domain/supervision/comments.ts';
import { txPort } from './history-ports.ts';

/** Reads of the supervisory record (not cached: see decision 141). */
export interface SupervisionReadRepository {
  listComments(country?: string): Promise<SupervisoryComment[]>;
  getComment(id: string): Promise<SupervisoryComment | null>;
  listProcedures(country?: string): Promise<SupervisoryProcedure[]>;
  getProcedure(id: string): Promise<SupervisoryProcedure | null>;
  isEmpty(): Promise<boolean>;
  seed(comments: readonly SupervisoryComment[], procedures: readonly SupervisoryProcedure[]): Promise<void>;
}

/** Writes of the supervisory record inside a history transaction (`RegistryWriteTx.port(SUPERVISION_TX)`). */
export interface SupervisionWriteTx {
  getComment(id: string): Promise<SupervisoryComment | null>;
  putComment(c: SupervisoryComment): Promise<void>;
  deleteComment(id: string): Promise<void>;
  /** Ids of the comments the registry numbered itself ("local-1", …). */
  localCommentIds(): Promise<string[]>;
  getProcedure(id: string): Promise<SupervisoryProcedure | null>;
  putProcedure(p: SupervisoryProcedure): Promise<void>;
  deleteProcedure(id: string): Promise<void>;
  procedureIdsLike(prefix: string): Promise<string[]>;
}

export const SUPERVISION_TX = txPort<SupervisionWriteTx>('supervision');
