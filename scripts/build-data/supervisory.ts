/**
 * Supervisory comments and procedures for scripts/build-data.ts (decision 140):
 * - the Art 24 representations and Art 26 complaints of supervisory_cases.csv, every row kept with
 *   its source, confidence and notes; the outcome verbatim, the stage read from it (or unknown);
 * - the CEACR comments the reference data identifies by their NORMLEX comment id: those cited in
 *   the C138/C182 files (kind and year only where the row's note states them), the Indonesian
 *   comments listed in SOURCES.md and ratifications_idn.csv, and the Afghan C137 comment;
 * - two CAS cases the sources identify (Gambia C138, 2024; Indonesia C098).
 * Summaries are our own words, only for comments whose content a source quotes.
 */
import { resolve } from 'node:path';
import type { Confidence } from '../../src/domain/facts.ts';
import {
  type CommentKind,
  procedureId,
  type SupervisoryComment,
  type SupervisoryProcedure,
  stageFromOutcome,
} from '../../src/domain/supervision/comments.ts';
import { readCsv, rowsOf } from './csv.ts';
import { REF } from './paths.ts';
import { warnings } from './problems.ts';
import { IDN_COMMENTS, SUMMARIES } from './supervisory-curated.ts';

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** The NORMLEX address of a comment, in the form SOURCES.md cites (NORMLEX-CEACR-IDN-C138). */
export function normlexCommentUrl(id: string): string {
  return `https://normlex.ilo.org/dyn/normlex/en/f?p=1000%3A13101%3A0%3A%3ANO%3A13101%3AP13101_COMMENT_ID%3A${id}`;
}

/** The comment id of a complete NORMLEX comment address (a cut-off address gives none). */
export function commentIdOf(url: string): string | null {
  const m =
    /P13100_COUNTRY_ID%3A(\d{6,8})%2C\d{6,7}/.exec(url) ??
    /P13100_LANG_CODE%3A(\d{6,8})%2C[a-z]{2}/.exec(url) ??
    /P13101_COMMENT_ID%3A(\d{6,8})(?:$|[^\d])/.exec(url);
  return m?.[1] ?? null;
}

const KIND: Record<string, CommentKind> = {
  DR: 'direct_request',
  'direct request': 'direct_request',
  obs: 'observation',
  observation: 'observation',
};

/** "CEACR DR 2003 on C138", "NORMLEX C182 direct request 2008 (98th ILC 2009)" at the start of a note. */
const LEAD =
  /^(?:confirms value(?: \(year only\))?; |not merged \(low confidence\); (?:inferred only: )?)?(?:CEACR|NORMLEX(?: (C\d{3}))?) (DR|obs|direct request|observation) (\d{4})(?: on (C\d{3}))?(?: \((\d+)(?:st|nd|rd|th) ILC (\d{4})\))?/;
/** "CEACR DR 2004 (https://…)", "observation 2024 (https://…)" inside a note. */
const EMBEDDED = /(?:CEACR )?\b(DR|obs|direct request|observation) (\d{4})(?: header '[^']*')? \((https?:\/\/[^\s)]+)\)/g;
/** Any other complete NORMLEX address inside a note, "(https://…)" or "… ; https://…". */
const ANY_URL = /https?:\/\/[^\s)'";]+COMMENT_ID[^\s)'";]+/g;

function blank(id: string, country: string, instrument: string, source: string, confidence: Confidence): SupervisoryComment {
  return {
    id,
    country,
    instruments: [instrument],
    kind: null,
    year: null,
    session: null,
    sessionYear: null,
    normlexId: id,
    url: normlexCommentUrl(id),
    summaryEn: null,
    summaryId: null,
    requestsReply: false,
    source,
    confidence,
    notes: null,
  };
}

