import type { Actor } from '../domain/access/policy.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import type { Lang } from '../domain/facts.ts';
import type { Delegation } from '../domain/governance/delegation.ts';
import {
  type AdoptedInstrumentRef,
  type BallotVote,
  type ConferenceVote,
  checkBallots,
  type RecordedBallot,
  resultOf,
} from '../domain/governance/recorded-vote.ts';
import { BALLOT_VOTES, countIssues, explainVote, isVoteKind, type VoteKind, type VoteResult } from '../domain/governance/vote.ts';
import { type Instrument, instrumentTypeOfCode, normaliseInstrumentCode } from '../domain/instrument.ts';
import { isIsoDay, parsePartialDate } from '../domain/partial-date.ts';
import { refuseNul } from '../domain/text.ts';
import { sessionNumberOk } from './conference-edits.ts';
import { CONFERENCE_TX, voteKey } from './conference-ports.ts';
import { checkCitation, clean, fail, MAX_TEXT_LENGTH } from './edit-validation.ts';
import type { ChangeEvent, HistoryRepository, RegistryWriteTx } from './history-ports.ts';
import { authoriseWrite } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';

/** A recorded vote with the engine's verdict, computed when read (never stored). */
export interface VoteView extends ConferenceVote {
  /** Null when the vote cannot be evaluated against the delegations as they now stand (see `resultProblem`). */
  result: VoteResult | null;
  resultProblem: string | null;
}

export function voteView(vote: ConferenceVote, delegations: readonly Delegation[]): VoteView {
  try {
    return { ...vote, result: resultOf(vote, delegations), resultProblem: null };
  } catch (e) {
    if (e instanceof DomainError) return { ...vote, result: null, resultProblem: e.message };
    throw e;
  }
}

/** A vote as the API and the CLI print it: with its explanation in the reader's language. */
export function withExplanation(vote: VoteView, lang: Lang): VoteView & { explanation: string[] } {
  return { ...vote, explanation: vote.result ? explainVote(vote.result, lang) : [] };
}

export interface VoteInput extends Citation {
  session: number;
  agendaItem?: number | null;
  kind: VoteKind;
  date: string;
  /** Counts-only votes: the figures of the record. */
  for?: number | null;
  against?: number | null;
  abstain?: number | null;
  delegatesAttending: number;
  /** A record vote: each delegate's vote (Art 4(1)); the counts then come from the ballots. */
  ballots?: { delegateId: string; vote: BallotVote }[] | null;
  /** A final vote (kind instrument): the Convention, Protocol or Recommendation it adopts. */
  instrument?: { code: string; titleEn?: string | null; type?: string | null } | null;
  notes?: string | null;
}

export interface VoteRecorded {
  event: ChangeEvent;
  vote: VoteView;
  /** The registry's change to the instrument a final vote adopted (null: none, or nothing changed). */
  instrument: ChangeResult<Instrument> | null;
}

const given = (n: number | null | undefined) => n !== undefined && n !== null;

/** Far above any Conference (187 member States × 4 delegates), and within every engine's integer column. */
export const MAX_ATTENDING = 100_000;

function formIssues(input: VoteInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  if (!sessionNumberOk(input.session)) issues.push({ field: 'session', message: 'the session number is a whole number from 1 to 999' });
  if (!isVoteKind(input.kind)) issues.push({ field: 'kind', message: 'kind must be ordinary, instrument or amendment' });
  if (typeof input.date !== 'string' || !isIsoDay(input.date))
    issues.push({ field: 'date', message: 'date must be the day of the vote, YYYY-MM-DD' });
  if (given(input.agendaItem) && (!Number.isInteger(input.agendaItem) || (input.agendaItem as number) < 1))
    issues.push({ field: 'agendaItem', message: 'agendaItem is the position of an item on the agenda (1, 2, …)' });
  if ((input.notes ?? '').length > MAX_TEXT_LENGTH)
    issues.push({ field: 'notes', message: `notes must be at most ${MAX_TEXT_LENGTH} characters` });
  if (typeof input.delegatesAttending === 'number' && input.delegatesAttending > MAX_ATTENDING)
    issues.push({ field: 'delegatesAttending', message: `delegatesAttending must be at most ${MAX_ATTENDING}` });
  const ballots = input.ballots;
  if (ballots) {
    if (given(input.for) || given(input.against) || given(input.abstain))
      issues.push({
        field: 'ballots',
        message: 'give either the counts (for, against, abstain) or the ballots of a record vote, not both',
      });
    ballots.forEach((b, i) => {
      if (!(BALLOT_VOTES as readonly string[]).includes(b?.vote))
        issues.push({ field: `ballots[${i}].vote`, message: 'a vote is for, against or abstain' });
    });
    issues.push(...countIssues({ for: 0, against: 0, abstain: 0, delegatesAttending: input.delegatesAttending }));
  } else {
    issues.push(
      ...countIssues({
        for: input.for as number,
        against: input.against as number,
        abstain: input.abstain as number,
        delegatesAttending: input.delegatesAttending,
      }),
    );
  }
  const instrument = input.instrument;
  if (instrument && input.kind !== 'instrument')
    issues.push({ field: 'instrument', message: 'only a final vote (kind instrument) adopts an instrument' });
  if (instrument) {
    const code = normaliseInstrumentCode(instrument.code ?? '');
    if (!code) issues.push({ field: 'instrument.code', message: 'an instrument code looks like C190, P029 or R206' });
    else if (clean(instrument.type ?? null) && instrumentTypeOfCode(code) !== instrument.type)
      issues.push({ field: 'instrument.type', message: `${code} is a ${instrumentTypeOfCode(code)}` });
    if ((instrument.titleEn ?? '').length > MAX_TEXT_LENGTH)
      issues.push({ field: 'instrument.titleEn', message: `the title must be at most ${MAX_TEXT_LENGTH} characters` });
  }
  return issues;
}

