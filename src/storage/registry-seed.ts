/* Seeding the registry from the bundled data: moved out of registry-repository.ts to keep it small. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RegistryBundle, SeedResult } from '../services/ports.ts';
import { declarationRows, ratificationRow } from './batch-writes.ts';
import { replaceCompleteLists } from './complete-lists.ts';
import type { DialectInfo } from './dialect.ts';
import { bumpEverything } from './record-versions.ts';
import { fromCountry, fromInstrument } from './registry-rows.ts';
import type { CountriesTable, Database, DeclarationsTable, IlcSessionsTable, InstrumentsTable } from './schema.ts';

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function seedRegistry(db: Kysely<Database>, dialect: DialectInfo, input: RegistryBundle): Promise<SeedResult> {
  const batch = (columns: number) => Math.max(1, Math.floor(Math.min(1000 * columns, dialect.maxParams) / columns));
  return db.transaction().execute(async (trx) => {
    await dialect.seedLock(trx);
    // Records someone edited keep their edits: the bundle only fills and refreshes untouched ones.
    const edited = new Set(
      (await trx.selectFrom('events').select(['record_type', 'record_key']).distinct().execute()).map(
        (e) => `${e.record_type}:${e.record_key}`,
      ),
    );
    const bundle: RegistryBundle = {
      ...input,
      instruments: input.instruments.filter((i) => !edited.has(`instrument:${i.code}`)),
      ratifications: input.ratifications.filter((r) => !edited.has(`ratification:${r.country}/${r.instrument}`)),
      nationalProfiles: input.nationalProfiles.filter((p) => !edited.has(`national_profile:${p.iso3}`)),
    };
    for (const rows of chunks(bundle.sources, batch(2))) {
      await trx
        .insertInto('sources')
        .values(rows)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ description: eb.ref('excluded.description') })))
        .execute();
    }
    const instrumentRows = bundle.instruments.map(fromInstrument);
    for (const rows of chunks(instrumentRows, batch(23))) {
      await trx
        .insertInto('instruments')
        .values(rows)
        .onConflict((oc) => oc.column('code').doUpdateSet(excludedAll<InstrumentsTable>(instrumentRows[0], ['code'])))
        .execute();
    }
    const countryRows = bundle.countries.map(fromCountry);
    for (const rows of chunks(countryRows, batch(11))) {
      await trx
        .insertInto('countries')
        .values(rows)
        .onConflict((oc) => oc.column('iso3').doUpdateSet(excludedAll<CountriesTable>(countryRows[0], ['iso3'])))
        .execute();
    }
    const sessionRows: IlcSessionsTable[] = bundle.ilcSessions.map((s) => ({
      number: s.number,
      year: s.year,
      opening_date: s.openingDate,
      closing_date: s.closingDate,
      place: s.place,
      source: s.source,
      confidence: s.confidence,
      notes: s.notes,
    }));
    for (const rows of chunks(sessionRows, batch(8))) {
      await trx
        .insertInto('ilc_sessions')
        .values(rows)
        .onConflict((oc) => oc.column('number').doUpdateSet(excludedAll<IlcSessionsTable>(sessionRows[0], ['number'])))
        .execute();
    }
    const ratRows = bundle.ratifications.map(ratificationRow);
    for (const rows of chunks(ratRows, batch(9))) {
      await trx
        .insertInto('ratifications')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['country_iso3', 'instrument_code']).doUpdateSet(excludedAll(ratRows[0], ['country_iso3', 'instrument_code'])),
        )
        .execute();
    }
    // Declarations have no natural key of their own: the bundled ones are replaced wholesale.
    const ids = await trx.selectFrom('ratifications').select(['id', 'country_iso3', 'instrument_code']).execute();
    const idOf = new Map(ids.map((r) => [`${r.country_iso3}/${r.instrument_code}`, Number(r.id)]));
    const declRows: Omit<DeclarationsTable, 'id'>[] = [];
    for (const r of bundle.ratifications) {
      const id = idOf.get(`${r.country}/${r.instrument}`);
      if (id === undefined) continue;
      declRows.push(...declarationRows(id, r.declarations));
    }
    const profileRows = bundle.nationalProfiles.map((p) => ({
      iso3: p.iso3,
      profile: JSON.stringify(p),
      source: p.sources.join(';') || null,
    }));
    for (const rows of chunks(profileRows, batch(3))) {
      await trx
        .insertInto('national_profiles')
        .values(rows)
        .onConflict((oc) =>
          oc.column('iso3').doUpdateSet((eb) => ({ profile: eb.ref('excluded.profile'), source: eb.ref('excluded.source') })),
        )
        .execute();
    }
    await replaceCompleteLists(trx, bundle.completeLists ?? []);
    const touched = [...new Set(declRows.map((d) => d.ratification_id))];
    for (const part of chunks(touched, 1000)) await trx.deleteFrom('declarations').where('ratification_id', 'in', part).execute();
    for (const rows of chunks(declRows, batch(8))) await trx.insertInto('declarations').values(rows).execute();
    await trx
      .insertInto('meta')
      .values({
        key: 'data_version',
        value: randomUUID(),
      })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
    await bumpEverything(trx);
    await trx
      .insertInto('meta')
      .values({
        key: 'seeded_at_data',
        value: JSON.stringify({ instruments: bundle.instruments.length, ratifications: bundle.ratifications.length }),
      })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
    return {
      instruments: instrumentRows.length,
      countries: countryRows.length,
      ratifications: ratRows.length,
      declarations: declRows.length,
      ilcSessions: sessionRows.length,
      sources: bundle.sources.length,
      nationalProfiles: profileRows.length,
    };
  });
}

/** `SET col = excluded.col` for every column of a row except the conflict key. */
function excludedAll<T extends object>(sample: T | undefined, key: string[]) {
  const cols = sample ? Object.keys(sample).filter((c) => !key.includes(c)) : [];
  return (eb: any) => Object.fromEntries(cols.map((c) => [c, eb.ref(`excluded.${c}`)]));
}
