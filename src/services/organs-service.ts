import type { Actor } from '../domain/access/policy.ts';
import type { MemberState } from '../domain/country.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { notFound } from '../domain/errors.ts';
import type { Gap } from '../domain/gaps.ts';
import {
  type Composition,
  type CompositionRules,
  checkSeatArithmetic,
  composition,
  cyclePeriodAt,
  GB_ARTICLES,
  type GbPeriod,
  type GbSession,
  periodAt,
} from '../domain/governance/governing-body.ts';
import { governingBodyGaps } from '../domain/governance/governing-body-gaps.ts';
import { type CoveringOffice, filterOffices, type IloOffice, type OfficeData, officesCovering } from '../domain/governance/offices.ts';
import { GoverningBodyEdits, type PeriodInput, periodNotFound, type SessionInput } from './governing-body-edits.ts';
import type { HistoryRepository } from './history-ports.ts';
import { type OfficeInput, updateOffice } from './office-edits.ts';
import type { OrgansRepository } from './organs-ports.ts';
import type { ChangeResult } from './record-change.ts';

export interface PeriodView extends GbPeriod {
  composition: Composition;
}

export interface GoverningBodyOverview {
  rules: CompositionRules & { issues: FieldIssue[]; citations: string[] };
  periods: PeriodView[];
  /** The stored period that covers the reference date, or null (unknown). */
  current: PeriodView | null;
  /** The period the election cycle puts the reference date in (derived, never stored as a fact). */
  cyclePeriod: { id: string; startDate: string; endDate: string; recorded: boolean } | null;
  sessions: GbSession[];
  asOf: string;
}

export interface OfficeOverview {
  /** Null: no sourced fact names the Director-General (shown as unknown). */
  directorGeneral: OfficeData['directorGeneral'];
  offices: IloOffice[];
}

/**
 * The organs of the ILO other than the Conference: the Governing Body (composition by period,
 * sessions) and the International Labour Office (Director-General, field offices). Reads are not
 * cached (small tables read in one query each; decision 112), so a write is seen at once.
 */
export class OrgansService {
  private readonly edits: GoverningBodyEdits;

  constructor(
    private readonly repo: OrgansRepository,
    private readonly history: HistoryRepository,
    private readonly countryOf: (iso3: string) => Promise<Pick<MemberState, 'iso3' | 'region'> | null>,
  ) {
    this.edits = new GoverningBodyEdits(history, repo);
  }

  private view(rules: CompositionRules, p: GbPeriod): PeriodView {
    return { ...p, composition: composition(rules, p) };
  }

  async governingBody(asOf: string): Promise<GoverningBodyOverview> {
    const [rules, periods, sessions] = await Promise.all([this.repo.rules(), this.repo.listPeriods(), this.repo.listSessions()]);
    const views = periods.map((p) => this.view(rules, p));
    const current = periodAt(views, asOf);
    const cycle = cyclePeriodAt(rules.electionCycle, asOf);
    return {
      rules: {
        ...rules,
        issues: checkSeatArithmetic(rules),
        citations: [GB_ARTICLES.composition, GB_ARTICLES.chiefIndustrialImportance, GB_ARTICLES.term],
      },
      periods: views,
      current,
      cyclePeriod: cycle ? { ...cycle, recorded: periods.some((p) => p.id === cycle.id) } : null,
      sessions,
      asOf,
    };
  }

  async period(id: string): Promise<PeriodView> {
    const [rules, period] = await Promise.all([this.repo.rules(), this.repo.getPeriod(id)]);
    if (!period) throw periodNotFound(id);
    return this.view(rules, period);
  }

  listSessions(): Promise<GbSession[]> {
    return this.repo.listSessions();
  }

  async session(number: number): Promise<GbSession> {
    const s = await this.repo.getSession(number);
    if (!s) throw notFound(`No Governing Body session ${number} is recorded.`);
    return s;
  }

  savePeriod(actor: Actor | null, input: PeriodInput, now: Date): Promise<ChangeResult<GbPeriod>> {
    return this.edits.savePeriod(actor, input, now);
  }

  saveSession(actor: Actor | null, input: SessionInput, now: Date, options: { create?: boolean } = {}): Promise<ChangeResult<GbSession>> {
    return this.edits.saveSession(actor, input, now, options);
  }

  /** The unknown compositions, for the data-gaps worklist (GapsService). */
  async gaps(asOf: string): Promise<Gap[]> {
    const [rules, periods] = await Promise.all([this.repo.rules(), this.repo.listPeriods()]);
    return governingBodyGaps(rules, periods, asOf);
  }

  async office(): Promise<OfficeOverview> {
    const data = await this.repo.offices();
    return { directorGeneral: data.directorGeneral, offices: data.offices };
  }

  /** Changes an office's city, contacts and States covered (the secretariat; decision 201). */
  updateOffice(actor: Actor | null, id: string, input: OfficeInput, now: Date): Promise<ChangeResult<IloOffice>> {
    return updateOffice(this.history, actor, id, input, now);
  }

  async offices(filter: { region?: string; country?: string }): Promise<IloOffice[]> {
    return filterOffices((await this.repo.offices()).offices, filter);
  }

  /**
   * The offices that cover a State, as far as the data says (for the country profile and, later,
   * "who to contact"): named as covering it, located in it, or its region's regional office.
   */
  async officesForCountry(iso3: string): Promise<CoveringOffice[]> {
    const [state, data] = await Promise.all([this.countryOf(iso3), this.repo.offices()]);
    if (!state) throw notFound(`No ILO member State with code "${iso3}".`);
    return officesCovering(data.offices, state);
  }
}
