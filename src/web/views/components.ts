import type { Confidence } from '../../domain/facts.ts';
import type { CountryRef, InstrumentRef } from '../../services/registry-service.ts';
import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import type { View } from './view.ts';

/** A missing fact, said in words. */
export function unknown(text: string): SafeHtml {
  return html`<span class="unknown">${text}</span>`;
}

export function unverifiedBadge(v: View): SafeHtml {
  return html` <span class="badge badge-unverified" title="${v.t.unverifiedExplanation}">${v.t.unverified}</span>`;
}

/** The unverified marker for low-confidence facts; medium and high need no marker. */
export function lowMark(v: View, confidence: Confidence | null | undefined): SafeHtml | null {
  return confidence === 'low' ? unverifiedBadge(v) : null;
}

/** A partial date: full dates in the locale's words, year-only dates as the year plus a note. */
export function dateText(v: View, value: string | null | undefined, missing: string = v.t.dateNotRecorded): SafeHtml {
  const d = v.f.date(value);
  if (!d) return unknown(missing);
  if (d.precision === 'day') return html`<time datetime="${d.iso}">${d.text}</time>`;
  const note = d.precision === 'year' ? v.t.yearOnly : v.t.monthOnly;
  return html`<time datetime="${d.iso}">${d.text}</time> <span class="note">${note}</span>`;
}

export function confidenceText(v: View, confidence: Confidence | null | undefined): SafeHtml {
  if (!confidence) return unknown(v.t.notRated);
  return html`${v.t.confidence[confidence]}${lowMark(v, confidence)}`;
}

/** The instrument title in the page language; an English fallback on Indonesian pages is marked. */
export function instrumentTitle(v: View, ref: Pick<InstrumentRef, 'titleEn' | 'titleId'>): SafeHtml {
  if (v.lang === 'en') return html`${ref.titleEn}`;
  if (ref.titleId) return html`${ref.titleId}`;
  return html`<span lang="en">${ref.titleEn}</span> <span class="note">${v.t.englishTitleOnly}</span>`;
}

export function instrumentTitlePlain(v: View, ref: Pick<InstrumentRef, 'titleEn' | 'titleId'>): string {
  return v.lang === 'id' && ref.titleId ? ref.titleId : ref.titleEn;
}

export function countryName(v: View, ref: Pick<CountryRef, 'nameEn' | 'nameId'>): SafeHtml {
  if (v.lang === 'en') return html`${ref.nameEn}`;
  if (ref.nameId) return html`${ref.nameId}`;
  return html`<span lang="en">${ref.nameEn}</span> <span class="note">${v.t.englishNameOnly}</span>`;
}

export function countryNamePlain(v: View, ref: Pick<CountryRef, 'nameEn' | 'nameId'>): string {
  return v.lang === 'id' && ref.nameId ? ref.nameId : ref.nameEn;
}

export function instrumentLink(v: View, code: string): SafeHtml {
  return html`<a href="/${v.lang}/instruments/${code}">${code}</a>`;
}

export function countryLink(v: View, ref: Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>): SafeHtml {
  return html`<a href="/${v.lang}/countries/${ref.iso3}">${countryName(v, ref)}</a>`;
}

/** English free text (notes) on an Indonesian page is labelled as such. */
export function englishText(v: View, text: string): SafeHtml {
  return v.lang === 'en' ? html`${text}` : html`<span lang="en">${text}</span> <span class="note">${v.t.inEnglish}</span>`;
}

/** A scrollable table region: focusable and named, so keyboard users can scroll it on phones. */
export function tableRegion(labelId: string, table: HtmlValue): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="${labelId}" tabindex="0">${table}</div>`;
}
