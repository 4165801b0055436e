import { enCases } from './en-cases.ts';
import { enCompliance } from './en-compliance.ts';
import { enConference } from './en-conference.ts';
import { enData } from './en-data.ts';
import { enDocuments } from './en-documents.ts';
import { enEditing } from './en-editing.ts';
import { enGoods } from './en-goods.ts';
import { enMap } from './en-map.ts';
import { enOrgans } from './en-organs.ts';
import { enProgrammeEdit } from './en-programme-edit.ts';
import { enProgrammes } from './en-programmes.ts';
import { enReporting } from './en-reporting.ts';
import { enSearch } from './en-search.ts';
import { enStatistics } from './en-statistics.ts';
import { enSubmissions } from './en-submissions.ts';
import { enSupervision } from './en-supervision.ts';
import { enUnitMetrics } from './en-unit-metrics.ts';
import { enUnits } from './en-units.ts';
import { enVotes } from './en-votes.ts';

/**
 * English interface text: the source catalogue. `id.ts` is typed `Dict`, so a key missing there
 * (or one added only there) is a compile error. Interpolated messages are plain functions taking
 * already formatted strings (numbers and dates go through format.ts first).
 * Legal content (titles, names) is data, not catalogue text.
 */

const ordinalRules = new Intl.PluralRules('en-GB', { type: 'ordinal' });
const ordinalSuffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinal = (n: number) => `${n}${ordinalSuffix[ordinalRules.select(n)] ?? 'th'}`;

