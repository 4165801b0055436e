import type { Actor, WriteTarget } from '../domain/access/policy.ts';
import type { NationalProfile, SourcedAge } from '../domain/child-labour/types.ts';
import { checkDenunciationFacts, checkProfileAges } from '../domain/editing/fact-rules.ts';
import { DomainError, type FieldIssue, invalid, notFound } from '../domain/errors.ts';
import type { Confidence } from '../domain/facts.ts';
import { INSTRUMENT_STATUSES, type Instrument, type InstrumentStatus, normaliseInstrumentCode } from '../domain/instrument.ts';
import { isPartialDate } from '../domain/partial-date.ts';
import type { Ratification, RatificationStatus } from '../domain/ratification.ts';
import { refuseNul } from '../domain/text.ts';
import {
  ageField,
  checkCitation,
  clean,
  fail,
  MAX_REASON_LENGTH,
  MAX_SOURCE_LENGTH,
  MAX_TEXT_LENGTH,
  notADate,
} from './edit-validation.ts';
import type { ChangeEvent, EventAction, HistoryFilter, HistoryRepository, RecordType, RegistryWriteTx } from './history-ports.ts';
import type { Page, PageRequest } from './ports.ts';
import { authoriseWrite, planRatification, prepareRatification, sameJson } from './ratification-change.ts';
import {
  collectRowProblems,
  type ImportCounts,
  type ImportOptions,
  type ImportRow,
  importRatificationsInBatches,
  scopeProblems,
} from './ratification-import.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';
import { recordKind } from './record-kinds.ts';
import { revertSource } from './revert-source.ts';
import { NO_SERVICE_EVENTS, type ServiceEvents } from './service-events.ts';

export { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH, MAX_TEXT_LENGTH } from './edit-validation.ts';

export type { ChangeResult, Citation } from './record-change.ts';

export interface RatificationInput extends Citation {
  country: string;
  instrument: string;
  registrationDate?: string | null;
  status?: RatificationStatus | null;
  legalAct?: string | null;
  nationalTitle?: string | null;
  confidence?: Confidence | null;
  /** The C138 minimum-age declaration: Art 2(1) on ratifying, or a later Art 2(2) notice. */
  minimumAge?: { value: number; article?: 'C138 Art 2(1)' | 'C138 Art 2(2)'; date?: string | null } | null;
  /**
   * Takes the declaration recorded under this article off the record, when it was recorded in error:
   * the State's declared age is then whatever other declaration remains, or "not recorded" (never a
   * guess). A State cannot withdraw a declaration (C138 Art 2(1)); this corrects the registry only.
   */
  removeMinimumAge?: 'C138 Art 2(1)' | 'C138 Art 2(2)' | null;
}

export interface DenunciationInput extends Citation {
  country: string;
  instrument: string;
  date: string;
}

export interface InstrumentInput extends Citation {
  code: string;
  status?: InstrumentStatus | null;
  titleEn?: string;
  titleId?: string | null;
  titleIdKind?: 'official' | 'unofficial' | null;
}

export interface ProfileInput extends Citation {
  country: string;
  generalMinimumAge?: number | null;
  hazardousMinimumAge?: number | null;
  compulsoryEducationAge?: number | null;
  /**
   * The provision of one age, e.g. "UU 13/2003 Pasal 68" ('' or null: none recorded). Given, it is
   * that age's provision whether or not the age changes, so a missing or wrong provision can be
   * corrected on its own. Not given (undefined), the age keeps its provision, or takes `citation`
   * when the age changes.
   */
  generalMinimumAgeCitation?: string | null;
  hazardousMinimumAgeCitation?: string | null;
  compulsoryEducationAgeCitation?: string | null;
  /** The provision of every age this change sets that has no provision of its own. */
  citation?: string | null;
}

const PROFILE_AGES = ['generalMinimumAge', 'hazardousMinimumAge', 'compulsoryEducationAge'] as const;

/** The UTC calendar day of the service's clock: what "in the future" is measured against. */
function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Every change to the registry goes through here: the policy is checked on the server, the change
 * and its event (who, when, before, after, source, reason) are written in one transaction, with
 * new versions for what it changed so that every instance drops the cached documents showing it.
 */
