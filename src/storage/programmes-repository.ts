import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Confidence } from '../domain/facts.ts';
import type { OrganizationRole, Programme, ProgrammeTheme } from '../domain/programmes/programme.ts';
import type { ProgrammeWriteTx } from '../services/programme-ports.ts';
import type { ProgrammeRepository } from '../services/programme-service.ts';
import type { DialectInfo } from './dialect.ts';
import type { Database, ProgrammesTable } from './schema.ts';

const MAX_BATCH_ROWS = 200;

const list = <T = string>(v: string | null): T[] | null => (v === null ? null : (JSON.parse(v) as T[]));
const text = (v: readonly unknown[] | null): string | null => (v === null ? null : JSON.stringify(v));

function toProgramme(r: Selectable<ProgrammesTable>): Programme {
  return {
    id: r.id,
    nameEn: r.name_en,
    nameId: r.name_id,
    aimEn: r.aim_en,
    aimId: r.aim_id,
    countries: list(r.countries),
    area: r.area,
    startYear: r.start_year === null ? null : Number(r.start_year),
    endYear: r.end_year === null ? null : Number(r.end_year),
    durationYears: r.duration_years === null ? null : Number(r.duration_years),
    closedPerSource: Number(r.closed_per_source) === 1,
    donors: list(r.donors),
    partners: list(r.partners),
    instruments: list(r.instruments),
    themes: list<ProgrammeTheme>(r.themes) ?? [],
    roles: list<OrganizationRole>(r.roles),
    activities: list(r.activities),
    outcomes: list(r.outcomes),
    url: r.url,
    source: r.source,
    confidence: r.confidence as Confidence,
    notes: r.notes,
  };
}

export function programmeRow(p: Programme): Selectable<ProgrammesTable> {
  return {
    id: p.id,
    name_en: p.nameEn,
    name_id: p.nameId,
    aim_en: p.aimEn,
    aim_id: p.aimId,
    countries: text(p.countries),
    area: p.area,
    start_year: p.startYear,
    end_year: p.endYear,
    duration_years: p.durationYears,
    closed_per_source: p.closedPerSource ? 1 : 0,
    donors: text(p.donors),
    partners: text(p.partners),
    instruments: text(p.instruments),
    themes: JSON.stringify(p.themes),
    roles: text(p.roles),
    activities: text(p.activities),
    outcomes: text(p.outcomes),
    url: p.url,
    source: p.source,
    confidence: p.confidence,
    notes: p.notes,
  };
}

/** Programmes in the `programmes` table (migration 2026-12-03-011); one code path for SQLite and PostgreSQL. */
export class KyselyProgrammeRepository implements ProgrammeRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect?: DialectInfo,
  ) {}

  async listAll(): Promise<Programme[]> {
    const rows = await this.db.selectFrom('programmes').selectAll().orderBy('id').execute();
    return rows.map(toProgramme);
  }

  async get(id: string): Promise<Programme | null> {
    const row = await this.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toProgramme(row) : null;
  }

  /** Seeds the table once: takes the seed lock so instances starting together on one database seed once. */
  async seedIfEmpty(load: () => Promise<Programme[]>): Promise<boolean> {
    if (!this.dialect) throw new Error('KyselyProgrammeRepository.seedIfEmpty needs the dialect');
    const dialect = this.dialect;
    if (await this.db.selectFrom('programmes').select('id').limit(1).executeTakeFirst()) return false;
    const programmes = await load();
    if (programmes.length === 0) return false;
    return this.db.transaction().execute(async (trx) => {
      await dialect.seedLock(trx);
      // Another instance may have seeded while this one waited for the lock.
      if (await trx.selectFrom('programmes').select('id').limit(1).executeTakeFirst()) return false;
      const rows = programmes.map(programmeRow);
      for (let i = 0; i < rows.length; i += MAX_BATCH_ROWS) {
        await trx
          .insertInto('programmes')
          .values(rows.slice(i, i + MAX_BATCH_ROWS))
          .execute();
      }
      return true;
    });
  }
}

/** data/programmes.json (scripts/build-data/programmes.ts); an absent file reads as no programmes. */
export async function readProgrammesBundle(dir: string): Promise<Programme[]> {
  const path = join(dir, 'programmes.json');
  try {
    return (JSON.parse(await readFile(path, 'utf8')) as { programmes: Programme[] }).programmes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`Cannot read bundled data file ${path}: ${(error as Error).message}`);
  }
}

/** The programmes' write port, bound to the history's transaction (registered in tx-ports.ts; decision 200). */
export class KyselyProgrammeWriteTx implements ProgrammeWriteTx {
  constructor(private readonly trx: Transaction<Database>) {}

  async getProgramme(id: string): Promise<Programme | null> {
    const row = await this.trx.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toProgramme(row) : null;
  }

  async putProgramme(id: string, programme: Programme | null): Promise<void> {
    if (programme === null) {
      await this.trx.deleteFrom('programmes').where('id', '=', id).execute();
      return;
    }
    const { id: _id, ...rest } = programmeRow({ ...programme, id });
    await this.trx
      .insertInto('programmes')
      .values({ id, ...rest })
      .onConflict((oc) => oc.column('id').doUpdateSet(rest))
      .execute();
  }

  async programmeIdsLike(prefix: string): Promise<string[]> {
    const rows = await this.trx.selectFrom('programmes').select('id').where('id', 'like', `${prefix}%`).execute();
    return rows.map((r) => r.id);
  }
}
