import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access/policy.ts';
import { CONSENT_CITATION } from '../../domain/child-labour/cases/consent.ts';
import { casePriority } from '../../domain/child-labour/cases/priority.ts';
import type { CountryFacts } from '../../domain/child-labour/index.ts';
import { evaluate } from '../../domain/child-labour/index.ts';
import type { Verdict } from '../../domain/child-labour/types.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { isIsoDay } from '../../domain/partial-date.ts';
import { ScreenInputError } from '../../screening/errors.ts';
import { plainBytes } from '../../screening/gzip-input.ts';
import { sealCaseFields } from '../../storage/case-codec.ts';
import type { CaseEventInput } from '../../storage/case-events.ts';
import type { CaseImportStore, CaseImportTx, NewCaseRow } from '../../storage/case-import-writes.ts';
import type { Keyring } from '../../storage/field-crypto.ts';
import { CsvSyntaxError, readCsvRecordBatches } from '../csv-records.ts';
import {
  type CaseCandidate,
  type ColumnIndex,
  hasNameColumn,
  type ImportBadRow,
  importColumns,
  readImportRow,
  type SkipReason,
} from './case-import-rows.ts';
import { requireUnitCapability, type UnitMembershipPort } from './unit-access.ts';

/*
 * Screening rows → a unit's cases (issue 11, "From screening to cases"; decision 220). The file is
 * read as it streams (gzip recognised as the screener does), inside ONE transaction: every case of
 * the file is created, or none. Cases go in batches of multi-row statements; a worker id the unit
 * already has is counted, not duplicated; bad rows are listed by line and field and the rest go on.
 * No identifying data is stored unless the caller says consent was recorded and the row's consent
 * columns show it (decision 222).
 */

export const IMPORT_BATCH_ROWS = 500;
/** Bad rows listed in the answer; the rest are counted. */
export const MAX_BAD_ROWS_LISTED = 1000;

export interface CaseImportOptions {
  /** Day the cases are identified on, YYYY-MM-DD; ages are counted on it. */
  on: string;
  includeConditional?: boolean;
  /** Rows' consent columns record a parent's or guardian's consent: store name and birth date, sealed. */
  consentRecorded?: boolean;
  onProgress?: (progress: { rows: number; created: number; alreadyPresent: number }) => void;
}

export interface CaseImportResult {
  unitId: number;
  /** Data rows read (blank lines are not rows). */
  rows: number;
  created: number;
  alreadyPresent: number;
  /** Well-formed rows that open no case: verdicts not imported, screener-invalid rows, adults. */
  skipped: number;
  skippedBy: Record<SkipReason, number>;
  badRows: ImportBadRow[];
  badRowCount: number;
  /** Case numbers given, first and last (null when none was created). */
  caseNumbers: { first: number; last: number } | null;
  identifyingDataStored: number;
  /** In words: what identifying data was (not) kept, and why. */
  identifyingData: string;
}

/** Who imports: a signed-in user (checked against the unit), or the operator at the command line. */
export type Importer = { actor: Actor | null } | { operator: string };

/** The file's bytes as they stream (a file or request stream), or in pieces already read. */
export type ImportInput = AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;

async function* asAsync(input: ImportInput): AsyncGenerator<Buffer | Uint8Array | string> {
  yield* input;
}

type FactsSource = () => Promise<ReadonlyMap<string, CountryFacts>>;

export class CaseImportService {
  constructor(
    private readonly store: CaseImportStore,
    private readonly membership: UnitMembershipPort,
    private readonly keys: Keyring | null,
    private readonly facts: FactsSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** 401/404/403 as the unit gate says; call before reading any of the body. */
  async authorise(importer: Importer, unitId: number): Promise<void> {
    if ('actor' in importer) await requireUnitCapability(this.membership, importer.actor, unitId, 'openCase');
    else if (!Number.isSafeInteger(unitId) || unitId <= 0 || !(await this.membership.unitExists(unitId)))
      throw new DomainError('not_found', `No monitoring unit ${unitId}.`);
  }

  async importScreening(importer: Importer, unitId: number, input: ImportInput, options: CaseImportOptions): Promise<CaseImportResult> {
    await this.authorise(importer, unitId);
    if (!isIsoDay(options.on)) throw invalid('on must be a date YYYY-MM-DD', [{ field: 'on', message: 'must be a date YYYY-MM-DD' }]);
    if (options.consentRecorded && !this.keys)
      throw invalid('Identifying data cannot be stored: no data key is configured (TRIPARTITE_DATA_KEY).', [
        { field: 'consentRecorded', message: 'needs a data key to seal names and birth dates' },
      ]);
    const facts = await this.facts();
    const run = new ImportRun(importer, unitId, options, this.keys, facts, this.now().toISOString());
    const result = await this.store.withLockedUnit(unitId, (tx) => run.execute(tx, input));
    if (!result) throw new DomainError('not_found', `No monitoring unit ${unitId} that you can see.`);
    return result;
  }
}

/** One import: reads the stream inside the transaction, batch by batch. */
class ImportRun {
  private rows = 0;
  private created = 0;
  private alreadyPresent = 0;
  private identifyingStored = 0;
  private readonly skippedBy: Record<SkipReason, number> = { permitted: 0, other_law: 0, conditional: 0, invalid: 0, adult: 0 };
  private readonly badRows: ImportBadRow[] = [];
  private badRowCount = 0;
  private firstNumber: number | null = null;
  private next = 0;
  private nameColumn = false;
  /** Engine results by input, bounded: a register has few distinct (State, age, work, …) inputs. */
  private readonly evaluations = new Map<string, { verdict: Verdict; reasons: { rule: string; citation: string; verdict: Verdict }[] }>();