/** Merges what two rows say of one comment: known values fill unknown ones; two different known values become unknown. */
function merge(into: SupervisoryComment, from: SupervisoryComment): void {
  for (const field of ['kind', 'year', 'session', 'sessionYear'] as const) {
    const a = into[field];
    const b = from[field];
    if (a === null) (into as unknown as Record<string, unknown>)[field] = b;
    else if (b !== null && a !== b) {
      warnings.push(`comment ${into.id}: sources disagree on ${field} (${a} / ${b}); left unknown`);
      (into as unknown as Record<string, unknown>)[field] = null;
      into.notes = [into.notes, `The sources disagree on the ${field} (${a} / ${b}).`].filter(Boolean).join(' ');
    }
  }
  if (RANK[from.confidence] > RANK[into.confidence]) into.confidence = from.confidence;
  if (from.notes && !into.notes?.includes(from.notes)) into.notes = [into.notes, from.notes].filter(Boolean).join(' ');
}

/** Comments cited in the C138/C182 files: the source column's address, and addresses in the notes. */
function commentsFromRatificationFiles(add: (c: SupervisoryComment) => void): void {
  const files = [
    { file: 'additions_c138.csv', instrument: 'C138', urlField: 'source_url', notesField: 'notes', parseNotes: true },
    { file: 'additions_c182.csv', instrument: 'C182', urlField: 'source_url', notesField: 'notes', parseNotes: true },
    // The main files cut long notes: only their source column's complete addresses are used.
    { file: 'ratifications_c138.csv', instrument: 'C138', urlField: 'source', notesField: 'notes', parseNotes: false },
    { file: 'ratifications_c182.csv', instrument: 'C182', urlField: 'source', notesField: 'notes', parseNotes: false },
  ];
  for (const spec of files) {
    const table = readCsv(resolve(REF, spec.file), spec.file, ['iso3', spec.urlField, 'confidence', 'notes']);
    for (const c of rowsOf(table)) {
      const iso3 = c.raw('iso3');
      const notes = c.raw(spec.notesField);
      const confidence = c.confidence('confidence', { required: false }) ?? 'low';
      // A Conference Committee page is a CAS case (see CAS_CASES), not a comment of the Committee of Experts.
      const isCas = /\bCAS\b/.test(notes.slice(0, 60));
      const lead = spec.parseNotes ? LEAD.exec(notes) : null;
      const instrument = lead?.[4] ?? lead?.[1] ?? (/NORMLEX (C\d{3})/.exec(notes)?.[1] || spec.instrument);
      const sourceId = instrument === 'C182' ? 'NORMLEX-CEACR-C182' : 'NORMLEX-CEACR-C138';
      const origin = `${spec.file}, ${iso3} ${c.raw('field') || 'row'}`;
      const make = (url: string, kind: string | null, year: string | null, session?: string, sessionYear?: string) => {
        const id = commentIdOf(url);
        if (!id || isCas) return;
        const comment = blank(id, iso3, instrument, sourceId, confidence);
        comment.url = url;
        comment.kind = kind ? (KIND[kind] ?? null) : null;
        comment.year = year ? Number(year) : null;
        comment.session = session ? Number(session) : null;
        comment.sessionYear = sessionYear ? Number(sessionYear) : null;
        comment.notes = `Cited in ${origin}.`;
        add(comment);
      };
      for (const url of c.raw(spec.urlField).split(/\s*;\s*/)) {
        if (url.includes('COMMENT_ID')) make(url, lead?.[2] ?? null, lead?.[3] ?? null, lead?.[5], lead?.[6]);
      }
      if (!spec.parseNotes) continue;
      const dated = new Set<string>();
      for (const m of notes.matchAll(EMBEDDED)) {
        make(m[3] as string, m[1] as string, m[2] as string);
        dated.add(m[3] as string);
      }
      for (const m of notes.matchAll(ANY_URL)) if (!dated.has(m[0])) make(m[0], null, null);
    }
  }
}

