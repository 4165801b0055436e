import type { Lang } from '../../domain/facts.ts';
import { type DatePrecision, parsePartialDate } from '../../domain/partial-date.ts';

/** A partial date rendered for a reader: the text plus how much of the date is known. */
export interface FormattedDate {
  text: string;
  precision: DatePrecision;
  /** The machine-readable value for `<time datetime>`. */
  iso: string;
}

/**
 * Locale-bound formatters. Intl objects are costly to build, so each locale gets one set, created
 * once and shared by every request.
 */
export interface Formats {
  readonly lang: Lang;
  readonly locale: string;
  number(n: number): string;
  /** A number with up to two decimals (hours such as 7.5; Indonesian writes 7,5). */
  decimal(n: number): string;
  /** null when the value is missing or not a partial date: the view shows it as unknown. */
  date(value: string | null | undefined): FormattedDate | null;
  /** A moment (ISO timestamp) with the time of day, in UTC and said so; null when not a timestamp. */
  dateTime(iso: string): string | null;
  compare(a: string, b: string): number;
}

export const LOCALES: Record<Lang, string> = { en: 'en-GB', id: 'id-ID' };

// Ratification tables repeat few distinct dates across requests; the cap keeps memory bounded.
const DATE_CACHE_LIMIT = 20_000;

function createFormats(lang: Lang): Formats {
  const locale = LOCALES[lang];
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const moment = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const cache = new Map<string, FormattedDate | null>();

  const formatDate = (value: string): FormattedDate | null => {
    const p = parsePartialDate(value);
    if (!p) return null;
    if (p.precision === 'year' || p.month === null) return { text: String(p.year), precision: 'year', iso: value };
    if (p.precision === 'month' || p.day === null)
      return { text: month.format(Date.UTC(p.year, p.month - 1, 1)), precision: 'month', iso: value };
    return { text: day.format(Date.UTC(p.year, p.month - 1, p.day)), precision: 'day', iso: value };
  };

  return {
    lang,
    locale,
    number: (n) => numbers.format(n),
    decimal: (n) => decimals.format(n),
    date(value) {
      if (!value) return null;
      let hit = cache.get(value);
      if (hit === undefined) {
        hit = formatDate(value);
        if (cache.size >= DATE_CACHE_LIMIT) cache.clear();
        cache.set(value, hit);
      }
      return hit;
    },
    dateTime(iso) {
      const ms = Date.parse(iso);
      return Number.isFinite(ms) ? moment.format(ms) : null;
    },
    compare: collator.compare,
  };
}

const FORMATS: Record<Lang, Formats> = { en: createFormats('en'), id: createFormats('id') };

export function formatsFor(lang: Lang): Formats {
  return FORMATS[lang];
}
