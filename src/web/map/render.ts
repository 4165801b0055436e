import type { Ratification } from '../../domain/ratification.ts';
import { entryFill, type MapEntry, mapEntries } from '../../domain/ratification-map.ts';
import { escapeHtml as esc } from '../html.ts';
import type { Dict } from '../i18n/index.ts';
import { MAP_HEIGHT, MAP_WIDTH, MARKER_RADIUS, projectedWorld, shapeFor } from './geometry.ts';

/*
 * The ratification map as SVG markup (decision 160): one <a> per member State, linking to its
 * profile, with a <title> naming it and its status in the page's language. The outline is
 * projected once per process (geometry.ts); here only the colours and titles change.
 */

export interface MapMember {
  iso3: string;
  nameEn: string;
  nameId: string | null;
}

export interface MapInput {
  code: string;
  members: readonly MapMember[];
  ratifications: readonly Pick<Ratification, 'country' | 'status' | 'declarations'>[];
  listComplete: boolean;
}

export interface MapLabels {
  lang: 'en' | 'id';
  t: Pick<Dict, 'mapSvgTitle' | 'mapStatus' | 'mapAge' | 'mapStateTitle'>;
}

/** Ages are shown for C138, the Convention whose Art 2(1) asks for a declared minimum age. */
export function showsAges(code: string): boolean {
  return code === 'C138';
}

export function entriesOf(input: MapInput): MapEntry[] {
  return mapEntries(input.members, input.ratifications, input.listComplete, showsAges(input.code));
}

export function entryLabel(l: MapLabels, e: MapEntry): string {
  return e.age ? l.t.mapAge[e.age] : l.t.mapStatus[e.status];
}

function stateLink(l: MapLabels, e: MapEntry, name: string): string {
  const shape = shapeFor(e.iso3);
  if (!shape) return '';
  const fill = entryFill(e);
  const title = esc(l.t.mapStateTitle(name, entryLabel(l, e)));
  const cls = `map-state st-${e.status}${e.age ? ` age-${e.age}` : ''}`;
  const data = `data-iso3="${e.iso3}" data-status="${e.status}"${e.age ? ` data-age="${e.age}"` : ''}`;
  const path = shape.d ? `<path d="${shape.d}" fill="${fill}"/>` : '';
  const marker = shape.marker
    ? `<circle cx="${shape.marker.x}" cy="${shape.marker.y}" r="${MARKER_RADIUS}" fill="${fill}" stroke="#222" stroke-width="0.8"/>`
    : '';
  return `<a href="/${l.lang}/countries/${e.iso3}" class="${cls}" ${data}><title>${title}</title>${path}${marker}</a>`;
}

/** The SVG document (also served alone by GET /api/map/{code}.svg); its title id is unique per instrument. */
export function renderMapSvg(l: MapLabels, input: MapInput, entries: readonly MapEntry[] = entriesOf(input)): string {
  const world = projectedWorld();
  const names = new Map(input.members.map((m) => [m.iso3, l.lang === 'id' && m.nameId ? m.nameId : m.nameEn]));
  const titleId = `map-title-${input.code}`;
  // Polygons first, then the States drawn with a marker, so no neighbour covers a circle.
  const withMarker = (e: MapEntry) => shapeFor(e.iso3)?.marker != null;
  const ordered = [...entries.filter((e) => !withMarker(e)), ...entries.filter(withMarker)];
  const states = ordered.map((e) => stateLink(l, e, names.get(e.iso3) ?? e.iso3)).join('\n');
  const background = world.background.map((d) => `<path d="${d}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" class="ratification-map" role="group" aria-labelledby="${titleId}">
<title id="${titleId}">${esc(l.t.mapSvgTitle(input.code))}</title>
<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#eef3f7" aria-hidden="true"/>
<g fill="#f4f4f4" stroke="#999" stroke-width="0.4" aria-hidden="true">${background}</g>
<g stroke="#555" stroke-width="0.4">
${states}
</g>
</svg>`;
}