  constructor(
    private readonly importer: Importer,
    private readonly unitId: number,
    private readonly options: CaseImportOptions,
    private readonly keys: Keyring | null,
    private readonly facts: ReadonlyMap<string, CountryFacts>,
    private readonly at: string,
  ) {}

  async execute(tx: CaseImportTx, input: ImportInput): Promise<CaseImportResult> {
    this.next = tx.unit.nextCaseNumber;
    let index: ColumnIndex | null = null;
    let pending: CaseCandidate[] = [];
    try {
      for await (const records of readCsvRecordBatches(plainBytes(asAsync(input)))) {
        for (const record of records) {
          if (index === null) {
            if (record.fields.length === 1 && (record.fields[0] ?? '').trim() === '') continue;
            if (record.problem) throw invalid(`line ${record.line}: the header cannot be read (${record.problem})`);
            const header = importColumns(record.fields);
            if (header.missing.length > 0)
              throw invalid(
                `The file lacks the column${header.missing.length > 1 ? 's' : ''} ${header.missing.join(', ')}: import the screener's output (tripartite screen --out).`,
                header.missing.map((field) => ({ field, message: 'required column missing from the header' })),
              );
            index = header.index;
            this.nameColumn = hasNameColumn(index);
            continue;
          }
          if (record.problem) {
            this.rows++;
            this.bad({ line: record.line, field: 'line', message: `line: ${record.problem}` });
            continue;
          }
          const outcome = readImportRow(record.line, record.fields, index, {
            on: this.options.on,
            unitCountry: tx.unit.country,
            includeConditional: this.options.includeConditional ?? false,
            consentRecorded: this.options.consentRecorded ?? false,
          });
          if (outcome.kind === 'blank') continue;
          this.rows++;
          if (outcome.kind === 'bad') this.bad(outcome.problem);
          else if (outcome.kind === 'skip') this.skippedBy[outcome.reason]++;
          else {
            pending.push(outcome.candidate);
            if (pending.length >= IMPORT_BATCH_ROWS) {
              await this.flush(tx, pending);
              pending = [];
            }
          }
        }
      }
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw invalid(`line ${error.line}: ${error.message}`);
      if (error instanceof ScreenInputError) throw invalid(`The file cannot be read: ${error.message}.`);
      throw error;
    }
    if (index === null) throw invalid("The file is empty: expected the screener's CSV header line.");
    await this.flush(tx, pending);
    if (this.next !== tx.unit.nextCaseNumber) await tx.setNextCaseNumber(this.next);
    return this.result();
  }

  private bad(problem: ImportBadRow): void {
    this.badRowCount++;
    if (this.badRows.length < MAX_BAD_ROWS_LISTED) this.badRows.push(problem);
  }

  private async flush(tx: CaseImportTx, batch: CaseCandidate[]): Promise<void> {
    if (batch.length === 0) return;
    const fresh = new Map<string, CaseCandidate>();
    for (const c of batch) {
      if (fresh.has(c.workerRef)) this.alreadyPresent++;
      else fresh.set(c.workerRef, c);
    }
    const existing = await tx.existingRefs([...fresh.keys()]);
    const rows: NewCaseRow[] = [];
    const events: CaseEventInput[] = [];
    for (const c of fresh.values()) {
      if (existing.has(c.workerRef)) {
        this.alreadyPresent++;
        continue;
      }
      const row = this.caseRow(c);
      rows.push(row);
      events.push({
        caseId: row.id,
        unitId: this.unitId,
        at: this.at,
        userId: 'actor' in this.importer ? (this.importer.actor?.id ?? null) : null,
        actor: 'actor' in this.importer ? (this.importer.actor?.email ?? 'unknown') : this.importer.operator,
        action: 'import',
        before: null,
        // No identifying value: the event says only whether some was stored (sealed, on the case).
        after: {
          origin: 'screening',
          caseNumber: row.case_number,
          status: row.status,
          priority: row.priority,
          verdict: row.verdict,
          minimumAge: row.minimum_age,
          ageYears: row.age_years,
          country: row.country_iso3,
          district: row.district,
          line: c.line,
          identifying: c.identifying !== null,
        },
        reason: 'imported from a screening file',
      });
    }
    await tx.insertCases(rows);
    await tx.appendEvents(events);
    this.created += rows.length;
    this.options.onProgress?.({ rows: this.rows, created: this.created, alreadyPresent: this.alreadyPresent });
  }

