/**
 * Ratifications for scripts/build-data.ts: the per-instrument files, the scattered rows of other
 * Conventions and the Indonesia file, read, merged into one record per State and instrument, and
 * finalised with their declarations (including the later ones of data/later-declarations.csv).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MemberState } from '../../src/domain/country.ts';
import { normaliseIso3 } from '../../src/domain/country.ts';
import type { Confidence } from '../../src/domain/facts.ts';
import { splitSources } from '../../src/domain/facts.ts';
import type { Instrument } from '../../src/domain/instrument.ts';
import { normaliseInstrumentCode } from '../../src/domain/instrument.ts';
import { isOnOrBefore } from '../../src/domain/partial-date.ts';
import type { Declaration, Ratification, RatificationStatus } from '../../src/domain/ratification.ts';
import { type Cells, parseCsv, readCsv, rowsOf } from './csv.ts';
import { byString, compareCodes } from './order.ts';
import { DATA, REF } from './paths.ts';
import { problem, warnings } from './problems.ts';

const RATIFICATION_STATUS_MAP: Record<string, RatificationStatus> = {
  'in force': 'in_force',
  'not in force': 'not_in_force',
  denounced: 'denounced',
};

/** One source row before merging; `origin` names file and line for messages. */
interface RatificationDraft {
  country: string;
  instrument: string;
  registrationDate: string | null;
  status: RatificationStatus | null;
  legalAct: string | null;
  nationalTitle: string | null;
  source: string | null;
  confidence: Confidence | null;
  notes: string | null;
  /** C138 Art 2(1) declared age with the provenance of the row that gave it. */
  minimumAge: { value: number; source: string | null; confidence: Confidence | null } | null;
  origin: string;
}

function readStatus(c: Cells, field: string): RatificationStatus | null {
  const v = c.raw(field).toLowerCase();
  if (v === '') return null;
  const status = RATIFICATION_STATUS_MAP[v];
  if (!status) c.bad(field, `unknown ratification status "${c.raw(field)}"`);
  return status ?? null;
}

/**
 * One file per instrument (`instrument` given), or `ratifications_other.csv` (`instrument` null),
 * whose rows name their Convention in `code` and hold source URLs instead of ids.
 */
function readInstrumentRatifications(fileName: string, instrument: string | null): RatificationDraft[] {
  const withAge = instrument === 'C138';
  const table = readCsv(resolve(REF, fileName), fileName, [
    'iso3',
    instrument ? 'country' : 'code',
    'ratification_date',
    'date_precision',
    'status',
    'source',
    'confidence',
    'notes',
    ...(withAge ? ['minimum_age_specified'] : []),
  ]);
  return rowsOf(table).map((c) => {
    const iso3 = normaliseIso3(c.raw('iso3'));
    if (!iso3) c.bad('iso3', `not an ISO alpha-3 code: "${c.raw('iso3')}"`);
    const confidence = c.confidence('confidence', { required: true });
    const age = withAge ? c.int('minimum_age_specified') : null;
    if (age !== null && (age < 14 || age > 16)) c.bad('minimum_age_specified', `C138 Art 2(1) allows 14, 15 or 16; got ${age}`);
    const code = instrument ?? normaliseInstrumentCode(c.raw('code'));
    if (!code) c.bad('code', `not an instrument code: "${c.raw('code')}"`);
    if (!instrument && (code === 'C138' || code === 'C182')) c.bad('code', `${code} belongs in its own file, not ${fileName}`);
    return {
      country: iso3 ?? c.raw('iso3'),
      instrument: code ?? c.raw('code'),
      registrationDate: c.dateWithPrecision('ratification_date', 'date_precision'),
      status: readStatus(c, 'status'),
      legalAct: null,
      nationalTitle: null,
      source: instrument ? c.text('source') : urlSources(c.text('source')),
      confidence,
      notes: c.text('notes'),
      minimumAge: age === null ? null : { value: age, source: c.text('source'), confidence },
      origin: `${fileName}:${c.rec.line}`,
    };
  });
}

/**
 * URL source lists are separated by " ; " (a URL never holds a spaced semicolon). A free-text
 * source that contains a bare ";" keeps it as "," so the project's separator does not split it.
 */
function urlSources(value: string | null): string | null {
  if (!value) return null;
  const parts = value
    .split(/\s+;\s+/)
    .map((s) => s.trim().replace(/;/g, ','))
    .filter(Boolean);
  return parts.length ? parts.join(';') : null;
}

