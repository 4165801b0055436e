import type { VoteCatalogue } from './catalogue.ts';

/** English catalogue of the vote engine. `{name}` is replaced by the reason's param of that name. */
export const VOTE_CATALOGUE_EN: VoteCatalogue = {
  messages: {
    'votes-cast.abstentions-excluded':
      '{votesCast} votes cast: {for} for and {against} against; the {abstain} abstentions are reported but are not votes cast ({article}).',
    'votes-cast.abstentions-included':
      "{votesCast} votes cast: {for} for, {against} against and {abstain} abstentions, abstentions counting as votes cast under the Conference's rules of procedure ({article}).",
    'quorum.met': 'Quorum met: {votesCast} votes cast reach {quorum}, half of the {delegatesAttending} delegates attending ({article}).',
    'quorum.not-met':
      'The vote is void: {votesCast} votes cast are {shortBy} short of {quorum}, half of the {delegatesAttending} delegates attending ({article}).',
    'quorum.no-votes': 'The vote is void: no votes were cast ({article}).',
    'majority.simple.reached':
      '{for} votes for are more than half of the {votesCast} votes cast ({required} needed), a margin of {margin} ({article}).',
    'majority.simple.short':
      '{for} votes for are not more than half of the {votesCast} votes cast: {required} needed, {shortBy} short ({article}).',
    'majority.two-thirds.reached':
      'Two-thirds of {votesCast} votes cast is {required}; {for} votes for reach it with a margin of {margin} ({article}).',
    'majority.two-thirds.short': 'Two-thirds of {votesCast} votes cast is {required}; {for} votes for are {shortBy} short ({article}).',
    'record.individual':
      'Record vote: {ballots} delegates voted individually; {counted} votes counted, {excluded} without a vote ({article}).',
    'excluded.arrears':
      "{count} ballot(s) not counted: {countries} in arrears of two full years' contributions, not permitted by the Conference to vote ({article}).",
    'excluded.credentials-invalidated':
      '{count} ballot(s) not counted: credentials invalidated by the Conference ({countries}) ({article}).',
    'excluded.no-counterpart':
      '{count} ballot(s) not counted: a non-government delegate whose counterpart was not nominated may sit and speak but not vote ({countries}) ({article}).',
    'arrears.permitted': '{countries}: in arrears, but permitted by the Conference to vote ({article}).',
  },
  outcomes: { adopted: 'Adopted', rejected: 'Rejected', void: 'Void' },
  kinds: {
    ordinary: 'Ordinary decision (simple majority)',
    instrument: 'Final adoption of a Convention or Recommendation (two-thirds)',
    amendment: 'Amendment of the Constitution (two-thirds)',
  },
  groups: { government: 'Government', employers: 'Employers', workers: 'Workers' },
  summary: {
    counts: (f, a, ab) => `${f} for, ${a} against, ${ab} abstentions`,
    twoThirds: (cast, req) => `two-thirds of ${cast} votes cast is ${req}`,
    simple: (cast, req) => `a majority of ${cast} votes cast is ${req}`,
    reached: (margin) => `reached with a margin of ${margin}`,
    short: (by) => `short by ${by}`,
    quorumMet: (q, att) => `quorum ${q} (half of ${att} delegates attending) met`,
    quorumNotMet: (cast, q, att) => `${cast} votes cast do not reach the quorum of ${q} (half of ${att} delegates attending)`,
    byGroup: 'By group',
  },
  constitution: 'Constitution',
};