export class EditService {
  constructor(
    private readonly store: HistoryRepository,
    private readonly events: ServiceEvents = NO_SERVICE_EVENTS,
  ) {}

  async saveRatification(
    actor: Actor | null,
    input: RatificationInput,
    now: Date,
    _options: { action?: EventAction } = {},
  ): Promise<ChangeResult<Ratification>> {
    const checked = prepareRatification(actor, input);
    const { country, instrument } = checked;
    return this.store.transaction(async (tx) => {
      const member = await tx.getCountry(country);
      const registered = member ? await tx.getInstrument(instrument) : null;
      const before = member && registered ? await tx.getRatification(country, instrument) : null;
      const { after, warnings } = planRatification(input, checked, { member, registered, before, now });
      const result = await this.commit(
        tx,
        checked.actor,
        'ratification',
        `${country}/${instrument}`,
        country,
        before ? 'update' : 'create',
        before,
        after,
        input,
        now,
        () => tx.putRatification(after),
      );
      return { ...result, warnings };
    });
  }

  async denounce(actor: Actor | null, input: DenunciationInput, now: Date): Promise<ChangeResult<Ratification>> {
    refuseNul(input);
    const country = (input.country ?? '').trim().toUpperCase();
    const instrument = normaliseInstrumentCode(input.instrument ?? '') ?? '';
    authoriseWrite(actor, { kind: 'ratification', country });
    const issues: FieldIssue[] = [];
    checkCitation(input, issues);
    if (!clean(input.date) || !isPartialDate(clean(input.date) as string))
      issues.push({
        field: 'date',
        message: notADate(clean(input.date) ?? '', 'give the date the denunciation was registered, YYYY-MM-DD'),
      });
    if (issues.length) fail(issues);
    return this.store.transaction(async (tx) => {
      const before = await tx.getRatification(country, instrument);
      if (!before) throw notFound(`${country} has no recorded ratification of ${instrument} to denounce.`);
      if (before.status === 'denounced')
        throw new DomainError('conflict', `${country}'s ratification of ${instrument} is already denounced.`);
      const refused = checkDenunciationFacts({
        date: clean(input.date) as string,
        registrationDate: before.registrationDate,
        today: isoDay(now),
      });
      if (refused.length) fail(refused);
      const after: Ratification = {
        ...before,
        status: 'denounced',
        source: clean(input.source),
        notes: [before.notes, `Denunciation registered ${clean(input.date)}.`].filter(Boolean).join(' | '),
      };
      return this.commit(tx, actor, 'ratification', `${country}/${instrument}`, country, 'denounce', before, after, input, now, () =>
        tx.putRatification(after),
      );
    });
  }

  async updateInstrument(actor: Actor | null, input: InstrumentInput, now: Date): Promise<ChangeResult<Instrument>> {
    refuseNul(input);
    const code = normaliseInstrumentCode(input.code ?? '') ?? '';
    authoriseWrite(actor, { kind: 'instrument' });
    const issues: FieldIssue[] = [];
    checkCitation(input, issues);
    if (input.status && !INSTRUMENT_STATUSES.includes(input.status))
      issues.push({ field: 'status', message: `must be one of ${INSTRUMENT_STATUSES.join(', ')}` });
    if (input.titleEn !== undefined && (!clean(input.titleEn) || (input.titleEn ?? '').length > MAX_TEXT_LENGTH))
      issues.push({ field: 'titleEn', message: `must be 1 to ${MAX_TEXT_LENGTH} characters` });
    if ((input.titleId ?? '').length > MAX_TEXT_LENGTH)
      issues.push({ field: 'titleId', message: `must be at most ${MAX_TEXT_LENGTH} characters` });
    if (input.titleIdKind && input.titleIdKind !== 'official' && input.titleIdKind !== 'unofficial')
      issues.push({ field: 'titleIdKind', message: 'must be official or unofficial' });
    if (clean(input.titleId) && input.titleIdKind === undefined)
      issues.push({ field: 'titleIdKind', message: 'say whether the Indonesian title is official or an unofficial translation' });
    if (issues.length) fail(issues);
    return this.store.transaction(async (tx) => {
      const before = await tx.getInstrument(code);
      if (!before) throw notFound(`No instrument with code "${code}".`);
      const titleId = input.titleId === undefined ? before.titleId : clean(input.titleId);
      const after: Instrument = {
        ...before,
        status: input.status === undefined ? before.status : (input.status ?? null),
        titleEn: input.titleEn === undefined ? before.titleEn : (clean(input.titleEn) as string),
        titleId,
        titleIdKind: titleId === null ? null : input.titleIdKind === undefined ? before.titleIdKind : (input.titleIdKind ?? null),
        titleIdSource: input.titleId === undefined ? before.titleIdSource : titleId === null ? null : clean(input.source),
      };
      return this.commit(tx, actor, 'instrument', code, null, 'update', before, after, input, now, () => tx.putInstrument(after));
    });
  }

