/** English text of the one search (issue 10, decision 175). */
export const enSearch = {
  searchAllLabel: 'Search the portal',
  searchAllHint: 'For example: C138, konvensi 182, minimum age, pekerja anak, Indonesia, Jakarta',
  searchAllPrompt:
    'Search instruments, member States, offices, programmes, goods, supervisory comments, Conference sessions and documents, in English or Indonesian. Small typos are forgiven.',
  searchKindHeading: {
    instrument: 'Instruments',
    country: 'Member States',
    office: 'Offices',
    programme: 'Programmes and projects',
    good: 'Goods produced with child or forced labour (USDOL)',
    comment: 'Supervisory comments',
    session: 'Conference sessions',
    document: 'Documents',
  } as Record<'instrument' | 'country' | 'office' | 'programme' | 'good' | 'comment' | 'session' | 'document', string>,
  searchKindCount: (heading: string, n: string) => `${heading} (${n})`,
  searchShowingSome: (shown: string, total: string) => `Showing the best ${shown} of ${total}.`,
  searchSomeWords: 'Nothing matches every word; these match some of them.',
  searchKindsNav: 'Results by kind',
};

export type SearchDict = typeof enSearch;
