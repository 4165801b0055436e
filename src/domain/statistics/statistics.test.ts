import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChildLabourEstimate } from './estimates.ts';
import { estimateSeries } from './estimates.ts';
import { ratificationsByRegion, ratificationsByYear } from './ratifications.ts';

const row = (year: number, childLabour: number | null, hazardousWork: number | null): ChildLabourEstimate => ({
  year,
  ageGroup: '5-17',
  childLabour,
  hazardousWork,
  source: 'S',
  confidence: 'high',
  notes: null,
});

describe('child labour estimate series', () => {
  it('orders by year and keeps a missing figure as a null point', () => {
    const series = estimateSeries([row(2012, 168, 85), row(2008, 215, null)]);
    assert.deepEqual(series, [
      {
        measure: 'childLabour',
        points: [
          { year: 2008, value: 215 },
          { year: 2012, value: 168 },
        ],
      },
      {
        measure: 'hazardousWork',
        points: [
          { year: 2008, value: null },
          { year: 2012, value: 85 },
        ],
      },
    ]);
  });
});

describe('ratifications by year', () => {
  it('counts by registration year with a running total, filling empty years with 0', () => {
    const out = ratificationsByYear([
      { country: 'A', registrationDate: '1999-06-01' },
      { country: 'B', registrationDate: '2001' },
      { country: 'C', registrationDate: '2001-03' },
    ]);
    assert.deepEqual(out, [
      { year: 1999, count: 1, cumulative: 1 },
      { year: 2000, count: 0, cumulative: 1 },
      { year: 2001, count: 2, cumulative: 3 },
    ]);
  });

  it('counts an unknown date as "year unknown", never as a guessed year', () => {
    const out = ratificationsByYear([
      { country: 'A', registrationDate: null },
      { country: 'B', registrationDate: '2000-01-01' },
    ]);
    assert.deepEqual(out, [
      { year: 2000, count: 1, cumulative: 1 },
      { year: null, count: 1, cumulative: null },
    ]);
  });

  it('gives no rows for no ratifications', () => {
    assert.deepEqual(ratificationsByYear([]), []);
  });
});

describe('ratifications by region', () => {
  it('lists every ILO region, and a State without a region as unknown', () => {
    const regions: Record<string, 'Africa' | 'Europe and Central Asia' | null> = {
      A: 'Africa',
      B: 'Africa',
      C: 'Europe and Central Asia',
      D: null,
    };
    const out = ratificationsByRegion(
      ['A', 'B', 'C', 'D'].map((country) => ({ country, registrationDate: null })),
      (iso3) => regions[iso3] ?? null,
    );
    assert.deepEqual(out, [
      { region: 'Africa', count: 2 },
      { region: 'Americas', count: 0 },
      { region: 'Arab States', count: 0 },
      { region: 'Asia and the Pacific', count: 0 },
      { region: 'Europe and Central Asia', count: 1 },
      { region: null, count: 1 },
    ]);
  });
});
