import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ILO_REGIONS } from '../../domain/country.ts';
import { INSTRUMENT_CATEGORIES, INSTRUMENT_STATUSES, INSTRUMENT_TYPES } from '../../domain/instrument.ts';
import { RATIFICATION_STATUSES } from '../../domain/ratification.ts';
import { en } from './en.ts';
import { id } from './id.ts';

/** Every key path of a dictionary, with the kind of value at the end of it. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [`${prefix}:function/${value.length}`];
  if (value && typeof value === 'object')
    return Object.keys(value)
      .sort()
      .flatMap((k) => shape((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  return [`${prefix}:${typeof value}`];
}

function strings(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

describe('i18n dictionaries', () => {
  test('should have the same keys, value kinds and function arities in both languages', () => {
    assert.deepEqual(shape(id), shape(en));
  });

  test('should have no empty string in either language', () => {
    for (const [key, value] of [...strings(en), ...strings(id)]) assert.ok(value.trim().length > 0, key);
  });

  test('should cover every closed vocabulary of the domain', () => {
    for (const dict of [en, id]) {
      assert.deepEqual(Object.keys(dict.instrumentType).sort(), [...INSTRUMENT_TYPES].sort());
      assert.deepEqual(Object.keys(dict.instrumentStatus).sort(), [...INSTRUMENT_STATUSES].sort());
      assert.deepEqual(Object.keys(dict.category).sort(), [...INSTRUMENT_CATEGORIES].sort());
      assert.deepEqual(Object.keys(dict.ratificationStatus).sort(), [...RATIFICATION_STATUSES].sort());
      assert.deepEqual(Object.keys(dict.region).sort(), [...ILO_REGIONS].sort());
    }
  });

  test('should translate the interface, not copy the English', () => {
    const same = strings(en).filter(([key, value]) => strings(id).some(([k, v]) => k === key && v === value));
    // Names and the few words that are the same in both languages.
    const allowed = new Set([
      'siteName',
      'filterStatus',
      'colStatus',
      'labelStatus',
      'fieldStatus',
      'fieldInstrumentStatus',
      'diffField.status',
      'subject.wages',
      'region.Africa',
      'confidence.low',
    ]);
    assert.deepEqual(
      same.map(([k]) => k).filter((k) => !allowed.has(k) && !k.startsWith('region.')),
      [],
    );
  });

  test('should use the usual Indonesian words for the key terms', () => {
    assert.equal(id.navInstruments, 'Instrumen');
    assert.equal(id.navCountries, 'Negara anggota');
    assert.equal(id.navSearch, 'Cari');
    assert.equal(id.instrumentType.convention, 'Konvensi');
    assert.equal(id.instrumentType.recommendation, 'Rekomendasi');
    assert.equal(id.instrumentType.protocol, 'Protokol');
    assert.equal(id.category.fundamental, 'mendasar');
    assert.equal(id.category.governance, 'tata kelola');
    assert.equal(id.category.technical, 'teknis');
    assert.equal(id.labelEntryIntoForce, 'Mulai berlaku');
    assert.equal(id.sourcesHeading, 'Sumber');
    assert.equal(id.ratificationsHeading, 'Ratifikasi');
    assert.equal(id.dateNotRecorded, 'tanggal tidak tercatat');
    assert.equal(id.unverified, 'belum terverifikasi');
    assert.match(id.colDeclaredMinimumAge, /Usia minimum/);
  });

  test('should interpolate session labels in each language', () => {
    assert.equal(en.sessionLabel(58, 'Geneva', '1973'), '58th Session, Geneva, 1973');
    assert.equal(en.sessionLabel(1, 'Washington', '1919'), '1st Session, Washington, 1919');
    assert.equal(en.sessionLabel(102, null, '2013'), '102nd Session, 2013');
    assert.equal(en.sessionLabel(113, null, null), '113th Session');
    assert.equal(id.sessionLabel(58, id.placeName('Geneva'), '1973'), 'Sidang ke-58, Jenewa, 1973');
    assert.equal(id.underRule('C138 Art 12(3)'), 'menurut C138 Pasal 12(3)');
  });
});