function readIndonesiaRatifications(): RatificationDraft[] {
  const file = 'ratifications_idn.csv';
  const table = readCsv(resolve(REF, file), file, [
    'code',
    'ratification_date',
    'date_precision',
    'status',
    'legal_act',
    'title_id',
    'source',
    'confidence',
    'notes',
  ]);
  return rowsOf(table).map((c) => {
    const code = normaliseInstrumentCode(c.raw('code'));
    if (!code) c.bad('code', `not an instrument code: "${c.raw('code')}"`);
    const status = readStatus(c, 'status');
    const notes = c.text('notes');
    // A note that reports a denunciation must not sit next to a different status.
    if (notes && /\b(was|been|probably|automatically) denounced\b/i.test(notes) && status !== 'denounced') {
      c.bad('status', `notes report a denunciation but status is "${c.raw('status')}"`);
    }
    return {
      country: 'IDN',
      instrument: code ?? c.raw('code'),
      registrationDate: c.dateWithPrecision('ratification_date', 'date_precision'),
      status,
      legalAct: c.text('legal_act'),
      nationalTitle: c.text('title_id'),
      source: c.text('source'),
      confidence: c.confidence('confidence', { required: true }),
      notes,
      minimumAge: null,
      origin: `${file}:${c.rec.line}`,
    };
  });
}

/** The more precise of two dates that agree; null (with a problem) when they contradict. */
function morePreciseDate(a: string | null, b: string | null, where: string): string | null {
  if (!a || !b) return a ?? b;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.startsWith(short)) {
    problem(where, null, 'ratification_date', `dates contradict: ${a} vs ${b}`);
    return null;
  }
  return long;
}

