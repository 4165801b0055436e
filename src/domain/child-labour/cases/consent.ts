import { type IsoDay, requireDay } from './types.ts';

/*
 * Consent before identifying data (issue 11). UU 27/2022 on personal data protection, Pasal 25:
 * processing a child's personal data is handled specially (ayat 1) and requires the consent of the
 * child's parent and/or guardian (ayat 2); Pasal 22(1): consent is given in writing or recorded.
 * So identifying fields (name, birth date, exact location, contact, free-text notes) may be stored
 * only when a consent is recorded: who gave it (parent or guardian), on which day (not after the
 * storing), for which purposes (the one needed included), and not withdrawn since.
 */
export const CONSENT_CITATION = 'UU 27/2022 Pasal 25(2)';

export const CONSENT_GIVERS = ['parent', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CONSENT_PURPOSES = ['case_management', 'referral', 'identified_export'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentRecord {
  givenBy: ConsentGiver;
  /** Who the parent or guardian is, as recorded (kept encrypted like any identifying field). */
  giverName: string;
  givenOn: IsoDay;
  purposes: readonly ConsentPurpose[];
  withdrawnOn: IsoDay | null;
}

export type ConsentRefusal = 'no-consent' | 'not-parent-or-guardian' | 'not-yet-given' | 'purpose-not-covered' | 'withdrawn';

export type ConsentDecision = { allowed: true; citation: string } | { allowed: false; refusal: ConsentRefusal; citation: string };

export function mayStoreIdentifyingData(consent: ConsentRecord | null, purpose: ConsentPurpose, on: IsoDay): ConsentDecision {
  const day = requireDay(on, 'on');
  const no = (refusal: ConsentRefusal): ConsentDecision => ({ allowed: false, refusal, citation: CONSENT_CITATION });
  if (!consent) return no('no-consent');
  if (!(CONSENT_GIVERS as readonly string[]).includes(consent.givenBy) || consent.giverName.trim() === '')
    return no('not-parent-or-guardian');
  if (requireDay(consent.givenOn, 'givenOn') > day) return no('not-yet-given');
  if (consent.withdrawnOn !== null && requireDay(consent.withdrawnOn, 'withdrawnOn') <= day) return no('withdrawn');
  if (!consent.purposes.includes(purpose)) return no('purpose-not-covered');
  return { allowed: true, citation: CONSENT_CITATION };
}
