import type { GbPeriod, GbSession } from '../domain/governance/governing-body.ts';
import { dependencyKey } from './cache-dependencies.ts';
import { ORGANS_TX } from './organs-ports.ts';
import type { RecordKind } from './record-kinds.ts';

/**
 * The Governing Body's record kinds for the history (decision 093): the secretariat's records,
 * read and written back through the organs' transaction port, so a revert restores a period with
 * its members, or a session, exactly (null: the record did not exist, and is removed).
 */
export const gbPeriodKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(ORGANS_TX).getPeriod(key),
  write: (tx, key, value) => tx.port(ORGANS_TX).putPeriod(key, value as GbPeriod | null),
  changedKeys: () => [dependencyKey.governingBody],
};

export const gbSessionKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(ORGANS_TX).getSession(Number(key)),
  write: (tx, key, value) => tx.port(ORGANS_TX).putSession(Number(key), value as GbSession | null),
  changedKeys: () => [dependencyKey.governingBody],
};
