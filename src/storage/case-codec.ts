import { decryptField, encryptField, type Keyring } from './field-crypto.ts';

/*
 * Sealing a case's identifying fields (issue 11, decision 210). Each value is bound to its field
 * and its case (the AAD context `case.<field>:<case id>`), so a sealed name copied into another
 * case's row, or into the birth-date column, fails to open instead of showing the wrong child.
 * Every writer of the `cases`, `case_visits` and `case_actions` tables (the case service, the
 * screening import, retention) goes through these functions; nothing else encrypts case data.
 */
export const IDENTIFYING_CASE_FIELDS = ['name', 'birth_date', 'village', 'location', 'contact', 'notes', 'consent_by'] as const;
export type IdentifyingCaseField = (typeof IDENTIFYING_CASE_FIELDS)[number];
export type IdentifyingValues = Partial<Record<IdentifyingCaseField, string | null>>;
/** The sealed columns of `cases`, e.g. `name_enc`. */
export type SealedColumns = Partial<Record<`${IdentifyingCaseField}_enc`, string | null>>;

export function caseFieldContext(caseId: string, field: string): string {
  return `case.${field}:${caseId}`;
}

export function sealValue(keys: Keyring, caseId: string, field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return encryptField(keys, value, caseFieldContext(caseId, field));
}

export function openValue(keys: Keyring, caseId: string, field: string, sealed: string | null | undefined): string | null {
  if (sealed === null || sealed === undefined) return null;
  return decryptField(keys, sealed, caseFieldContext(caseId, field));
}

/** The `*_enc` columns for the given values; a field left out is left out (not cleared). */
export function sealCaseFields(keys: Keyring, caseId: string, values: IdentifyingValues): SealedColumns {
  const out: SealedColumns = {};
  for (const field of IDENTIFYING_CASE_FIELDS) {
    if (field in values) out[`${field}_enc`] = sealValue(keys, caseId, field, values[field]);
  }
  return out;
}

export function openCaseFields(keys: Keyring, caseId: string, row: SealedColumns): Record<IdentifyingCaseField, string | null> {
  const out = {} as Record<IdentifyingCaseField, string | null>;
  for (const field of IDENTIFYING_CASE_FIELDS) out[field] = openValue(keys, caseId, field, row[`${field}_enc`]);
  return out;
}

/** Notes of a visit or an action: bound to the case and the row kind. */
export const visitNotesField = 'visit_notes';
export const actionNotesField = 'action_notes';