  private caseRow(c: CaseCandidate): NewCaseRow & { id: string } {
    const id = randomUUID();
    const number = this.next++;
    this.firstNumber ??= number;
    const assessed = this.assess(c);
    const priority = casePriority({ verdict: c.verdict, age: c.age, night: c.night === true, inSchool: null, reasons: assessed.reasons });
    const identifying = c.identifying;
    const sealed =
      identifying && this.keys
        ? sealCaseFields(this.keys, id, { name: identifying.name, birth_date: identifying.birthDate, consent_by: identifying.consentBy })
        : {};
    if (identifying) this.identifyingStored++;
    return {
      id,
      unit_id: this.unitId,
      case_number: number,
      worker_ref: c.workerRef,
      origin: 'screening',
      status: 'identified',
      priority: priority.tier,
      priority_rank: priority.rank,
      identified_on: this.options.on,
      assigned_to: null,
      sex: c.sex,
      age_years: c.age,
      age_precision: 'exact',
      province: c.province,
      district: c.district,
      household_ref: null,
      school_enrolled: null,
      school_attending: null,
      work_task: c.work,
      commodity: c.commodity,
      hours_per_day: c.hoursPerDay,
      night_work: c.night === null ? null : c.night ? 1 : 0,
      hazards: '[]',
      country_iso3: c.country,
      verdict: c.verdict,
      minimum_age: c.minimumAge,
      assessment: JSON.stringify({
        source: 'screening',
        line: c.line,
        verdict: c.verdict,
        minimumAge: c.minimumAge,
        age: c.age,
        citations: c.citations,
        reasons: assessed.reasons,
        // The engine's verdict for the same input on the import day, when it differs from the file's.
        engineVerdict: assessed.engineVerdict,
        priorityCitations: priority.citations,
      }),
      name_enc: sealed.name_enc ?? null,
      birth_date_enc: sealed.birth_date_enc ?? null,
      village_enc: null,
      location_enc: null,
      contact_enc: null,
      notes_enc: null,
      consent_by_enc: sealed.consent_by_enc ?? null,
      consent_relation: identifying?.consentRelation ?? null,
      consent_on: identifying?.consentOn ?? null,
      consent_purposes: identifying ? JSON.stringify(['case_management']) : null,
      closed_on: null,
      closure_reason: null,
      anonymised_at: null,
      created_at: this.at,
      updated_at: this.at,
    };
  }

  /**
   * The reasons kept with the case: the engine's rules for this child, work and State when the
   * engine, asked today, gives the file's verdict (so the rule ids the priority reads are known);
   * otherwise the file's citations under the file's verdict, and the engine's differing verdict noted.
   */
  private assess(c: CaseCandidate): { reasons: { rule: string; citation: string; verdict: Verdict }[]; engineVerdict: Verdict | null } {
    const fromFile = c.citations.map((citation) => ({ rule: 'screening', citation, verdict: c.verdict }));
    const facts = this.facts.get(c.country);
    if (!facts || c.work === null) return { reasons: fromFile, engineVerdict: null };
    const key = `${c.country}|${c.age}|${c.work}|${c.hoursPerDay}|${c.night}|${c.sex}`;
    let result = this.evaluations.get(key);
    if (!result) {
      try {
        const r = evaluate(facts, { age: c.age, work: c.work, hoursPerDay: c.hoursPerDay, night: c.night, sex: c.sex });
        result = {
          verdict: r.verdict,
          reasons: r.reasons.filter((x) => x.kind === 'rule').map((x) => ({ rule: x.rule, citation: x.citation, verdict: x.verdict })),
        };
      } catch {
        return { reasons: fromFile, engineVerdict: null };
      }
      if (this.evaluations.size >= 10_000) this.evaluations.clear();
      this.evaluations.set(key, result);
    }
    if (result.verdict === c.verdict) return { reasons: result.reasons, engineVerdict: null };
    return { reasons: fromFile, engineVerdict: result.verdict };
  }

  private result(): CaseImportResult {
    const skipped = Object.values(this.skippedBy).reduce((a, b) => a + b, 0);
    const consent = this.options.consentRecorded ?? false;
    const withoutConsent = this.created - this.identifyingStored;
    const identifyingData = consent
      ? `Name and birth date stored, sealed, for ${this.identifyingStored} case(s) whose consent columns record a parent's or guardian's consent (${CONSENT_CITATION}); ${withoutConsent} case(s) without such consent keep no identifying data, only the age in years.`
      : `No identifying data stored: without a recorded consent (${CONSENT_CITATION}) the file's birth dates${this.nameColumn ? ' and names' : ''} were not kept; each case keeps the age in completed years on ${this.options.on}.`;
    return {
      unitId: this.unitId,
      rows: this.rows,
      created: this.created,
      alreadyPresent: this.alreadyPresent,
      skipped,
      skippedBy: { ...this.skippedBy },
      badRows: this.badRows,
      badRowCount: this.badRowCount,
      caseNumbers: this.firstNumber === null ? null : { first: this.firstNumber, last: this.next - 1 },
      identifyingDataStored: this.identifyingStored,
      identifyingData,
    };
  }
}