  async updateNationalProfile(actor: Actor | null, input: ProfileInput, now: Date): Promise<ChangeResult<NationalProfile>> {
    refuseNul(input);
    const country = (input.country ?? '').trim().toUpperCase();
    authoriseWrite(actor, { kind: 'national_profile', country });
    const issues: FieldIssue[] = [];
    checkCitation(input, issues);
    for (const field of PROFILE_AGES) {
      ageField(input[field], field, issues);
      if ((input[`${field}Citation`] ?? '').length > MAX_TEXT_LENGTH)
        issues.push({ field: `${field}Citation`, message: `must be at most ${MAX_TEXT_LENGTH} characters` });
    }
    if ((input.citation ?? '').length > MAX_TEXT_LENGTH)
      issues.push({ field: 'citation', message: `must be at most ${MAX_TEXT_LENGTH} characters` });
    if (issues.length) fail(issues);
    return this.store.transaction(async (tx) => {
      if (!(await tx.countryExists(country))) throw notFound(`No ILO member State with code "${country}".`);
      const before = await tx.getNationalProfile(country);
      const source = clean(input.source) as string;
      const citation = clean(input.citation) ?? undefined;
      const field = (name: (typeof PROFILE_AGES)[number], current: SourcedAge | null): SourcedAge | null => {
        const given = input[`${name}Citation`];
        const value = input[name] === undefined ? current?.value : input[name];
        if (value === undefined || value === null) return value === null ? null : current;
        const provision = given !== undefined ? (clean(given) ?? undefined) : current?.value === value ? current.citation : citation;
        if (current?.value === value && current.citation === provision) return current;
        return provision ? { value, source, citation: provision } : { value, source };
      };
      const base: NationalProfile = before ?? {
        iso3: country,
        generalMinimumAge: null,
        hazardousMinimumAge: null,
        compulsoryEducationAge: null,
        sources: [],
      };
      const ages = {
        generalMinimumAge: field('generalMinimumAge', base.generalMinimumAge),
        hazardousMinimumAge: field('hazardousMinimumAge', base.hazardousMinimumAge),
        compulsoryEducationAge: field('compulsoryEducationAge', base.compulsoryEducationAge),
      };
      const refused = checkProfileAges({
        general: ages.generalMinimumAge?.value ?? null,
        hazardous: ages.hazardousMinimumAge?.value ?? null,
        changed: input.hazardousMinimumAge === undefined ? 'generalMinimumAge' : 'hazardousMinimumAge',
      });
      if (refused.length) fail(refused);
      // The source joins the profile's sources only when it backs a change: a form sent back as it
      // was changes nothing and records no event.
      const changed = before === null || PROFILE_AGES.some((f) => ages[f] !== base[f]);
      const after: NationalProfile = { ...base, ...ages, sources: changed ? [...new Set([...base.sources, source])] : base.sources };
      return this.commit(tx, actor, 'national_profile', country, country, before ? 'update' : 'create', before, after, input, now, () =>
        tx.putNationalProfile(after),
      );
    });
  }

