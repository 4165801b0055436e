/** Coverage in words (issue 8 item 18): whether a list of ratifications is whole or partial. */
import type { Coverage } from '../../domain/coverage.ts';
import { html, type SafeHtml } from '../html.ts';
import { type SourceEntry, sourceNames } from './provenance.ts';
import type { View } from './view.ts';

function codesText(v: View, codes: readonly string[]): string {
  return v.t.listJoin([...codes]);
}

/** "46 of 168 ratifications shown — this list is partial." The page puts the published count, its source and date next to it. */
export function instrumentCoverageText(v: View, c: Coverage): SafeHtml {
  const { t, f } = v;
  const shown = f.number(c.shown);
  const lead = c.complete
    ? t.coverageInstrumentComplete(shown)
    : c.publishedCount !== null
      ? t.coverageInstrumentPartial(shown, f.number(c.publishedCount))
      : t.coverageInstrumentPartialNoCount(shown);
  return html`<p class="coverage ${c.complete ? 'coverage-complete' : 'coverage-partial'}"><strong>${lead}</strong></p>`;
}

/** "Complete for C138 and C182; other Conventions: partial", or complete for a State whose whole list is known. */
export function countryCoverageText(v: View, c: Coverage, sources: readonly SourceEntry[]): SafeHtml {
  const { t, f } = v;
  if (c.complete) {
    return html`<p class="coverage coverage-complete"><strong>${t.coverageCountryComplete(f.number(c.shown))}</strong> ${t.sourceLabel}: ${sourceNames(v, c.source, sources)}</p>`;
  }
  return html`<p class="coverage coverage-partial"><strong>${t.coverageCountryPartial(codesText(v, c.completeFor))}</strong></p>`;
}

/** A short mark for list rows: "complete list" / "partial list" / "complete for C138 and C182 only". */
export function coverageShort(v: View, c: Coverage | null): string | null {
  if (!c) return null;
  if (c.complete) return v.t.coverageCompleteShort;
  return c.completeFor.length ? v.t.coverageCompleteForShort(codesText(v, c.completeFor)) : v.t.coveragePartialShort;
}

export function countriesCoverageNote(v: View, completeFor: readonly string[]): string {
  return v.t.coverageCountriesNote(codesText(v, completeFor));
}

/** The short mark after a count in a list row, or nothing when coverage does not apply. */
export function coverageMark(v: View, c: Coverage | null): SafeHtml | null {
  const text = coverageShort(v, c);
  return text ? html` <span class="note coverage-mark">(${text})</span>` : null;
}
