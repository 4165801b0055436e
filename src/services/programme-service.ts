import type { Actor } from '../domain/access/policy.ts';
import { notFound } from '../domain/errors.ts';
import {
  compareProgrammes,
  matchesFilter,
  type Programme,
  type ProgrammeFilter,
  type ProgrammeStatus,
  programmeStatus,
} from '../domain/programmes/programme.ts';
import type { HistoryRepository } from './history-ports.ts';
import type { Page, PageRequest } from './ports.ts';
import { type ProgrammeInput, saveProgramme } from './programme-edits.ts';
import type { ChangeResult } from './record-change.ts';

/** Read port of the programmes registry (src/storage/programmes-repository.ts). */
export interface ProgrammeRepository {
  listAll(): Promise<Programme[]>;
  get(id: string): Promise<Programme | null>;
}

export type ProgrammeView = Programme & { status: ProgrammeStatus };

/**
 * The programmes registry (issue 10, decision 170). Reads are not cached: the table holds a few
 * hundred rows, so each read goes to the database and can never be stale. The secretariat adds and
 * changes programmes (decision 200), each change an event in the history; without a history store
 * (read-only callers) the writes are refused.
 */
export class ProgrammeService {
  constructor(
    private readonly repo: ProgrammeRepository,
    private readonly store?: HistoryRepository,
  ) {}

  create(actor: Actor | null, input: ProgrammeInput, now: Date): Promise<ChangeResult<Programme>> {
    return saveProgramme(this.writable(), actor, null, input, now);
  }

  update(actor: Actor | null, id: string, input: ProgrammeInput, now: Date): Promise<ChangeResult<Programme>> {
    return saveProgramme(this.writable(), actor, id, input, now);
  }

  private writable(): HistoryRepository {
    if (!this.store) throw new Error('ProgrammeService was built without a history store: it cannot write');
    return this.store;
  }

  async list(filter: ProgrammeFilter, page: PageRequest, today: string): Promise<Page<ProgrammeView>> {
    const all = (await this.repo.listAll()).filter((p) => matchesFilter(p, filter, today)).sort(compareProgrammes);
    const start = (page.page - 1) * page.pageSize;
    const items = all.slice(start, start + page.pageSize).map((p) => withStatus(p, today));
    return { items, total: all.length, page: page.page, pageSize: page.pageSize };
  }

  async get(id: string, today: string): Promise<ProgrammeView> {
    const p = await this.repo.get(id);
    if (!p) throw notFound(`No programme ${id}`);
    return withStatus(p, today);
  }

  /** Every programme running (or having run) in the State, founding-text programmes first. */
  async forCountry(iso3: string, today: string): Promise<ProgrammeView[]> {
    const all = await this.repo.listAll();
    return all
      .filter((p) => (p.countries ?? []).includes(iso3.toUpperCase()))
      .sort(compareProgrammes)
      .map((p) => withStatus(p, today));
  }
}

function withStatus(p: Programme, today: string): ProgrammeView {
  return { ...p, status: programmeStatus(p, today) };
}
