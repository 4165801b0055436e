import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { dictFor } from '../i18n/index.ts';
import { MAP_HEIGHT, MAP_WIDTH, numericToIso3, projectedWorld, shapeFor } from './geometry.ts';
import { renderMapSvg } from './render.ts';

const members = JSON.parse(readFileSync(new URL('../../../data/countries.json', import.meta.url), 'utf8')) as {
  iso3: string;
  nameEn: string;
  nameId: string | null;
}[];

describe('the world outline and markers', () => {
  test('ISO 3166 numeric ids map to alpha-3 (zero-padded or not)', () => {
    assert.equal(numericToIso3('360'), 'IDN');
    assert.equal(numericToIso3('036'), 'AUS');
    assert.equal(numericToIso3(36), 'AUS');
    assert.equal(numericToIso3(undefined), null);
    assert.equal(numericToIso3('999'), null);
  });

  test('all 187 member States are placed: a polygon, a marker or both, inside the picture', () => {
    assert.equal(members.length, 187);
    const unplaced = members.filter((m) => {
      const s = shapeFor(m.iso3);
      return !s || (!s.d && !s.marker);
    });
    assert.deepEqual(
      unplaced.map((m) => m.iso3),
      [],
    );
    for (const m of members) {
      const p = shapeFor(m.iso3)?.marker;
      if (!p) continue;
      assert.ok(p.x >= 0 && p.x <= MAP_WIDTH && p.y >= 0 && p.y <= MAP_HEIGHT, `${m.iso3} marker inside the map`);
    }
  });

  test('small States missing from the coarse outline (or too small to click) get a marker', () => {
    for (const iso3 of ['SGP', 'BHR', 'MLT', 'BRB', 'MUS', 'SYC', 'TON', 'KIR', 'TUV']) {
      assert.ok(shapeFor(iso3)?.marker, `${iso3} has a marker`);
    }
    assert.ok(shapeFor('IDN')?.d, 'Indonesia has a polygon');
    assert.equal(shapeFor('IDN')?.marker, null);
  });

  test('the projection is computed once per process', () => {
    assert.equal(projectedWorld(), projectedWorld());
  });

  test('the SVG has one link per member State with a title in the page language', () => {
    const input = {
      code: 'C182',
      members,
      ratifications: [{ country: 'IDN', status: 'in_force' as const, declarations: [] }],
      listComplete: false,
    };
    const svg = renderMapSvg({ lang: 'id', t: dictFor('id') }, input);
    assert.equal(svg.match(/<a href="\/id\/countries\/[A-Z]{3}"/g)?.length, 187);
    assert.match(svg, /<a href="\/id\/countries\/IDN" class="map-state st-ratified" [^>]*><title>Indonesia: sudah meratifikasi<\/title>/);
    assert.match(svg, /data-iso3="TUV" data-status="unknown"><title>[^<]+: tidak diketahui/);
    assert.match(svg, /<title id="map-title-C182">/);
  });
});
