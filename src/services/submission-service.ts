import type { Actor } from '../domain/access/policy.ts';
import type { IloRegion } from '../domain/country.ts';
import { notFound } from '../domain/errors.ts';
import type { InstrumentType, TitleIdKind } from '../domain/instrument.ts';
import {
  type SubmissionObligation,
  type SubmissionRecord,
  type SubmissionStatus,
  submissionObligation,
  type TrackedSession,
} from '../domain/supervision/submission.ts';
import type { HistoryRepository } from './history-ports.ts';
import type { ChangeResult } from './record-change.ts';
import { type SubmissionInput, saveSubmission, setTracking, type TrackingInput } from './submission-change.ts';
import type { SubmissionRepository, SubmissionStateRow } from './submission-ports.ts';

export type { SubmissionInput, TrackingInput } from './submission-change.ts';

/** One State's obligation for one instrument, with the names a reader needs. */
export interface SubmissionItem extends SubmissionObligation {
  countryNameEn: string;
  countryNameId: string | null;
  region: IloRegion | null;
  instrumentType: InstrumentType;
  instrumentTitleEn: string;
  instrumentTitleId: string | null;
  instrumentTitleIdKind: TitleIdKind | null;
}

export interface SubmissionFilter {
  country?: string;
  session?: number;
  status?: SubmissionStatus;
}

export interface TrackedSessionView extends TrackedSession {
  year: number | null;
  closingDate: string | null;
}

export interface SubmissionList {
  items: SubmissionItem[];
  total: number;
  /** The sessions open for tracking: only these can be due or overdue. */
  trackedSessions: TrackedSessionView[];
}

export interface OverdueByCountry {
  country: string;
  nameEn: string;
  nameId: string | null;
  region: IloRegion | null;
  overdue: number;
  instruments: string[];
}

export interface OverdueByRegion {
  /** The ILO region, or null for States whose region the registry does not record. */
  region: IloRegion | null;
  overdue: number;
  states: number;
}

const REGION_UNKNOWN = '\u0000';

/**
 * Submission of adopted instruments to the competent authorities (Constitution Art 19(5)(b),
 * 19(6)(b)): the lists per State, session and status, the overdue counts for the secretariat, and
 * the two writes. Reads go to the database each time (no cache, decision 122).
 */
export class SubmissionService {
  constructor(
    private readonly repo: SubmissionRepository,
    private readonly store: HistoryRepository,
  ) {}

  async listSubmissions(filter: SubmissionFilter, today: string): Promise<SubmissionList> {
    const states = await this.repo.listStates(filter.country);
    if (filter.country && states.length === 0) throw notFound(`No ILO member State with code "${filter.country}".`);
    const tracked = await this.repo.listTrackedSessions();
    const trackedSet = new Set(tracked.map((t) => t.session));
    let numbers: number[];
    let records: SubmissionRecord[];
    if (filter.session !== undefined) {
      const [session] = await this.repo.getSessions([filter.session]);
      if (!session) throw notFound(`The registry holds no session ${filter.session} of the Conference.`);
      numbers = [filter.session];
      records = await this.repo.listRecords({ country: filter.country, sessions: numbers });
    } else {
      records = await this.repo.listRecords({ country: filter.country });
      numbers = [...new Set([...trackedSet, ...records.map((r) => r.session)])];
    }
    const [sessions, instruments] = await Promise.all([this.repo.getSessions(numbers), this.repo.instrumentsOfSessions(numbers)]);
    const closing = new Map(sessions.map((s) => [s.number, s.closingDate]));
    const byKey = new Map(records.map((r) => [`${r.country}/${r.instrument}`, r]));
    const items: SubmissionItem[] = [];
    const sorted = [...instruments].sort((a, b) => (b.ilcSession ?? 0) - (a.ilcSession ?? 0) || a.code.localeCompare(b.code));
    for (const state of states) {
      for (const instrument of sorted) {
        const number = instrument.ilcSession as number;
        const session = { number, closingDate: closing.get(number) ?? null, tracked: trackedSet.has(number) };
        const record = byKey.get(`${state.iso3}/${instrument.code}`) ?? null;
        const item = submissionObligation(session, instrument, state, record, today);
        // Without a session filter, an untracked session shows only what was recorded for it.
        if (filter.session === undefined && !session.tracked && item.status !== 'submitted') continue;
        if (filter.status ? item.status !== filter.status : item.status === 'not_owed') continue;
        items.push(withNames(item, state, instrument));
      }
    }
    const trackedSessions = await this.trackedSessionViews(tracked);
    return { items, total: items.length, trackedSessions };
  }

