import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { projectedWorld } from './geometry.ts';
import { compactPathData } from './path-data.ts';

const require = createRequire(import.meta.url);

/** The absolute points of each subpath, by the SVG path grammar for M/m, L/l (and their implicit pairs) and Z/z. */
function points(d: string): [number, number][][] {
  const subpaths: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  let cmd = '';
  for (const [, letter, nx, ny] of d.matchAll(/([MmLlZz])|(-?\d+)[\s,]*(-?\d+)/g)) {
    if (letter) {
      cmd = letter;
      if (cmd === 'Z' || cmd === 'z') {
        x = sx;
        y = sy;
        subpaths.at(-1)?.push([x, y]);
      }
      continue;
    }
    const rel = cmd === 'm' || cmd === 'l';
    x = rel ? x + Number(nx) : Number(nx);
    y = rel ? y + Number(ny) : Number(ny);
    if (cmd === 'M' || cmd === 'm') {
      sx = x;
      sy = y;
      subpaths.push([[x, y]]);
      cmd = cmd === 'M' ? 'L' : 'l';
    } else subpaths.at(-1)?.push([x, y]);
  }
  // A repeated point draws nothing.
  return subpaths.map((s) => s.filter((p, i) => i === 0 || p[0] !== s[i - 1]?.[0] || p[1] !== s[i - 1]?.[1]));
}

describe('compactPathData', () => {
  test('writes relative steps, drops repeated points, and keeps every subpath', () => {
    assert.equal(compactPathData('M561,136L561,136L562,135L563,135L565,134Z'), 'M561,136l1-1 1,0 2-1z');
    assert.equal(compactPathData('M10,10L20,10L20,20ZM30,30L25,40Z'), 'M10,10l10,0 0,10zm20,20l-5,10z');
    assert.equal(compactPathData('M0,0L-3,-4'), 'M0,0l-3-4');
  });

  test('leaves path data it does not rewrite as it is', () => {
    for (const d of ['M1.5,2L3,4Z', 'M0,0A5,5,0,1,1,10,10Z', 'M0,0L1', 'M0,0C1,1,2,2,3,3', '', 'M1e3,0L1,1'])
      assert.equal(compactPathData(d), d);
  });

  test('the world outline as d3-geo writes it draws the same points, in under 70 % of the characters', () => {
    const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
    const world = feature(topology, topology.objects.countries) as FeatureCollection;
    const path = geoPath(geoEqualEarth().fitSize([960, 470], world)).digits(0);
    let before = 0;
    let after = 0;
    for (const f of world.features) {
      const d = path(f);
      if (!d) continue;
      const short = compactPathData(d);
      assert.notEqual(short, d, `${f.id} is rewritten`);
      assert.deepEqual(points(short), points(d), String(f.id));
      before += d.length;
      after += short.length;
    }
    assert.ok(after < before * 0.7, `${after} of ${before} characters`);
  });

  test('the map uses the short form', () => {
    assert.match(projectedWorld().shapes.get('IDN')?.d ?? '', /^M\d+,\d+l/);
  });
});
