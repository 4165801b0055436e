import { normaliseIso3 } from '../domain/country.ts';
import { isLang, LANGS, type Lang } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import { impossibleDayReason } from '../domain/partial-date.ts';
import { seeHelp } from './args.ts';
import { usageError } from './errors.ts';

/** Argument checks mirroring the API's query and path schemas, worded for flags. */
export function instrumentCode(raw: string, command: string, what = '<code>'): string {
  const code = normaliseInstrumentCode(raw);
  if (!code) throw usageError(`${what} must be an instrument code such as C138, P029 or R146, got "${raw}" ${seeHelp(command)}`);
  return code;
}

export function iso3(raw: string, command: string, what = '<iso3>'): string {
  const code = normaliseIso3(raw);
  if (!code) throw usageError(`${what} must be an ISO 3166 alpha-3 code such as IDN, got "${raw}" ${seeHelp(command)}`);
  return code;
}

export function oneOf<T extends string>(raw: string | undefined, allowed: readonly T[], command: string, what: string): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw))
    throw usageError(`${what} must be one of ${allowed.join(', ')}, got "${raw}" ${seeHelp(command)}`);
  return raw as T;
}

export function wholeNumber(raw: string | undefined, min: number, max: number, command: string, what: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw usageError(`${what} must be a whole number from ${min} to ${max}, got "${raw}" ${seeHelp(command)}`);
  return n;
}

export function lang(raw: string | undefined, command: string): Lang {
  if (raw === undefined) return 'en';
  if (!isLang(raw)) throw usageError(`--lang must be one of ${LANGS.join(', ')}, got "${raw}" ${seeHelp(command)}`);
  return raw;
}

/**
 * A date flag, YYYY-MM-DD (a timestamp starting so is kept as given). A day that does not exist
 * is named as such: "--from 2023-02-30 is not a date: February 2023 has 28 days".
 */
export function dateFlag(raw: string | undefined, command: string, flag: string): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || raw.length > 30)
    throw usageError(`${flag} must be a date YYYY-MM-DD, got "${raw}" ${seeHelp(command)}`);
  const reason = impossibleDayReason(raw.slice(0, 10));
  if (reason) throw usageError(`${flag} ${raw.slice(0, 10)} is not a date: ${reason} ${seeHelp(command)}`);
  return raw;
}
