import { createRequire } from 'node:module';
import { geoArea, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import i18nCountries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { compactPathData } from './path-data.ts';

/*
 * The world outline, projected once per process (decision 160). Only the colours change per
 * request; the paths are computed on first use and kept for the life of the process.
 *
 * Outline: world-atlas countries-110m (Natural Earth, public domain), ids ISO 3166 numeric,
 * mapped to alpha-3 with i18n-iso-countries. Marker positions: world-countries `latlng`.
 */

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
/** A polygon smaller than this (square pixels at MAP_WIDTH) is too small to click: it gets a marker too. */
export const MIN_CLICKABLE_AREA = 12;
export const MARKER_RADIUS = 4;

export interface ProjectedShape {
  /** SVG path data, or null when the outline has no polygon for the State. */
  d: string | null;
  /** Marker centre, when the polygon is missing or too small to click. */
  marker: { x: number; y: number } | null;
}

export interface ProjectedWorld {
  /** Shapes by ISO 3166 alpha-3 code. */
  shapes: ReadonlyMap<string, ProjectedShape>;
  /** Outlines with no alpha-3 code (disputed areas without an ISO code), drawn as background. */
  background: readonly string[];
  /** Marker centres for every alpha-3 code world-countries knows. */
  points: ReadonlyMap<string, { x: number; y: number }>;
}

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca3: string;
  latlng: [number, number];
}

/** ISO 3166 numeric (as world-atlas writes it, zero-padded) to alpha-3; null when unknown. */
export function numericToIso3(id: string | number | undefined): string | null {
  if (id === undefined || id === null || id === '') return null;
  return i18nCountries.numericToAlpha3(String(id).padStart(3, '0')) ?? null;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function project(): ProjectedWorld {
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  // Antarctica (010) has no member State and would take a third of the height.
  const features = all.features.filter((f) => String(f.id) !== '010');
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'FeatureCollection', features });
  const path = geoPath(projection).digits(0);
  const shapes = new Map<string, ProjectedShape>();
  const background: string[] = [];
  const points = new Map<string, { x: number; y: number }>();
  for (const c of require('world-countries') as WorldCountry[]) {
    const p = projection([c.latlng[1], c.latlng[0]]);
    // Clamped so a marker near the antimeridian (Tuvalu, Kiribati) stays whole inside the picture.
    if (p) points.set(c.cca3, { x: clamp(round(p[0]), MAP_WIDTH), y: clamp(round(p[1]), MAP_HEIGHT) });
  }
  for (const f of features as Feature<Geometry, { name: string }>[]) {
    const full = path(f);
    if (!full) continue;
    // Relative steps: the same outline in about half the characters (weight budget, decision 205).
    const d = compactPathData(full);
    const iso3 = numericToIso3(f.id);
    if (!iso3) {
      background.push(d);
      continue;
    }
    const small = path.area(f) < MIN_CLICKABLE_AREA || geoArea(f) === 0;
    const marker = small ? (points.get(iso3) ?? centroid(path.centroid(f))) : null;
    shapes.set(iso3, { d, marker });
  }
  return { shapes, background, points };
}

function clamp(n: number, max: number): number {
  return Math.min(Math.max(n, MARKER_RADIUS + 1), max - MARKER_RADIUS - 1);
}

function centroid([x, y]: [number, number]): { x: number; y: number } | null {
  return Number.isFinite(x) && Number.isFinite(y) ? { x: round(x), y: round(y) } : null;
}

let world: ProjectedWorld | null = null;

/** The projected outline, computed on first use (module-level cache keyed by nothing but the outline). */
export function projectedWorld(): ProjectedWorld {
  world ??= project();
  return world;
}

/** Where to draw a State: its polygon, a marker, or both; null when neither source places it. */
export function shapeFor(iso3: string): ProjectedShape | null {
  const w = projectedWorld();
  const shape = w.shapes.get(iso3);
  if (shape) return shape;
  const point = w.points.get(iso3);
  return point ? { d: null, marker: point } : null;
}
