import { AGE_FILL, MAP_AGES, type MapAge, type MapStatus, mapCounts, STATUS_FILL } from '../../domain/ratification-map.ts';
import type { InstrumentDetail } from '../../services/registry-service.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { entriesOf, type MapInput, type MapLabels, type MapMember, renderMapSvg, showsAges } from '../map/render.ts';
import type { View } from './view.ts';

/** The map's input from an instrument's detail and the member States. */
export function mapInputOf(d: InstrumentDetail, members: readonly MapMember[]): MapInput {
  return { code: d.instrument.code, members, ratifications: d.ratifications, listComplete: d.coverage?.complete ?? false };
}

/**
 * The rendered SVG, kept while the registry returns the same instrument detail and member list
 * (the record-level cache gives a new object after any write to `instrument:<code>` or a country),
 * so a write is never followed by a stale map and an unchanged map is coloured once per language.
 */
const svgCache = new WeakMap<InstrumentDetail, Map<string, { members: readonly MapMember[]; svg: string }>>();

export function mapSvgFor(l: MapLabels, d: InstrumentDetail, members: readonly MapMember[]): string {
  let byLang = svgCache.get(d);
  if (!byLang) {
    byLang = new Map();
    svgCache.set(d, byLang);
  }
  const hit = byLang.get(l.lang);
  if (hit && hit.members === members) return hit.svg;
  const svg = renderMapSvg(l, mapInputOf(d, members));
  byLang.set(l.lang, { members, svg });
  return svg;
}

function swatch(fill: string): SafeHtml {
  return html`<svg class="map-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="15" height="15" fill="${fill}" stroke="#555"/></svg>`;
}

function legend(v: View, input: MapInput, counts: ReturnType<typeof mapCounts>, id: string): SafeHtml {
  const { t, f } = v;
  const ages = showsAges(input.code);
  const statuses: MapStatus[] = ages ? ['denounced', 'not_ratified', 'unknown'] : ['ratified', 'denounced', 'not_ratified', 'unknown'];
  const item = (fill: string, label: string, count: number) => html`<li>${swatch(fill)} ${t.mapLegendCount(label, f.number(count))}</li>`;
  const ageItems = ages ? MAP_AGES.map((a: MapAge) => item(AGE_FILL[a], t.mapAge[a], counts[`age-${a}`])) : [];
  const statusItems = statuses
    .filter((s) => s !== 'unknown' || counts.unknown > 0)
    .map((s) => item(STATUS_FILL[s], t.mapStatus[s], counts[s]));
  return html`<h3 id="${id}-heading">${t.mapLegendHeading}</h3>
<ul class="plain map-key" id="${id}" aria-labelledby="${id}-heading">${ageItems}${statusItems}</ul>
${ages ? html`<p class="note">${t.mapAgesNote}</p>` : null}`;
}

/**
 * The map with its key and a way to the same facts as a table. `tableHref` is the ratification
 * table (the instrument page's own section, or a link to it from the map page).
 */
export function ratificationMap(
  v: View,
  d: InstrumentDetail,
  members: readonly MapMember[],
  opts: { tableHref: string; pageLink: boolean },
): SafeHtml {
  const { t } = v;
  const input = mapInputOf(d, members);
  const entries = entriesOf(input);
  const keyId = `map-key-${input.code}`;
  return html`<p><a class="skip-map" href="#${keyId}-heading">${t.mapSkipLink}</a></p>
<figure class="map-figure">${raw(mapSvgFor(v, d, members))}</figure>
${legend(v, input, mapCounts(entries), keyId)}
<p><a href="${opts.tableHref}">${t.mapTableLink}</a>${opts.pageLink ? html` · <a href="/${v.lang}/map?instrument=${input.code}">${t.mapPageLink}</a>` : null}</p>`;
}

/** The map section of a Convention's or Protocol's page; nothing for a Recommendation or without the member list. */
export function ratificationMapSection(v: View, d: InstrumentDetail, members: readonly MapMember[] | null | undefined): SafeHtml | null {
  if (!members || d.instrument.type === 'recommendation') return null;
  return html`<section aria-labelledby="map-heading">
<h2 id="map-heading">${v.t.mapHeading}</h2>
${ratificationMap(v, d, members, { tableHref: '#ratifications-heading', pageLink: true })}
</section>`;
}