function unionSources(a: string | null, b: string | null): string | null {
  const ids: string[] = [];
  for (const id of [...splitSources(a), ...splitSources(b)]) if (!ids.includes(id)) ids.push(id);
  return ids.length ? ids.join(';') : null;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * Indonesia's C138/C182 appear in both the per-instrument file and the Indonesia file. They are one
 * ratification: keep the more precise date, all sources, the national act and title from the
 * Indonesia file, and both notes. Contradictions are errors, not silently resolved.
 */
function mergeDrafts(a: RatificationDraft, b: RatificationDraft): RatificationDraft {
  const where = `${a.origin} + ${b.origin}`;
  if (a.status && b.status && a.status !== b.status) problem(where, null, 'status', `statuses contradict: ${a.status} vs ${b.status}`);
  let confidence = a.confidence ?? b.confidence;
  if (a.confidence && b.confidence && a.confidence !== b.confidence) {
    // Two rows about one fact with different confidence: keep the cautious one.
    confidence = CONFIDENCE_RANK[a.confidence] <= CONFIDENCE_RANK[b.confidence] ? a.confidence : b.confidence;
    warnings.push(`${where}: confidence ${a.confidence} vs ${b.confidence}; kept ${confidence}`);
  }
  return {
    country: a.country,
    instrument: a.instrument,
    registrationDate: morePreciseDate(a.registrationDate, b.registrationDate, where),
    status: a.status ?? b.status,
    legalAct: b.legalAct ?? a.legalAct,
    nationalTitle: b.nationalTitle ?? a.nationalTitle,
    source: unionSources(a.source, b.source),
    confidence,
    notes: [a.notes, b.notes].filter(Boolean).join(' | ') || null,
    minimumAge: a.minimumAge ?? b.minimumAge,
    origin: where,
  };
}

/**
 * Later declarations under C138 Art 2(2) (a higher age notified after ratifying), kept in an
 * editorial file because the reference data only mentions them in notes.
 */
function readLaterDeclarations(): Map<string, Declaration[]> {
  const path = resolve(DATA, 'later-declarations.csv');
  const out = new Map<string, Declaration[]>();
  if (!existsSync(path)) return out;
  const rows = parseCsv(readFileSync(path, 'utf8'), 'later-declarations.csv').rows.map((r) => r.fields);
  const [header, ...body] = rows;
  if (!header) return out;
  const col = (name: string) => header.indexOf(name);
  for (const row of body) {
    const get = (name: string) => (row[col(name)] ?? '').trim();
    const value = Number(get('value'));
    if (!Number.isInteger(value) || value < 14 || value > 16)
      throw new Error(`later-declarations.csv: value must be 14, 15 or 16, got "${get('value')}"`);
    const key = `${get('iso3')}/${get('instrument')}`;
    const list = out.get(key) ?? [];
    list.push({
      kind: 'minimum_age',
      article: get('article'),
      value,
      date: get('date') || null,
      source: get('source') || null,
      confidence: (get('confidence') || null) as Declaration['confidence'],
      notes: get('notes') || null,
    });
    out.set(key, list);
  }
  return out;
}

const LATER_DECLARATIONS = readLaterDeclarations();

function finaliseRatification(d: RatificationDraft): Ratification {
  const later = LATER_DECLARATIONS.get(`${d.country}/${d.instrument}`) ?? [];
  const declarations: Declaration[] = d.minimumAge
    ? [
        {
          kind: 'minimum_age',
          article: 'C138 Art 2(1)',
          value: d.minimumAge.value,
          date: d.registrationDate,
          source: d.minimumAge.source,
          confidence: d.minimumAge.confidence,
          notes: null,
        },
      ]
    : [];
  declarations.push(...later);
  return {
    country: d.country,
    instrument: d.instrument,
    registrationDate: d.registrationDate,
    status: d.status,
    legalAct: d.legalAct,
    nationalTitle: d.nationalTitle,
    declarations,
    source: d.source,
    confidence: d.confidence,
    notes: d.notes,
  };
}

/**
 * A registration before the State joined the ILO or before the instrument was adopted is possible
 * (succession to a predecessor's ratification) but worth a look; it is reported, not changed.
 */
function warnIfImplausibleDate(d: RatificationDraft, country?: MemberState, instrument?: Instrument): void {
  const date = d.registrationDate;
  if (!date) return;
  const before = (limit: string | null | undefined) => !!limit && isOnOrBefore(date, limit) === true && date !== limit;
  if (before(country?.membershipDate)) {
    warnings.push(`${d.origin}: ${d.country} ${d.instrument} registered ${date}, before ILO membership ${country?.membershipDate}`);
  }
  if (before(instrument?.adoptionDate)) {
    warnings.push(`${d.origin}: ${d.country} ${d.instrument} registered ${date}, before adoption ${instrument?.adoptionDate}`);
  }
}

export function buildRatifications(countries: Map<string, MemberState>, instruments: Map<string, Instrument>): Ratification[] {
  const perInstrument = [
    ...readInstrumentRatifications('ratifications_c138.csv', 'C138'),
    ...readInstrumentRatifications('ratifications_c182.csv', 'C182'),
  ];
  const byKey = new Map<string, RatificationDraft>();
  for (const d of perInstrument) {
    const key = `${d.country}|${d.instrument}`;
    const prev = byKey.get(key);
    if (prev) problem(d.origin, null, 'iso3', `duplicate ${d.country} ${d.instrument} (first at ${prev.origin})`);
    else byKey.set(key, d);
  }
  // Scattered rows of other Conventions: the same key twice is a data error, as above.
  for (const d of readInstrumentRatifications('ratifications_other.csv', null)) {
    const key = `${d.country}|${d.instrument}`;
    const prev = byKey.get(key);
    if (prev) problem(d.origin, null, 'code', `duplicate ${d.country} ${d.instrument} (first at ${prev.origin})`);
    else byKey.set(key, d);
  }
  const idnSeen = new Set<string>();
  for (const d of readIndonesiaRatifications()) {
    const key = `${d.country}|${d.instrument}`;
    if (idnSeen.has(key)) problem(d.origin, null, 'code', `duplicate ${d.instrument} in the Indonesia file`);
    idnSeen.add(key);
    const prev = byKey.get(key);
    byKey.set(key, prev ? mergeDrafts(prev, d) : d);
  }
  for (const d of byKey.values()) {
    const country = countries.get(d.country);
    const instrument = instruments.get(d.instrument);
    if (!country) problem(d.origin, null, 'iso3', `${d.country} is not in member_states.csv`);
    if (!instrument) problem(d.origin, null, 'code', `${d.instrument} is not in instruments.csv`);
    warnIfImplausibleDate(d, country, instrument);
  }
  return [...byKey.values()]
    .sort((a, b) => byString(a.country, b.country) || compareCodes(a.instrument, b.instrument))
    .map(finaliseRatification);
}
