import { createHmac } from 'node:crypto';

/*
 * Pseudonymised export rows (issue 11: "exports are pseudonymised unless a case manager asks for
 * identifying data"). Identifying fields are dropped; the case number is replaced by a keyed hash
 * (HMAC-SHA-256 with a secret the caller passes), stable within one export key so rows of the same
 * child can be joined, and not reversible without the key. Birth date becomes the age band; the
 * location is cut to the district. Pure: the key is an argument (hashing is deterministic).
 */
export interface ExportRow {
  caseNumber: string;
  name: string | null;
  birthDate: string | null;
  age: number | null;
  sex: string | null;
  village: string | null;
  district: string | null;
  contact: string | null;
  notes: string | null;
  status: string;
  priority: string;
  verdict: string;
}

export interface PseudonymousRow {
  pseudonym: string;
  ageBand: string;
  sex: string | null;
  district: string | null;
  status: string;
  priority: string;
  verdict: string;
}

export const AGE_BANDS = ['under 5', '5-11', '12-14', '15-17', '18+', 'unknown'] as const;

/** ILO-IPEC's usual bands for child-labour statistics: 5-11, 12-14, 15-17. */
export function ageBand(age: number | null): string {
  if (age === null || !Number.isFinite(age) || age < 0) return 'unknown';
  if (age < 5) return 'under 5';
  if (age <= 11) return '5-11';
  if (age <= 14) return '12-14';
  if (age <= 17) return '15-17';
  return '18+';
}

export function pseudonymise(row: ExportRow, key: Uint8Array): PseudonymousRow {
  if (key.length < 16) throw new RangeError('key: at least 16 bytes');
  const pseudonym = createHmac('sha256', key).update(row.caseNumber, 'utf8').digest('base64url').slice(0, 16);
  return {
    pseudonym,
    ageBand: ageBand(row.age),
    sex: row.sex,
    district: row.district,
    status: row.status,
    priority: row.priority,
    verdict: row.verdict,
  };
}