  /** What the "obligations" page shows of one State: the overdue submissions and those due now. */
  async dueAndOverdue(country: string, today: string): Promise<SubmissionItem[]> {
    const { items } = await this.listSubmissions({ country }, today);
    return items.filter((i) => i.status === 'overdue' || i.status === 'due');
  }

  async overdueByCountry(today: string): Promise<OverdueByCountry[]> {
    const { items } = await this.listSubmissions({ status: 'overdue' }, today);
    const byCountry = new Map<string, OverdueByCountry>();
    for (const item of items) {
      let entry = byCountry.get(item.country);
      if (!entry) {
        entry = {
          country: item.country,
          nameEn: item.countryNameEn,
          nameId: item.countryNameId,
          region: item.region,
          overdue: 0,
          instruments: [],
        };
        byCountry.set(item.country, entry);
      }
      entry.overdue++;
      entry.instruments.push(item.instrument);
    }
    return [...byCountry.values()].sort((a, b) => b.overdue - a.overdue || a.nameEn.localeCompare(b.nameEn));
  }

  async overdueByRegion(today: string): Promise<OverdueByRegion[]> {
    const byCountry = await this.overdueByCountry(today);
    const byRegion = new Map<string, OverdueByRegion>();
    for (const c of byCountry) {
      const key = c.region ?? REGION_UNKNOWN;
      const entry = byRegion.get(key) ?? { region: c.region, overdue: 0, states: 0 };
      entry.overdue += c.overdue;
      entry.states++;
      byRegion.set(key, entry);
    }
    return [...byRegion.values()].sort((a, b) => b.overdue - a.overdue || (a.region ?? '~').localeCompare(b.region ?? '~'));
  }

  async trackedSessions(): Promise<TrackedSessionView[]> {
    return this.trackedSessionViews(await this.repo.listTrackedSessions());
  }

  markSubmitted(actor: Actor | null, input: SubmissionInput, now: Date): Promise<ChangeResult<SubmissionRecord>> {
    return saveSubmission(this.store, actor, input, now);
  }

  setTracking(actor: Actor | null, input: TrackingInput, now: Date): Promise<ChangeResult<TrackedSession>> {
    return setTracking(this.store, actor, input, now);
  }

  private async trackedSessionViews(tracked: TrackedSession[]): Promise<TrackedSessionView[]> {
    const sessions = await this.repo.getSessions(tracked.map((t) => t.session));
    const byNumber = new Map(sessions.map((s) => [s.number, s]));
    return tracked.map((t) => ({
      ...t,
      year: byNumber.get(t.session)?.year ?? null,
      closingDate: byNumber.get(t.session)?.closingDate ?? null,
    }));
  }
}

function withNames(
  item: SubmissionObligation,
  state: SubmissionStateRow,
  instrument: { type: InstrumentType; titleEn: string; titleId: string | null; titleIdKind: TitleIdKind | null },
): SubmissionItem {
  return {
    ...item,
    countryNameEn: state.nameEn,
    countryNameId: state.nameId,
    region: state.region,
    instrumentType: instrument.type,
    instrumentTitleEn: instrument.titleEn,
    instrumentTitleId: instrument.titleId,
    instrumentTitleIdKind: instrument.titleIdKind,
  };
}
