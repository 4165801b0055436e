/**
 * English text of the Conference vote calculator (issue 9): a part of the catalogue in en.ts.
 * `id-votes.ts` is typed from it. The explanation sentences themselves come from the vote engine's
 * catalogue (src/domain/governance/messages/).
 */
export const enVotes = {
  voteCalcTitle: 'Conference vote calculator',
  voteCalcIntro:
    'Check a vote of the International Labour Conference against the ILO Constitution: whether it is valid (enough votes cast) and whether it reached the majority its kind of decision needs. Nothing you enter is stored.',
  voteCalcFormHeading: 'The vote',
  voteCalcChangeHeading: 'Change the vote',
  voteKindLegend: 'Kind of decision',
  voteKindHint: {
    ordinary: 'Any other matter: more than half of the votes cast (Constitution Art 17(2)).',
    instrument: 'The final vote adopting a Convention or Recommendation: two-thirds of the votes cast (Constitution Art 19(2)).',
    amendment: 'An amendment of the Constitution: two-thirds of the votes cast (Constitution Art 36).',
  },
  voteCountsLegend: 'Counts',
  voteForLabel: 'Votes for',
  voteAgainstLabel: 'Votes against',
  voteAbstainLabel: 'Abstentions',
  voteAttendingLabel: 'Delegates attending',
  voteAttendingHint:
    'Every delegate attending the Conference, whether or not they voted. The vote is void unless the votes cast reach half of them (Constitution Art 17(3)).',
  voteAbstentionsLabel: 'Count abstentions as votes cast',
  voteAbstentionsHint:
    "Leave this unticked unless the Conference's Standing Orders say otherwise: the Constitution counts the votes cast, and abstentions are reported but are not votes cast.",
  voteSubmit: 'Evaluate the vote',
  voteResultHeading: 'Result',
  voteFiguresHeading: 'Figures',
  voteLabelKind: 'Kind of decision',
  voteLabelVotesCast: 'Votes cast',
  voteLabelQuorum: 'Quorum (half of the delegates attending)',
  voteLabelRequired: 'Votes for required',
  voteLabelMargin: 'Margin',
  voteLabelArticles: 'Articles',
  voteQuorumMet: 'met',
  voteQuorumNotMet: 'not met',
  voteReasonsHeading: 'How it was decided',
  voteDisclaimer: "A calculation from the Constitution's rules, not an official result: the Conference's own record is authoritative.",
  voteFieldKind: 'Choose the kind of decision',
  voteFieldCount: (label: string) => `${label}: enter a whole number of 0 or more`,
  voteFieldTooMany: (total: string, attending: string) =>
    `Delegates attending (${attending}) cannot be fewer than the votes for, against and abstentions together (${total})`,
  voteCalcApiNote: 'The same calculation is available as POST /api/votes/evaluate and as the command tripartite votes evaluate.',
};

export type VotesDict = typeof enVotes;
