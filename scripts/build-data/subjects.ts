/**
 * Subjects for scripts/build-data.ts: editorial keyword rules on the English title. Only topics the
 * title states plainly; an instrument whose title names no listed topic gets no subject rather than a guess.
 */
import type { Instrument } from '../../src/domain/instrument.ts';
import { problem } from './problems.ts';

/** Instruments that must get at least one subject, besides fundamental and governance ones. */
const SUBJECT_REQUIRED_EXTRA = ['R146', 'R190'];

export const SUBJECTS = [
  'child-labour',
  'forced-labour',
  'freedom-of-association',
  'collective-bargaining',
  'equality',
  'occupational-safety-and-health',
  'labour-inspection',
  'tripartite-consultation',
  'employment-policy',
  'maritime',
  'working-time',
  'wages',
  'social-security',
  'migrant-workers',
  'domestic-workers',
  'violence-and-harassment',
  'indigenous-peoples',
  'employment-services',
] as const;
type Subject = (typeof SUBJECTS)[number];

interface SubjectRule {
  subject: Subject;
  match: RegExp;
  /** Titles that contain the keyword but are about something else. */
  unless?: RegExp;
}

const SUBJECT_RULES: SubjectRule[] = [
  {
    subject: 'child-labour',
    match: /\bMinimum Age\b|\bChild Labour\b|\bYoung Persons\b|\bChildren and Young Persons\b|\bYoung Seafarers\b/i,
    unless: /^Unemployment \(Young Persons\)/i,
  },
  { subject: 'forced-labour', match: /\bForced Labour\b/i },
  {
    subject: 'freedom-of-association',
    match:
      /\bFreedom of Association\b|\bRight of Association\b|\bRight to Organise\b|\bWorkers' Representatives\b|\bWorkers' Organisations\b/i,
  },
  { subject: 'collective-bargaining', match: /\bCollective Bargaining\b|\bCollective Agreements\b/i },
  { subject: 'equality', match: /\bDiscrimination\b|\bEqual Remuneration\b|\bEquality of Treatment\b|\bFamily Responsibilities\b/i },
  {
    subject: 'occupational-safety-and-health',
    // "Safety", "Health(y)", "Hygiene", accident prevention and named workplace hazards.
    match:
      /\bSafety\b|\bHealth|\bHygiene\b|\bPrevention of (Industrial |Major Industrial )?Accidents\b|\bProtection against Accidents\b|\bAccident Prevention\b|\bRadiation Protection\b|\bBenzene\b|\bAsbestos\b|\bChemicals\b|\bWhite Lead\b|\bWhite Phosphorus\b|\bAnthrax\b|\bLead Poisoning\b|\bOccupational Cancer\b|\bGuarding of Machinery\b|\bWorking Environment\b|\bMaximum Weight\b/i,
  },
  { subject: 'labour-inspection', match: /\bLabour Inspect(ion|orates)\b/i },
  { subject: 'tripartite-consultation', match: /\bTripartite Consultation\b|^Consultation \(Industrial and National Levels\)/i },
  {
    subject: 'employment-policy',
    match: /\bEmployment Policy\b|\bEmployment Promotion\b|\bJob Creation\b|\bEmployment and Decent Work\b/i,
  },
  {
    subject: 'maritime',
    match: /\bSeafarers?'?|\bSeamen'?s?\b|\bMaritime\b|\bShip|\bMerchant Shipping\b|\(Sea\)|\bat Sea\b|\bCrews?\b/i,
    // Fishing-vessel crews are a separate ILO sector, so the title does not make "maritime" plain;
    // R026 is about emigrant women travelling by ship, not about work at sea.
    unless: /\bFishermen\b|\bFemales at Sea\b/i,
  },
  {
    subject: 'working-time',
    match:
      /\bHours of Work\b|\bWeekly Rest\b|\bHolidays with Pay\b|\bPaid Vacations\b|\bAnnual Leave\b|\bNight Work\b|\bForty-Hour Week\b|\bRest Periods\b|\bPart-Time Work\b|\bRegulating Hours\b|\bHours of Work and Manning\b/i,
    unless: /\bStatistics\b/i,
  },
  { subject: 'wages', match: /\bWages?\b|\bMinimum Wage/i, unless: /\bStatistics\b/i },
  {
    subject: 'social-security',
    match:
      /\bSocial Security\b|\bInsurance\b|\bPension|\bInvalidity\b|\bOld-Age\b|\bSurvivors'|\bEmployment Injury\b|\bSickness Benefits\b|\bWorkmen's Compensation\b|\bAccident Compensation\b|\bIncome Security\b|\bSocial Protection Floors\b|\bUnemployment (Provision|Indemnity)\b|\bProtection against Unemployment\b/i,
  },
  { subject: 'migrant-workers', match: /\bMigrant|\bMigration\b|\bEmigrants\b/i },
  { subject: 'domestic-workers', match: /\bDomestic Workers\b/i },
  { subject: 'violence-and-harassment', match: /\bViolence and Harassment\b/i },
  { subject: 'indigenous-peoples', match: /\bIndigenous\b|\bTribal\b/i },
  {
    subject: 'employment-services',
    match: /\bEmployment Service\b|\bEmployment Agencies\b|\bPlacing of Seamen\b|\bRecruitment and Placement\b/i,
  },
];

function subjectsForTitle(title: string): Subject[] {
  // Drop the trailing ", YYYY" so a year can never trigger a rule.
  const t = title.replace(/, \d{4}$/, '');
  return SUBJECT_RULES.filter((r) => r.match.test(t) && !r.unless?.test(t)).map((r) => r.subject);
}

export function assignSubjects(instruments: Instrument[]): void {
  for (const i of instruments) {
    i.subjects = subjectsForTitle(i.titleEn);
    const mustHave = i.category === 'fundamental' || i.category === 'governance' || SUBJECT_REQUIRED_EXTRA.includes(i.code);
    if (mustHave && i.subjects.length === 0) {
      problem('scripts/build-data.ts', null, 'SUBJECT_RULES', `${i.code} (${i.titleEn}) must get a subject; no rule matches`);
    }
  }
}