  /** Undoes one change with a new event; the reverted event stays in the history untouched. */
  async revert(actor: Actor | null, eventId: number, reason: string | null, now: Date): Promise<ChangeResult<unknown>> {
    refuseNul({ reason });
    if ((reason ?? '').length > MAX_REASON_LENGTH)
      fail([{ field: 'reason', message: `the reason must be at most ${MAX_REASON_LENGTH} characters` }]);
    if (!actor) authoriseWrite(actor, { kind: 'instrument' });
    return this.store.transaction(async (tx) => {
      const event = await tx.getEvent(eventId);
      if (!event) throw notFound(`No change with id ${eventId} in the history.`);
      const kind = recordKind(event.recordType);
      const target: WriteTarget = kind.target(event);
      authoriseWrite(actor, target);
      const current = await kind.read(tx, event.recordKey);
      if (!sameJson(current, event.after)) {
        throw new DomainError('conflict', `The record changed after change ${eventId}; revert the later changes first (see its history).`);
      }
      const restored = event.before ?? null;
      const input = {
        source: revertSource(eventId, event.source, MAX_SOURCE_LENGTH),
        reason: reason ?? null,
      };
      return this.commit(
        tx,
        actor,
        event.recordType,
        event.recordKey,
        event.country,
        'revert',
        current,
        restored,
        input,
        now,
        async () => {
          await kind.write(tx, event.recordKey, restored);
        },
        eventId,
      );
    });
  }

  history(filter: HistoryFilter, page: PageRequest): Promise<Page<ChangeEvent>> {
    return this.store.listEvents(filter, page);
  }

  getEvent(id: number): Promise<ChangeEvent | null> {
    return this.store.getEvent(id);
  }

  /**
   * Applies several ratifications in one transaction, in batches of rows: every row lands, or none
   * (with a per-row report). Each row is checked and recorded exactly as `saveRatification` would.
   */
  async importRatifications(
    actor: Actor | null,
    rows: readonly ImportRow[],
    now: Date,
    options: ImportOptions = {},
  ): Promise<ImportCounts> {
    const counts = await importRatificationsInBatches(this.store, actor, rows, now, options);
    // Counted once the transaction has committed: a refused import counts nothing.
    this.events.rowsImported(rows.length);
    return counts;
  }

  /**
   * The import as it was before batching, one `saveRatification` per row: kept as the baseline the
   * import benchmark and the equivalence tests compare the batched import with.
   */
  async importRatificationsRowByRow(actor: Actor | null, rows: readonly ImportRow[], now: Date): Promise<ImportCounts> {
    const errors = scopeProblems(actor, rows);
    if (errors.length) throw new DomainError('forbidden', `${errors.length} rows are outside your scope`, errors);
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    await this.store.transaction(async (tx) => {
      for (const { line, input } of rows) {
        try {
          const outcome = await this.saveInTx(tx, actor as Actor, input, now);
          if (outcome === 'create') created++;
          else if (outcome === 'update') updated++;
          else unchanged++;
        } catch (error) {
          collectRowProblems(error, line, errors);
        }
      }
      if (errors.length) throw invalid(`${errors.length} problems; nothing was imported`, errors);
    });
    return { created, updated, unchanged };
  }

  private async saveInTx(tx: RegistryWriteTx, actor: Actor, input: RatificationInput, now: Date): Promise<EventAction | 'unchanged'> {
    // Reuses the single-record path on an already open transaction.
    const nested: HistoryRepository = { transaction: (fn) => fn(tx), listEvents: () => Promise.reject(), getEvent: () => Promise.reject() };
    const service = new EditService(nested);
    const before = await tx.getRatification(
      (input.country ?? '').trim().toUpperCase(),
      normaliseInstrumentCode(input.instrument ?? '') ?? '',
    );
    const result = await service.saveRatification(actor, { ...input }, now, { action: 'import' });
    if (!result.event) return 'unchanged';
    return before ? 'update' : 'create';
  }

  private commit<T>(
    tx: RegistryWriteTx,
    actor: Actor,
    recordType: RecordType,
    recordKey: string,
    country: string | null,
    action: EventAction,
    before: unknown,
    after: T | null,
    input: Citation,
    now: Date,
    apply: () => Promise<void>,
    revertsEventId: number | null = null,
  ): Promise<ChangeResult<T>> {
    return recordChange(tx, actor, now, { recordType, recordKey, country, action, before, after, citation: input, apply, revertsEventId });
  }
}
