/** Counts and known gaps of the built data, for the build's summary and data/README.md. */
import type { MemberState } from '../../src/domain/country.ts';
import type { CompleteList } from '../../src/domain/coverage.ts';
import type { IlcSession } from '../../src/domain/ilc-session.ts';
import type { Instrument } from '../../src/domain/instrument.ts';
import { parsePartialDate } from '../../src/domain/partial-date.ts';
import type { Ratification } from '../../src/domain/ratification.ts';
import { byString } from './order.ts';
import type { SourceEntry } from './sources.ts';

export function count<T>(items: readonly T[], pred: (x: T) => boolean): number {
  return items.reduce((n, x) => n + (pred(x) ? 1 : 0), 0);
}

function tally<T>(items: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => byString(a, b)));
}

function precisionOf(date: string | null): 'none' | 'year' | 'month' | 'day' {
  return date ? (parsePartialDate(date)?.precision ?? 'none') : 'none';
}

function fmtTally(t: Record<string, number>): string {
  return Object.entries(t)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

export interface Stats {
  lines: [string, string][];
}

export function computeStats(
  instruments: Instrument[],
  countries: MemberState[],
  ratifications: Ratification[],
  sessions: IlcSession[],
  sources: SourceEntry[],
  missingSources: string[],
  completeLists: CompleteList[],
): Stats {
  const c138 = ratifications.filter((r) => r.instrument === 'C138');
  const c182 = ratifications.filter((r) => r.instrument === 'C182');
  const idn = ratifications.filter((r) => r.country === 'IDN');
  const numbers = new Set(sessions.map((s) => s.number));
  const maxSession = Math.max(...numbers);
  const missingSessions = Array.from({ length: maxSession }, (_, k) => k + 1).filter((n) => !numbers.has(n));
  const lines: [string, string][] = [
    ['instruments', `${instruments.length} (${fmtTally(tally(instruments, (i) => i.type))})`],
    ['instruments: confidence', fmtTally(tally(instruments, (i) => i.confidence ?? 'null'))],
    ['instruments: no status (null)', String(count(instruments, (i) => i.status === null))],
    ['instruments: no category (null)', String(count(instruments, (i) => i.category === null))],
    [
      'instruments: adoption date to the day / year only / unknown',
      `${count(instruments, (i) => precisionOf(i.adoptionDate) === 'day')} / ${count(instruments, (i) => precisionOf(i.adoptionDate) === 'year')} / ${count(instruments, (i) => i.adoptionDate === null)}`,
    ],
    ['instruments: no ILC session (null)', String(count(instruments, (i) => i.ilcSession === null))],
    [
      'instruments: no entry into force (null; Conventions and Protocols)',
      String(count(instruments, (i) => i.type !== 'recommendation' && i.entryIntoForce === null)),
    ],
    [
      'instruments: title recalled by the compiler, unverified',
      String(count(instruments, (i) => (i.source ?? '').includes('COMPILER-RECALL-UNVERIFIED'))),
    ],
    ['instruments: with revises', String(count(instruments, (i) => i.revises.length > 0))],
    ['instruments: ratification EIF delay known', String(count(instruments, (i) => i.ratificationEifMonths !== null))],
    [
      'instruments: published count known / gap row / no row',
      `${count(instruments, (i) => i.publishedCount?.count != null)} / ${count(instruments, (i) => i.publishedCount !== null && i.publishedCount.count === null)} / ${count(instruments, (i) => i.publishedCount === null)}`,
    ],
    [
      'instruments: Indonesian title official / unofficial / none',
      `${count(instruments, (i) => i.titleIdKind === 'official')} / ${count(instruments, (i) => i.titleIdKind === 'unofficial')} / ${count(instruments, (i) => i.titleId === null)}`,
    ],
    [
      'instruments: with at least one subject / none',
      `${count(instruments, (i) => i.subjects.length > 0)} / ${count(instruments, (i) => i.subjects.length === 0)}`,
    ],
    ['countries', String(countries.length)],
    ['countries: region', fmtTally(tally(countries, (c) => c.region ?? 'null'))],
    ['countries: no Indonesian name (null)', String(count(countries, (c) => c.nameId === null))],
    ['countries: no membership date (null)', String(count(countries, (c) => c.membershipDate === null))],
    [
      'ratifications',
      `${ratifications.length} (C138 ${c138.length}, C182 ${c182.length}, other Indonesian ${count(idn, (r) => r.instrument !== 'C138' && r.instrument !== 'C182')}, other scattered ${count(ratifications, (r) => r.country !== 'IDN' && r.instrument !== 'C138' && r.instrument !== 'C182')})`,
    ],
    [
      'ratifications: other scattered (partial): States / Conventions',
      `${new Set(ratifications.filter((r) => r.country !== 'IDN' && r.instrument !== 'C138' && r.instrument !== 'C182').map((r) => r.country)).size} / ${new Set(ratifications.filter((r) => r.country !== 'IDN' && r.instrument !== 'C138' && r.instrument !== 'C182').map((r) => r.instrument)).size}`,
    ],
    ['complete lists (all others are partial)', completeLists.map((l) => `${l.scope} ${l.code}`).join(', ') || 'none'],
    ['ratifications: Indonesia', String(idn.length)],
    ['C138: no declared minimum age', String(count(c138, (r) => r.declarations.length === 0))],
    [
      'C138: declared age 14 / 15 / 16',
      `${count(c138, (r) => r.declarations[0]?.value === 14)} / ${count(c138, (r) => r.declarations[0]?.value === 15)} / ${count(c138, (r) => r.declarations[0]?.value === 16)}`,
    ],
    [
      'C138: date to the day / year only / no date',
      `${count(c138, (r) => precisionOf(r.registrationDate) === 'day')} / ${count(c138, (r) => precisionOf(r.registrationDate) === 'year')} / ${count(c138, (r) => r.registrationDate === null)}`,
    ],
    ['C138: no status (null)', String(count(c138, (r) => r.status === null))],
    ['C138: confidence', fmtTally(tally(c138, (r) => r.confidence ?? 'null'))],
    [
      'C182: date to the day / year only / no date',
      `${count(c182, (r) => precisionOf(r.registrationDate) === 'day')} / ${count(c182, (r) => precisionOf(r.registrationDate) === 'year')} / ${count(c182, (r) => r.registrationDate === null)}`,
    ],
    ['C182: no status (null)', String(count(c182, (r) => r.status === null))],
    [
      'Indonesia: date to the day / year only / no date',
      `${count(idn, (r) => precisionOf(r.registrationDate) === 'day')} / ${count(idn, (r) => precisionOf(r.registrationDate) === 'year')} / ${count(idn, (r) => r.registrationDate === null)}`,
    ],
    ['Indonesia: status', fmtTally(tally(idn, (r) => r.status ?? 'null'))],
    [
      'Indonesia: no legal act / no national title',
      `${count(idn, (r) => r.legalAct === null)} / ${count(idn, (r) => r.nationalTitle === null)}`,
    ],
    ['ILC sessions', `${sessions.length} (of 1-${maxSession}; ${missingSessions.length} missing)`],
    [
      'ILC sessions: no opening date / no closing date / no place',
      `${count(sessions, (s) => s.openingDate === null)} / ${count(sessions, (s) => s.closingDate === null)} / ${count(sessions, (s) => s.place === null)}`,
    ],
    ['sources', String(sources.length)],
    ['sources: URLs given in the data itself (the URL is the description)', String(count(missingSources, (id) => /^https?:\/\//.test(id)))],
    [
      'sources: other ids used but not described in SOURCES.md (description null)',
      missingSources.filter((id) => !/^https?:\/\//.test(id)).join(', ') || 'none',
    ],
  ];
  return { lines };
}
