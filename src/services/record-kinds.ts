import type { WriteTarget } from '../domain/access/policy.ts';
import type { NationalProfile } from '../domain/child-labour/types.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Ratification } from '../domain/ratification.ts';
import { changedKeys } from './cache-dependencies.ts';
import { ilcDelegationKind, ilcSessionKind, ilcVoteKind } from './conference-kinds.ts';
import { documentKind } from './document-kinds.ts';
import { gbPeriodKind, gbSessionKind } from './governing-body-kinds.ts';
import type { ChangeEvent, RecordType, RegistryWriteTx } from './history-ports.ts';
import { REPORTING_RECORD_KINDS } from './reporting-record-kinds.ts';
import { submissionKind, submissionTrackingKind } from './submission-kinds.ts';
import { supervisoryCommentKind, supervisoryProcedureKind } from './supervision-kinds.ts';

/**
 * What the history needs to know of each kind of record to revert a change to it: who may change
 * it, how to read its current value and write a value back (null: the record did not exist), and
 * which cache dependency keys a change touches. Each record family registers its kinds in
 * `RECORD_KINDS` below; the revert and `recordChange` look them up by the event's record type.
 */
export interface RecordKind {
  target(event: Pick<ChangeEvent, 'recordKey' | 'country'>): WriteTarget;
  read(tx: RegistryWriteTx, key: string): Promise<unknown>;
  write(tx: RegistryWriteTx, key: string, value: unknown): Promise<void>;
  changedKeys(key: string, before: unknown, after: unknown): string[];
}

function splitKey(key: string): [string, string] {
  const [country = '', instrument = ''] = key.split('/');
  return [country, instrument];
}

const ratificationKind: RecordKind = {
  target: (e) => ({ kind: 'ratification', country: e.country ?? '' }),
  read: (tx, key) => tx.getRatification(...splitKey(key)),
  async write(tx, key, value) {
    if (value === null) await tx.deleteRatification(...splitKey(key));
    else await tx.putRatification(value as Ratification);
  },
  changedKeys: (key, before, after) => changedKeys('ratification', key, before, after),
};

const instrumentKind: RecordKind = {
  target: () => ({ kind: 'instrument' }),
  read: (tx, key) => tx.getInstrument(key),
  async write(tx, _key, value) {
    // An instrument is never removed: reverting its creation keeps the record (ratifications refer to it).
    if (value) await tx.putInstrument(value as Instrument);
  },
  changedKeys: (key, before, after) => changedKeys('instrument', key, before, after),
};

const nationalProfileKind: RecordKind = {
  target: (e) => ({ kind: 'national_profile', country: e.country ?? '' }),
  read: (tx, key) => tx.getNationalProfile(key),
  async write(tx, key, value) {
    await tx.putNationalProfile(
      (value as NationalProfile | null) ?? {
        iso3: key,
        generalMinimumAge: null,
        hazardousMinimumAge: null,
        compulsoryEducationAge: null,
        sources: [],
      },
    );
  },
  changedKeys: (key, before, after) => changedKeys('national_profile', key, before, after),
};

export const RECORD_KINDS: Record<RecordType, RecordKind> = {
  ratification: ratificationKind,
  instrument: instrumentKind,
  national_profile: nationalProfileKind,
  submission: submissionKind,
  submission_tracking: submissionTrackingKind,
  ...REPORTING_RECORD_KINDS,
  ilc_session: ilcSessionKind,
  ilc_delegation: ilcDelegationKind,
  ilc_vote: ilcVoteKind,
  gb_period: gbPeriodKind,
  gb_session: gbSessionKind,
  supervisory_comment: supervisoryCommentKind,
  supervisory_procedure: supervisoryProcedureKind,
  document: documentKind,
};

export function recordKind(type: RecordType): RecordKind {
  const kind = RECORD_KINDS[type];
  if (!kind) throw new Error(`no record kind "${type}" is registered (src/services/record-kinds.ts)`);
  return kind;
}