function tally(ballots: readonly RecordedBallot[]): { for: number; against: number; abstain: number } {
  const t = { for: 0, against: 0, abstain: 0 };
  for (const b of ballots) t[b.vote]++;
  return t;
}

/**
 * Records a vote of the Conference (secretariat). A final vote (kind instrument) that the engine
 * finds adopted enters its instrument in the registry, with the vote's date and session, as an
 * `instrument` event in the same transaction as the vote's own event: both land, or neither.
 */
export async function recordVote(store: HistoryRepository, actor: Actor | null, input: VoteInput, now: Date): Promise<VoteRecorded> {
  refuseNul(input);
  authoriseWrite(actor, { kind: 'secretariat_record' });
  const issues = formIssues(input);
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(CONFERENCE_TX);
    const session = await port.getSession(input.session);
    if (!session) throw notFound(`No session ${input.session} of the International Labour Conference.`);
    const problems: FieldIssue[] = [];
    const item = given(input.agendaItem) ? session.agenda.find((a) => a.position === input.agendaItem) : undefined;
    if (given(input.agendaItem) && !item)
      problems.push({ field: 'agendaItem', message: `session ${session.number} has ${session.agenda.length} agenda item(s)` });
    const year = parsePartialDate(input.date)?.year;
    if (session.year !== null && year !== session.year)
      problems.push({ field: 'date', message: `session ${session.number} met in ${session.year}, not in ${year}` });
    const delegations = await port.listDelegations(session.number);
    const ballots: RecordedBallot[] = (input.ballots ?? []).map((b) => ({
      delegateId: String(b.delegateId ?? '')
        .trim()
        .toUpperCase(),
      vote: b.vote,
    }));
    if (input.ballots) problems.push(...checkBallots(ballots, delegations, input.delegatesAttending));
    const code = input.instrument
      ? normaliseInstrumentCode(input.instrument.code)
      : input.kind === 'instrument'
        ? (item?.instrument ?? null)
        : null;
    if (problems.length) fail(problems);
    const stored = await tx.getInstrument(code ?? '');
    const instrument: AdoptedInstrumentRef | null = code
      ? {
          code,
          titleEn: clean(input.instrument?.titleEn ?? null) ?? stored?.titleEn ?? '',
          type: (instrumentTypeOfCode(code) ?? 'convention') as AdoptedInstrumentRef['type'],
        }
      : null;
    if (input.kind === 'instrument' && !instrument)
      fail([{ field: 'instrument.code', message: 'a final vote names the instrument it adopts (or is on an agenda item that does)' }]);
    const key = voteKey(session.number, await port.nextVoteSeq(session.number));
    const vote: ConferenceVote = {
      key,
      session: session.number,
      agendaItem: input.agendaItem ?? null,
      kind: input.kind,
      date: input.date,
      mode: input.ballots ? 'record' : 'counts',
      counts: input.ballots
        ? tally(ballots)
        : { for: input.for as number, against: input.against as number, abstain: input.abstain as number },
      ballots,
      delegatesAttending: input.delegatesAttending,
      instrument,
      source: clean(input.source) as string,
      notes: clean(input.notes ?? null),
    };
    // The engine checks what the form cannot: seats nominated, counts against attendance.
    const view = voteView(vote, delegations);
    if (!view.result) resultOf(vote, delegations);
    const recorded = await recordChange(tx, actor, now, {
      recordType: 'ilc_vote',
      recordKey: key,
      country: null,
      action: 'create',
      before: null,
      after: vote,
      citation: input,
      apply: () => port.putVote(vote),
    });
    const adopted = view.result?.outcome === 'adopted' && vote.kind === 'instrument' && instrument;
    const change = adopted ? await enterInstrument(tx, actor as Actor, now, vote, instrument, stored, input) : null;
    return { event: recorded.event as ChangeEvent, vote: view, instrument: change };
  });
}

/** Creates the adopted instrument, or sets its adoption date and session: an `instrument` event. */
async function enterInstrument(
  tx: RegistryWriteTx,
  actor: Actor,
  now: Date,
  vote: ConferenceVote,
  ref: AdoptedInstrumentRef,
  before: Instrument | null,
  citation: Citation,
): Promise<ChangeResult<Instrument>> {
  if (!before && !ref.titleEn)
    fail([{ field: 'instrument.titleEn', message: `${ref.code} is not in the registry yet: give its English title` }]);
  const after: Instrument = before
    ? { ...before, adoptionDate: vote.date, ilcSession: vote.session }
    : {
        code: ref.code,
        type: ref.type,
        number: Number(ref.code.slice(1)),
        titleEn: ref.titleEn,
        titleId: null,
        titleIdKind: null,
        titleIdSource: null,
        titleIdAct: null,
        adoptionDate: vote.date,
        ilcSession: vote.session,
        entryIntoForce: null,
        status: null,
        category: null,
        subjects: [],
        revises: [],
        ratificationEifMonths: null,
        ratificationEifArticle: null,
        verifiedFields: [],
        publishedCount: null,
        source: clean(citation.source),
        confidence: null,
        notes: `Entered by the final vote ${vote.key} of the International Labour Conference.`,
      };
  return recordChange(tx, actor, now, {
    recordType: 'instrument',
    recordKey: ref.code,
    country: null,
    action: before ? 'update' : 'create',
    before,
    after,
    citation,
    apply: () => (before ? tx.putInstrument(after) : tx.port(CONFERENCE_TX).insertInstrument(after)),
  });
}
