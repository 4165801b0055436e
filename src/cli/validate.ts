import { normaliseIso3 } from '../domain/country.ts';
import { isLang, LANGS, type Lang } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
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