function idnConfidence(): Map<string, Confidence> {
  const file = 'ratifications_idn.csv';
  const out = new Map<string, Confidence>();
  for (const c of rowsOf(readCsv(resolve(REF, file), file, ['code', 'confidence']))) {
    const conf = c.confidence('confidence', { required: false });
    if (conf) out.set(c.raw('code'), conf);
  }
  return out;
}

function curatedComments(add: (c: SupervisoryComment) => void): void {
  const confidence = idnConfidence();
  for (const group of IDN_COMMENTS) {
    for (const [id, year] of group.ids) {
      const c = blank(id, 'IDN', group.instrument, group.source, confidence.get(group.instrument) ?? 'medium');
      c.year = year ?? null;
      c.notes =
        year !== undefined
          ? `Listed in SOURCES.md (${group.source}); the year is the one ratifications_idn.csv gives beside the comment id.`
          : `Listed in SOURCES.md (${group.source}).`;
      add(c);
    }
  }
  const dr2003 = blank('2233949', 'IDN', 'C138', 'NORMLEX-CEACR-IDN-C138-2003', confidence.get('C182') ?? 'medium');
  add({
    ...dr2003,
    kind: 'direct_request',
    year: 2003,
    notes: 'SOURCES.md: the 2003 direct request (NORMLEX-CEACR-IDN-C138), Spanish view.',
  });
  const mlc = blank('4051152', 'IDN', 'C186', 'NORMLEX-CEACR-IDN-C186-2020', confidence.get('C186') ?? 'medium');
  add({ ...mlc, kind: 'direct_request', year: 2020, notes: 'SOURCES.md: the direct request on the first report under the MLC, 2006.' });
  const joint = blank('4415652', 'IDN', 'C120', 'NORMLEX-CEACR-IDN-C120-C187', confidence.get('C120') ?? 'medium');
  add({
    ...joint,
    instruments: ['C120', 'C187'],
    kind: 'direct_request',
    year: 2024,
    notes: 'SOURCES.md: a joint direct request on C120 and C187.',
  });
  const afg = blank('2282386', 'AFG', 'C137', 'NORMLEX-CEACR-AFG-C137', 'medium');
  add({
    ...afg,
    session: 97,
    sessionYear: 2008,
    url: 'http://ilo.org/dyn/normlex/en/f?p=1000%3A13100%3A0%3A%3ANO%3A13100%3AP13100_COMMENT_ID%2CP13100_COUNTRY_ID%3A2282386%2C102945',
    notes: 'SOURCES.md: "published 97th ILC session (2008)". The confidence is not stated there: medium by default of the pass.',
  });
}

export function buildSupervisoryComments(): SupervisoryComment[] {
  const byId = new Map<string, SupervisoryComment>();
  const add = (c: SupervisoryComment) => {
    const had = byId.get(c.id);
    if (!had) byId.set(c.id, c);
    else if (had.country !== c.country || had.instruments.join() !== c.instruments.join())
      warnings.push(`comment ${c.id}: cited for ${had.country} ${had.instruments} and ${c.country} ${c.instruments}; kept the first`);
    else merge(had, c);
  };
  curatedComments(add);
  commentsFromRatificationFiles(add);
  for (const c of byId.values()) {
    const s = SUMMARIES[c.id];
    if (s) {
      [c.summaryEn, c.summaryId] = s.text;
      c.requestsReply = s.reply ?? false;
    }
  }
  return [...byId.values()].sort(
    (a, b) =>
      a.country.localeCompare(b.country) || (a.instruments[0] ?? '').localeCompare(b.instruments[0] ?? '') || a.id.localeCompare(b.id),
  );
}