export const en = {
  siteName: 'Tripartite',
  siteTagline: 'International labour standards, in English and Indonesian',
  skipToContent: 'Skip to main content',
  mainNavLabel: 'Main',
  navHome: 'Home',
  navInstruments: 'Instruments',
  navCountries: 'Member States',
  navSearch: 'Search',
  navCheck: 'Check',
  navScreen: 'Screening',
  languageNavLabel: 'Language',
  /** The other language, written in that language, for the switch link. */
  otherLanguageName: 'Bahasa Indonesia',
  otherLanguageHint: 'Baca halaman ini dalam Bahasa Indonesia',
  footerAbout:
    'Tripartite is an independent registry built from public sources. Every fact names its sources and how sure we are of it; check the official ILO texts before relying on a fact.',
  footerApi: 'Open data: JSON API',

  // Facts and gaps
  unverified: 'unverified',
  unverifiedExplanation: 'Low confidence: this fact comes from a weak, derived or unmatched source and has not been verified.',
  unverifiedLegend:
    'Facts marked “unverified” come from a weak or derived source, or were recalled without a matching source. Treat them as leads, not as findings.',
  yearOnly: '(year only)',
  monthOnly: '(month only)',
  dateNotRecorded: 'date not recorded',
  statusNotRecorded: 'status not recorded',
  categoryNotRecorded: 'category not recorded',
  regionNotRecorded: 'region not recorded',
  sessionNotRecorded: 'session not recorded',
  notRecorded: 'not recorded',
  noneRecorded: 'none recorded',
  notRated: 'not rated',
  inEnglish: '(in English)',
  englishTitleOnly: '(English; no Indonesian title)',
  englishNameOnly: '(English; no Indonesian name)',

  confidence: { high: 'high', medium: 'medium', low: 'low' },
  /** Confidence in plain words on public pages: medium and high rest on a good source, low does not. */
  verified: 'verified',
  confidenceInWords: (verdict: string, level: string) => `${verdict} (${level} confidence)`,
  instrumentType: { convention: 'Convention', protocol: 'Protocol', recommendation: 'Recommendation' },
  instrumentStatus: {
    'up-to-date': 'up to date',
    'interim-status': 'interim status',
    outdated: 'outdated',
    'requested-to-revise': 'requested to be revised',
    abrogated: 'abrogated',
    withdrawn: 'withdrawn',
    replaced: 'replaced',
  },
  category: { fundamental: 'fundamental', governance: 'governance', technical: 'technical' },
  ratificationStatus: { in_force: 'in force', not_in_force: 'not in force', denounced: 'denounced' },
  region: {
    Africa: 'Africa',
    Americas: 'Americas',
    'Arab States': 'Arab States',
    'Asia and the Pacific': 'Asia and the Pacific',
    'Europe and Central Asia': 'Europe and Central Asia',
  },
  subject: {
    'child-labour': 'child labour',
    'forced-labour': 'forced labour',
    'freedom-of-association': 'freedom of association',
    'collective-bargaining': 'collective bargaining',
    equality: 'equality of opportunity and treatment',
    'occupational-safety-and-health': 'occupational safety and health',
    'labour-inspection': 'labour inspection',
    'tripartite-consultation': 'tripartite consultation',
    'employment-policy': 'employment policy',
    maritime: 'seafarers and maritime work',
    'working-time': 'working time',
    wages: 'wages',
    'social-security': 'social security',
    'migrant-workers': 'migrant workers',
    'domestic-workers': 'domestic workers',
    'violence-and-harassment': 'violence and harassment',
    'indigenous-peoples': 'indigenous and tribal peoples',
    'employment-services': 'employment services',
  },
  placeName: (place: string) => place,

  // Home
  homeTitle: 'International labour standards, ratifications and child labour',
  homeIntro:
    'Tripartite brings together the Conventions, Protocols and Recommendations adopted by the International Labour Conference, who has ratified them and when, and what each State declared, such as the minimum age for work under Convention 138. Every page is in English and Indonesian, and every fact shows its source and how sure we are of it.',
  searchLabel: 'Search instruments and member States',
  searchHint: 'For example: C138, minimum age, Indonesia',
  searchButton: 'Search',
  figuresHeading: 'The registry in figures',
  figureInstruments: 'instruments',
  figureMemberStates: 'member States',
  figureRatifications: 'ratifications recorded',
  childLabourHeading: 'Child labour',
  childLabourIntro: 'The two fundamental Conventions on child labour:',
  exploreHeading: 'Explore',
  linkAllInstruments: 'All instruments: Conventions, Protocols and Recommendations',
  linkAllCountries: 'ILO member States by region',
  linkIndonesia: 'Indonesia: ratifications and declared minimum age',
  childLabourToolsIntro: 'Apply them to one case, or to a whole workforce:',
  linkCheck: 'Check a case: may this child do this work in this country?',
  linkScreen: 'Screen a list of workers from a CSV file',

  // Instruments list
  instrumentsTitle: 'Instruments',
  instrumentsIntro:
    'Conventions and Protocols can be ratified and bind the States that ratify them; Recommendations give non-binding guidance.',
  filterHeading: 'Filter the list',
  filterType: 'Type',
  filterStatus: 'Status',
  filterCategory: 'Category',
  filterSubject: 'Subject',
  filterText: 'Words or code',
  filterRegion: 'Region',
  anyOption: 'All',
  applyFilters: 'Apply filters',
  clearFilters: 'Clear filters',
  instrumentsCaption: (from: string, to: string, total: string) => `Instruments ${from}–${to} of ${total}`,
  noInstruments: 'No instrument matches these filters.',
  noInstrumentsOnPage: (last: string) => `This page is past the end of the list; the last page is ${last}.`,
  colCode: 'Code',
  colTitle: 'Title',
  colType: 'Type',
  colAdopted: 'Adopted',
  colCategory: 'Category',
  colStatus: 'Status',
  colRatificationsRecorded: 'Ratifications recorded',
  notRatifiable: 'not open to ratification',
  paginationLabel: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page: string, pages: string) => `Page ${page} of ${pages}`,
  invalidValue: (field: string, value: string, allowed: string) => `The ${field} “${value}” is not known. Choose one of: ${allowed}.`,
  invalidPage: 'The page number must be a whole number from 1 to 100000.',
  queryTooLong: (max: string) => `The search text must be at most ${max} characters long.`,

  // Instrument page
  titleEnLabel: 'Title in English',
  titleIdLabel: 'Title in Indonesian',
  titleIdOfficial: (act: string) => `official title (${act})`,
  titleIdOfficialNoAct: 'official title (act not recorded)',
  titleIdUnofficial: 'unofficial translation by Tripartite',
  noIndonesianTitle: 'no Indonesian title recorded',
  factsHeading: 'Key facts',
  labelType: 'Type',
  labelNumber: 'Number',
  labelAdoptionDate: 'Adoption date',
  labelSession: 'International Labour Conference session',
  labelEntryIntoForce: 'Entry into force',
  labelStatus: 'Status',
  labelCategory: 'Category',
  labelSubjects: 'Subjects',
  labelRevises: 'Revises',
  labelRevisedBy: 'Revised by',
  labelNotes: 'Notes',
  sessionLabel: (n: number, place: string | null, year: string | null) => [`${ordinal(n)} Session`, place, year].filter(Boolean).join(', '),
  sessionDetailsNotRecorded: '(place and year not recorded)',
  ratificationsHeading: 'Ratifications',
  labelPublishedCount: 'Published ratification count',
  labelRecordedCount: 'Ratifications recorded here',
  asOf: (date: string) => `as of ${date}`,
  sourceLabel: 'source',
  publishedCountUnknown: 'not found in the sources',
  coverageLabel: 'Coverage',
  coverageInstrumentComplete: (shown: string) => `All ${shown} ratifications are shown: this list is complete.`,
  coverageInstrumentPartial: (shown: string, published: string) => `${shown} of ${published} ratifications shown — this list is partial.`,
  coverageInstrumentPartialNoCount: (shown: string) =>
    `${shown} ratifications shown — this list is partial; the published count is not known.`,
  asOfUnknown: 'as of: unknown',
  coverageCountryComplete: (shown: string) => `Complete: all ${shown} ratifications of this State are shown.`,
  coverageCountryPartial: (codes: string) =>
    `Complete for ${codes}; other Conventions: partial (only ratifications found in the sources are shown).`,
  coverageCountriesNote: (codes: string) =>
    `Ratifications of ${codes} are listed in full for every State. Other ratifications are partial (only those found in the sources), except for the States marked “complete list”.`,
  coverageCompleteShort: 'complete list',
  coveragePartialShort: 'partial list',
  coverageCompleteForShort: (codes: string) => `complete for ${codes} only`,
  listJoin: (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`),
  ratificationsCaption: (code: string, n: string) => `Ratifications of ${code} recorded here (${n})`,
  colMemberState: 'Member State',
  colRegistrationDate: 'Registration date',
  colEntryIntoForceState: 'Entry into force for the State',
  colDeclaredMinimumAge: 'Declared minimum age',
  ageNotApplicable: 'not applicable (only C138 declares one)',
  colConfidence: 'Confidence',
  underRule: (rule: string) => `under ${rule}`,
  eifNotComputable: 'not computable: registration date not recorded',
  eifRuleUnknown: 'not computable: the rule is not recorded',
  eifNotPlaceable: 'not computable from a year-only date',
  ageYears: (n: string) => `${n} years`,
  noRatifications: 'No ratification of this instrument is recorded here.',
  recommendationsNotRatified: 'Recommendations are not open to ratification.',
  sourcesHeading: 'Sources',
  noSourceLink: 'no link recorded',
  sourceLinksListed: 'links under Sources',
  unnamedSource: 'a research source without a public name',
  authorityLabel: 'authority',
  provenanceLabel: 'Provenance',
  editorNotesLabel: 'Research notes (shown to signed-in editors only)',
  editorSourceDetailsLabel: 'Source details (editors only)',
  noSources: 'No source recorded.',
  fundamentalBadge: 'fundamental',

  // Countries
  countriesTitle: 'Member States',
  countriesIntro: 'The member States of the International Labour Organization, grouped by ILO region.',
  countriesCount: (n: string) => `${n} member States shown`,
  noCountries: 'No member State matches.',
  ratificationsRecorded: (n: number, formatted: string) => (n === 1 ? `1 ratification recorded` : `${formatted} ratifications recorded`),

  // Country profile
  nameEnLabel: 'Name in English',
  nameIdLabel: 'Name in Indonesian',
  iso3Label: 'ISO 3166 alpha-3 code',
  iso2Label: 'ISO 3166 alpha-2 code',
  regionLabel: 'ILO region',
  membershipLabel: 'ILO member since',
  profileFactsHeading: 'Membership',
  childLabourBoxHeading: 'Child labour Conventions',
  ratified: 'ratified',
  notRatifiedRecorded: 'no ratification recorded',
  denouncedRatification: 'ratified, then denounced',
  registeredOn: 'registered',
  declaredMinimumAge: (article: string) => `Declared minimum age (${article})`,
  profileRatificationsCaption: (name: string, n: string) => `Ratifications by ${name} recorded here (${n})`,
  colInstrument: 'Instrument',
  colLegalAct: 'Legal act',
  colNationalTitle: 'National title',
  colNotes: 'Notes',
  /** The membership notes of member_states.csv, in words; any other note stays English, for editors. */
  membershipNotes: { 'founding member': 'founding member', 'invited founding member': 'invited founding member' } as Record<string, string>,
  colProvenance: 'Source',
  noCountryRatifications: 'No ratification by this State is recorded here.',
  checkInCountry: (name: string) => `Check a case in ${name}: may a child do a given work here?`,

  // Search
  searchTitle: 'Search',
  searchResultsFor: (q: string) => `Results for “${q}”`,
  searchPrompt: 'Type an instrument code such as C138, words from a title, or the name of a member State.',
  searchInstrumentsHeading: (n: string) => `Instruments (${n})`,
  searchCountriesHeading: (n: string) => `Member States (${n})`,
  searchShowingFirst: (shown: string, total: string) => `Showing the first ${shown} of ${total}.`,
  searchSeeAll: 'See them all in the instruments list',
  searchNothing: (q: string) => `Nothing matches “${q}”. Try a code such as C138 or fewer words.`,

  // Forms
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  errorTitlePrefix: (title: string) => `Error: ${title}`,
  optional: '(optional)',

  // Errors
  errorTitle403: 'Not allowed',
  errorTitle409: 'This change cannot be made',
  errorText403: 'Your account may not do this.',
  errorText409: 'The record changed in the meantime.',
  errorTitle404: 'Page not found',
  errorTitle400: 'This request cannot be processed',
  errorTitle500: 'Something went wrong',
  errorTitleOther: 'Error',
  errorText404: 'There is no page at this address. Check the address, or start again from the home page.',
  errorText400: 'Something in the address is not valid:',
  errorText500: 'An unexpected error occurred on our side. It has been logged; please try again in a moment.',
  errorStatus: (status: string) => `Error ${status}`,
  instrumentNotFound: (code: string) => `There is no instrument with the code ${code} in the registry. Codes look like C138, P029 or R146.`,
  countryNotFound: (iso3: string) =>
    `There is no member State with the code ${iso3} in the registry. Codes are ISO 3166 alpha-3, such as IDN.`,
  backHome: 'Go to the home page',
  ...enCompliance,
  ...enData,
  ...enConference,
  ...enSupervision,
  ...enEditing,
  ...enVotes,
  ...enSubmissions,
  ...enReporting,
  ...enOrgans,
  ...enProgrammes,
  ...enStatistics,
  ...enSearch,
  ...enGoods,
  ...enMap,
  ...enProgrammeEdit,
  ...enDocuments,
  ...enUnitMetrics,
  ...enCases,
  ...enUnits,
};

export type Dict = typeof en;
