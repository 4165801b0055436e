import type { IloOffice } from '../domain/governance/offices.ts';
import type { Programme } from '../domain/programmes/programme.ts';
import { dependencyKey } from './cache-dependencies.ts';
import { OFFICES_TX, PROGRAMMES_TX } from './programme-ports.ts';
import type { RecordKind } from './record-kinds.ts';

type Fields = Record<string, unknown> | null;

/** The States a programme names before and after a change: their cached profiles list it. */
function statesOf(...records: Fields[]): string[] {
  const out = new Set<string>();
  for (const r of records) for (const c of Array.isArray(r?.countries) ? r.countries : []) if (typeof c === 'string') out.add(c);
  return [...out];
}

/**
 * A programme is a record of the Organization itself: the secretariat (and admin) change and revert
 * it (decision 200). The record key is the programme's id in capitals, as the history filters write
 * every key (read back lowered); a revert of its creation removes it.
 */
export const programmeKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(PROGRAMMES_TX).getProgramme(key.toLowerCase()),
  write: (tx, key, value) => tx.port(PROGRAMMES_TX).putProgramme(key.toLowerCase(), value as Programme | null),
  changedKeys: (_key, before, after) => [
    dependencyKey.anyProgramme,
    ...statesOf(before as Fields, after as Fields).map((iso3) => dependencyKey.country(iso3)),
  ],
};

/**
 * An ILO office's contacts, city and States covered (decision 201). Offices are never created or
 * removed by an edit, so a revert always writes a whole office back.
 */
export const iloOfficeKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(OFFICES_TX).getOffice(key.toLowerCase()),
  async write(tx, _key, value) {
    if (value) await tx.port(OFFICES_TX).putOffice(value as IloOffice);
  },
  // Every country profile depends on the offices key (a regional office covers its whole region).
  changedKeys: () => [dependencyKey.anyOffice],
};
