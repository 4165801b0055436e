import type { RatificationView } from '../../services/registry-service.ts';

const COLUMNS = [
  'country_iso3',
  'country_name',
  'instrument',
  'instrument_title',
  'registration_date',
  'status',
  'entry_into_force',
  'minimum_age_declared',
  'minimum_age_article',
  'legal_act',
  'source',
  'confidence',
  // The research notes travel with the data downloads; the public pages show provenance in words instead.
  'notes',
] as const;

/** RFC 4180 quoting; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function ratificationsCsvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

export function ratificationCsvRow(r: RatificationView): string {
  return `${[
    r.country,
    r.countryRef.nameEn,
    r.instrument,
    r.instrumentRef.titleEn,
    r.registrationDate,
    r.status,
    r.entryIntoForce,
    r.minimumAge?.value ?? null,
    r.minimumAge?.article ?? null,
    r.legalAct,
    r.source,
    r.confidence,
    r.notes,
  ]
    .map(csvField)
    .join(',')}\r\n`;
}

export function ratificationsCsv(rows: RatificationView[]): string {
  return ratificationsCsvHeader() + rows.map(ratificationCsvRow).join('');
}
