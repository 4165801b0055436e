import type { SubmissionRecord, TrackedSession } from '../domain/supervision/submission.ts';
import type { RecordKind } from './record-kinds.ts';
import { SUBMISSIONS_TX } from './submission-ports.ts';

/**
 * Dependency keys a submission change touches (decision 122): nothing caches the submission lists
 * today (they are read from the database on each request), but the keys are bumped so that a cache
 * added later has them to depend on.
 */
export const SUBMISSION_KEYS = {
  all: 'submissions',
  country: (iso3: string) => `submissions:${iso3}`,
} as const;

function splitKey(key: string): [string, string] {
  const [country = '', instrument = ''] = key.split('/');
  return [country, instrument];
}

/** One State's record for one instrument, key 'IDN/C190': its focal point or the secretariat. */
export const submissionKind: RecordKind = {
  target: (e) => ({ kind: 'country_record', country: e.country ?? splitKey(e.recordKey)[0] }),
  read: (tx, key) => tx.port(SUBMISSIONS_TX).getRecord(...splitKey(key)),
  async write(tx, key, value) {
    const port = tx.port(SUBMISSIONS_TX);
    if (value === null) await port.deleteRecord(...splitKey(key));
    else await port.putRecord(value as SubmissionRecord);
  },
  changedKeys: (key) => [SUBMISSION_KEYS.all, SUBMISSION_KEYS.country(splitKey(key)[0])],
};

/** A session opened for tracking, key '111': the secretariat. */
export const submissionTrackingKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(SUBMISSIONS_TX).getTracking(Number(key)),
  async write(tx, key, value) {
    const port = tx.port(SUBMISSIONS_TX);
    if (value === null) await port.deleteTracking(Number(key));
    else await port.putTracking(value as TrackedSession);
  },
  changedKeys: () => [SUBMISSION_KEYS.all],
};
