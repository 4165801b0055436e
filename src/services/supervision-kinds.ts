import type { SupervisoryComment, SupervisoryProcedure } from '../domain/supervision/comments.ts';
import { changedKeys } from './cache-dependencies.ts';
import type { RecordKind } from './record-kinds.ts';
import { SUPERVISION_TX } from './supervision-ports.ts';

/** Record keys are the ids in capitals (supervision-service.ts `historyKey`). Comments and procedures are records of the Organization itself: the secretariat (and admin) change and revert them. */
export const supervisoryCommentKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(SUPERVISION_TX).getComment(key.toLowerCase()),
  async write(tx, key, value) {
    if (value === null) await tx.port(SUPERVISION_TX).deleteComment(key.toLowerCase());
    else await tx.port(SUPERVISION_TX).putComment(value as SupervisoryComment);
  },
  changedKeys: (key, before, after) => changedKeys('supervisory_comment', key, before, after),
};

export const supervisoryProcedureKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(SUPERVISION_TX).getProcedure(key.toLowerCase()),
  async write(tx, key, value) {
    if (value === null) await tx.port(SUPERVISION_TX).deleteProcedure(key.toLowerCase());
    else await tx.port(SUPERVISION_TX).putProcedure(value as SupervisoryProcedure);
  },
  changedKeys: (key, before, after) => changedKeys('supervisory_procedure', key, before, after),
};
