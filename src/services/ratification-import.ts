import { type Actor, canWrite } from '../domain/access/policy.ts';
import type { MemberState } from '../domain/country.ts';
import { DomainError, type FieldIssue, invalid } from '../domain/errors.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Ratification } from '../domain/ratification.ts';
import { changedKeys } from './cache-dependencies.ts';
import { clean } from './edit-validation.ts';
import type { HistoryRepository, RegistryWriteTx, SerialisedChangeEvent } from './history-ports.ts';
import type { ImportRow } from './import-csv.ts';
import { planRatification, prepareRatification } from './ratification-change.ts';

export type { ImportRow } from './import-csv.ts';

/**
 * Rows read, checked and written per step of the import's one transaction. Each step costs a few
 * statements (lookups, one upsert per ~3,000 ratifications, one insert per ~2,500 events), and
 * progress is reported after each.
 */
export const IMPORT_CHUNK_ROWS = 5_000;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportProgress {
  /** Rows checked and written so far (not yet committed: the transaction commits after the last). */
  done: number;
  total: number;
}

export interface ImportOptions {
  chunkRows?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** A change the import wrote, as the read caches know records. */
export interface ChangedRecord {
  recordType: 'ratification';
  recordKey: string;
  country: string;
}

/** Past this many records in one chunk, the import invalidates every cached document at once. */
const WHOLESALE_CHANGE = 500;

/**
 * The one place the import tells the read caches what it changed, once per batch of rows: the
 * edit service does the same once per record (`commit`). Change both together.
 */
async function markChanged(tx: RegistryWriteTx, changed: readonly ChangedRecord[]): Promise<void> {
  // A bulk write touches most documents anyway: one "everything" version then costs one row where
  // the record keys would cost tens of thousands.
  if (changed.length > WHOLESALE_CHANGE) return tx.bumpVersion();
  const keys = new Set<string>();
  // Every written record is taken as possibly new (no `before`), so the lists that count
  // ratifications are refreshed too: a superset of what changed, never less.
  for (const r of changed) for (const key of changedKeys(r.recordType, r.recordKey, null, r)) keys.add(key);
  if (keys.size) await tx.bumpVersions(keys);
}

export function scopeProblems(actor: Actor | null, rows: readonly ImportRow[]): FieldIssue[] {
  const errors: FieldIssue[] = [];
  for (const { line, input } of rows) {
    const decision = canWrite(actor, { kind: 'ratification', country: (input.country ?? '').trim().toUpperCase() });
    if (!decision.allowed) errors.push({ field: `line ${line}`, message: decision.reason });
  }
  return errors;
}

/** A refusal of one row, as "line N, field" issues; anything other than a refusal is a failure of the import. */
export function collectRowProblems(error: unknown, line: number, errors: FieldIssue[]): void {
  if (!(error instanceof DomainError)) throw error;
  for (const issue of error.issues.length ? error.issues : [{ field: '', message: error.message }])
    errors.push({ field: `line ${line}${issue.field ? `, ${issue.field}` : ''}`, message: issue.message });
}

const keyOf = (country: string, instrument: string) => `${country}/${instrument}`;

/**
 * The import in batches: per chunk of rows, the States, instruments and current records it needs are
 * read in a few statements, every row is checked and planned in memory exactly as `saveRatification`
 * would (a later row of the same record sees the earlier one), and the changed records and their
 * events are written in multi-row statements. All of it in one transaction: every row or none.
 */
export async function importRatificationsInBatches(
  store: HistoryRepository,
  actor: Actor | null,
  rows: readonly ImportRow[],
  now: Date,
  options: ImportOptions = {},
): Promise<ImportCounts> {
  const scope = scopeProblems(actor, rows);
  if (scope.length) throw new DomainError('forbidden', `${scope.length} rows are outside your scope`, scope);
  const chunkRows = Math.max(1, options.chunkRows ?? IMPORT_CHUNK_ROWS);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  await store.transaction(async (tx) => {
    const state: ImportState = {
      actor,
      now,
      at: now.toISOString(),
      counts,
      errors: [],
      members: new Map(),
      instruments: new Map(),
      current: new Map(),
      currentJson: new Map(),
    };
    for (let start = 0; start < rows.length; start += chunkRows) {
      const chunk = rows.slice(start, start + chunkRows);
      const prepared = prepareChunk(state, chunk);
      await readMissing(tx, prepared, state.members, state.instruments, state.current);
      const { written, events } = planChunk(state, prepared);
      await tx.putRatifications([...written.values()]);
      await tx.appendEvents(events);
      await markChanged(
        tx,
        [...written.values()].map((r) => ({ recordType: 'ratification', recordKey: keyOf(r.country, r.instrument), country: r.country })),
      );
      options.onProgress?.({ done: Math.min(rows.length, start + chunk.length), total: rows.length });
    }
    if (state.errors.length) throw invalid(`${state.errors.length} problems; nothing was imported`, state.errors);
  });
  return counts;
}

/** What the import carries from chunk to chunk inside its transaction. */
interface ImportState {
  actor: Actor | null;
  now: Date;
  /** `now` as events record it. */
  at: string;
  counts: ImportCounts;
  /** Refusals of every chunk so far, as "line N, field" issues. */
  errors: FieldIssue[];
  members: Map<string, MemberState | null>;
  instruments: Map<string, Instrument | null>;
  /** Every record this import has read or written, as it stands in the transaction. */
  current: Map<string, Ratification | null>;
  /** The same records as JSON (`JSON.stringify(record ?? null)`), once this import has compared them. */
  currentJson: Map<string, string>;
}

interface PreparedRow {
  line: number;
  row: ImportRow;
  /** The record's key, 'IDN/C138', made once for the row. */
  key: string;
  checked: ReturnType<typeof prepareRatification>;
}

/** The checks of each row that need nothing stored; refusals are collected. */
function prepareChunk(state: ImportState, chunk: readonly ImportRow[]): PreparedRow[] {
  const prepared: PreparedRow[] = [];
  for (const row of chunk) {
    try {
      const checked = prepareRatification(state.actor, row.input);
      prepared.push({ line: row.line, row, key: keyOf(checked.country, checked.instrument), checked });
    } catch (error) {
      collectRowProblems(error, row.line, state.errors);
    }
  }
  return prepared;
}

/**
 * Each row planned as `saveRatification` would plan it, in order (a later row of the same record
 * sees the earlier one): the records to write, each once as it ends, and an event for each change.
 */
function planChunk(
  state: ImportState,
  prepared: readonly PreparedRow[],
): { written: Map<string, Ratification>; events: SerialisedChangeEvent[] } {
  const { counts, current, currentJson, now } = state;
  const written = new Map<string, Ratification>();
  const events: SerialisedChangeEvent[] = [];
  for (const { line, row, key, checked } of prepared) {
    const { country, instrument } = checked;
    try {
      const member = state.members.get(country) ?? null;
      const registered = member ? (state.instruments.get(instrument) ?? null) : null;
      const before = member && registered ? (current.get(key) ?? null) : null;
      const { after } = planRatification(row.input, checked, { member, registered, before, now });
      // `sameJson`, with each record written as JSON once: the event stores these same strings.
      const beforeJson = currentJson.get(key) ?? JSON.stringify(before);
      const afterJson = JSON.stringify(after);
      if (beforeJson === afterJson) {
        counts.unchanged++;
        currentJson.set(key, beforeJson);
        continue;
      }
      if (before) counts.updated++;
      else counts.created++;
      current.set(key, after);
      currentJson.set(key, afterJson);
      // A record given twice is written once, as it ends; each row still has its event.
      written.set(key, after);
      events.push({
        at: state.at,
        userId: checked.actor.id,
        actor: checked.actor.email,
        recordType: 'ratification',
        recordKey: key,
        country,
        action: before ? 'update' : 'create',
        before: before ?? null,
        after,
        beforeJson: before ? beforeJson : null,
        afterJson,
        source: clean(row.input.source) as string,
        reason: clean(row.input.reason ?? null),
        revertsEventId: null,
      });
    } catch (error) {
      collectRowProblems(error, line, state.errors);
    }
  }
  return { written, events };
}

/** Reads, in a few statements, the States, instruments and records of a chunk that this import has not read yet. */
async function readMissing(
  tx: RegistryWriteTx,
  prepared: readonly { key: string; checked: { country: string; instrument: string } }[],
  members: Map<string, MemberState | null>,
  instruments: Map<string, Instrument | null>,
  current: Map<string, Ratification | null>,
): Promise<void> {
  const newCountries = new Set<string>();
  const newInstruments = new Set<string>();
  for (const { checked } of prepared) {
    if (!members.has(checked.country)) newCountries.add(checked.country);
    if (!instruments.has(checked.instrument)) newInstruments.add(checked.instrument);
  }
  for (const c of newCountries) members.set(c, null);
  for (const m of await tx.getCountries([...newCountries])) members.set(m.iso3, m);
  for (const i of newInstruments) instruments.set(i, null);
  for (const i of await tx.getInstruments([...newInstruments])) instruments.set(i.code, i);
  const newKeys = new Map<string, { country: string; instrument: string }>();
  for (const { key, checked } of prepared) {
    if (!current.has(key) && members.get(checked.country) && instruments.get(checked.instrument))
      newKeys.set(key, { country: checked.country, instrument: checked.instrument });
  }
  for (const key of newKeys.keys()) current.set(key, null);
  for (const r of await tx.getRatifications([...newKeys.values()])) current.set(keyOf(r.country, r.instrument), r);
}
