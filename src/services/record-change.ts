import type { Actor } from '../domain/access/policy.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { clean } from './edit-validation.ts';
import type { ChangeEvent, EventAction, RecordType, RegistryWriteTx } from './history-ports.ts';
import { sameJson } from './ratification-change.ts';
import { recordKind } from './record-kinds.ts';

export interface Citation {
  /** Where the fact comes from: a source id, a URL, or an official reference. Required. */
  source: string;
  reason?: string | null;
}

export interface ChangeResult<T> {
  /** Null when the change would leave the record as it was: nothing is written then. */
  event: ChangeEvent | null;
  record: T | null;
  /** Odd but accepted facts the editor should check against the source (never a refusal). */
  warnings: FieldIssue[];
}

export interface RecordChange<T> {
  recordType: RecordType;
  recordKey: string;
  /** The State the record belongs to (history filters and focal-point scope), or null. */
  country: string | null;
  action: EventAction;
  before: unknown;
  after: T | null;
  citation: Citation;
  /** Writes the record; called only when it changes. */
  apply: () => Promise<void>;
  revertsEventId?: number | null;
}

/**
 * Every change of every record kind lands through here, inside the caller's transaction: the record
 * is written, its event appended to the history, and the cache versions of what it changed bumped.
 * A change that leaves the record as it was writes nothing and records no event.
 */
export async function recordChange<T>(tx: RegistryWriteTx, actor: Actor, now: Date, change: RecordChange<T>): Promise<ChangeResult<T>> {
  const { recordType, recordKey, country, action, before, after, citation } = change;
  if (sameJson(before, after)) return { event: null, record: after, warnings: [] };
  await change.apply();
  const event = {
    at: now.toISOString(),
    userId: actor.id,
    actor: actor.email,
    recordType,
    recordKey,
    country,
    action,
    before: before ?? null,
    after: after ?? null,
    source: clean(citation.source) as string,
    reason: clean(citation.reason ?? null),
    revertsEventId: change.revertsEventId ?? null,
  };
  const id = await tx.appendEvent(event);
  await tx.bumpVersions(recordKind(recordType).changedKeys(recordKey, before, after));
  return { event: { id, ...event }, record: after, warnings: [] };
}