/** The 23 representations and complaints, as the CSV states them. */
export function readSupervisoryCases(): SupervisoryProcedure[] {
  const file = 'supervisory_cases.csv';
  const table = readCsv(resolve(REF, file), file, [
    'procedure',
    'iso3',
    'country',
    'conventions',
    'year',
    'filed_by',
    'outcome',
    'source',
    'confidence',
    'notes',
  ]);
  const taken = new Set<string>();
  const out: SupervisoryProcedure[] = [];
  for (const c of rowsOf(table)) {
    const raw = c.required('procedure');
    const procedure = raw === 'Art24' ? 'art24' : raw === 'Art26' ? 'art26' : null;
    if (!procedure) {
      c.bad('procedure', `expected Art24 or Art26, got "${raw}"`);
      continue;
    }
    const filedBy = c.text('filed_by');
    const outcome = c.text('outcome');
    const source = c.required('source');
    const p: SupervisoryProcedure = {
      id: '',
      procedure,
      country: c.required('iso3'),
      instruments: c
        .required('conventions')
        .split(';')
        .map((s) => s.trim()),
      year: c.int('year'),
      session: null,
      // "(not in excerpt)" says the source does not give it: unknown, kept in the notes.
      filedBy: filedBy && /not in excerpt/.test(filedBy) ? null : filedBy,
      stage: stageFromOutcome(procedure, outcome),
      outcome,
      conclusionsEn: null,
      conclusionsId: null,
      url: /https?:\/\/\S+/.exec(source)?.[0] ?? null,
      source,
      confidence: c.confidence('confidence', { required: true }) ?? 'low',
      notes:
        [c.text('notes'), filedBy && /not in excerpt/.test(filedBy) ? `Filed by: ${filedBy}.` : null].filter(Boolean).join(' ') || null,
    };
    p.id = procedureId(p, (id) => taken.has(id));
    taken.add(p.id);
    out.push(p);
  }
  return out;
}

/** Conference Committee cases the sources identify (NORMLEX-CEACR-C138 and ratifications_idn.csv). */
export function casCases(taken: Set<string>): SupervisoryProcedure[] {
  const cases: Omit<SupervisoryProcedure, 'id'>[] = [
    {
      procedure: 'cas',
      country: 'GMB',
      instruments: ['C138'],
      year: 2024,
      session: null,
      filedBy: null,
      stage: 'discussed',
      outcome: null,
      conclusionsEn: null,
      conclusionsId: null,
      url: normlexCommentUrl('3294180'),
      source: 'NORMLEX-CEACR-C138',
      confidence: 'high',
      notes:
        'The Conference Committee page of 2024 quotes the Government representative on the dates Gambia ratified C138 and C182 (additions_c138.csv, additions_c182.csv). Its conclusions are not in the stored excerpt.',
    },
    {
      procedure: 'cas',
      country: 'IDN',
      instruments: ['C098'],
      year: null,
      session: null,
      filedBy: null,
      stage: 'discussed',
      outcome: null,
      conclusionsEn: null,
      conclusionsId: null,
      url: normlexCommentUrl('2555506'),
      source: 'NORMLEX-CEACR-IDN-C098',
      confidence: 'medium',
      notes:
        'ratifications_idn.csv lists NORMLEX page 2555506 as a CAS page and says "CAS discussed 2023"; whether this page is the 2023 discussion is not stated, so the year is left unknown.',
    },
  ];
  return cases.map((c) => {
    const id = procedureId(c, (x) => taken.has(x));
    taken.add(id);
    return { id, ...c };
  });
}

export function buildSupervisoryProcedures(): SupervisoryProcedure[] {
  const cases = readSupervisoryCases();
  return [...cases, ...casCases(new Set(cases.map((c) => c.id)))];
}

/**
 * The build step: reads and checks now (problems stop the build before anything is written) and
 * returns the writer of data/supervisory-comments.json and data/supervisory-cases.json.
 */
export function supervisoryStep(writeJson: (name: string, data: unknown) => void): () => void {
  const comments = buildSupervisoryComments();
  const procedures = buildSupervisoryProcedures();
  return () => {
    writeJson('supervisory-comments.json', comments);
    writeJson('supervisory-cases.json', procedures);
    console.log(`build-data: wrote data/supervisory-comments.json (${comments.length}), supervisory-cases.json (${procedures.length})`);
  };
}
