/**
 * Indonesian instrument titles for scripts/build-data.ts: the official ones (from the ratification
 * acts) and, where a title is required and none exists, the project's own marked translation.
 */
import { resolve } from 'node:path';
import type { Instrument } from '../../src/domain/instrument.ts';
import { readCsv, rowsOf } from './csv.ts';
import { DATA, REF } from './paths.ts';
import { problem } from './problems.ts';
import { TRANSLATION_SOURCE } from './sources.ts';

/** Instruments that must carry an Indonesian title (official, else our marked translation). */
const TITLE_ID_REQUIRED_EXTRA = ['P029', 'R146', 'R190'];

export interface OfficialTitle {
  title: string;
  act: string | null;
  source: string | null;
}

export function readOfficialTitles(codes: Set<string>): Map<string, OfficialTitle> {
  const file = 'instrument_titles_id.csv';
  const table = readCsv(resolve(REF, file), file, ['code', 'title_id', 'kind', 'legal_act', 'source', 'confidence']);
  const out = new Map<string, OfficialTitle>();
  for (const c of rowsOf(table)) {
    const code = c.required('code');
    if (!codes.has(code)) c.bad('code', `${code} is not in instruments.csv`);
    if (out.has(code)) c.bad('code', `duplicate title for ${code}`);
    // Only official titles belong here; anything else would be mislabelled as official.
    if (!c.raw('kind').startsWith('official')) c.bad('kind', `expected an official title, got "${c.raw('kind')}"`);
    c.confidence('confidence', { required: true });
    out.set(code, { title: c.required('title_id'), act: c.text('legal_act'), source: c.text('source') });
  }
  return out;
}

export function readOwnTranslations(codes: Set<string>): Map<string, string> {
  const file = 'data/instrument-titles-id.csv';
  const table = readCsv(resolve(DATA, 'instrument-titles-id.csv'), file, ['code', 'title_id', 'translator_note']);
  const out = new Map<string, string>();
  for (const c of rowsOf(table)) {
    const code = c.required('code');
    if (!codes.has(code)) c.bad('code', `${code} is not in instruments.csv`);
    if (out.has(code)) c.bad('code', `duplicate translation for ${code}`);
    out.set(code, c.required('title_id'));
  }
  return out;
}

export function applyIndonesianTitles(instruments: Instrument[], official: Map<string, OfficialTitle>, own: Map<string, string>): void {
  const file = 'data/instrument-titles-id.csv';
  for (const i of instruments) {
    const needsTitle = i.category === 'fundamental' || i.category === 'governance' || TITLE_ID_REQUIRED_EXTRA.includes(i.code);
    const off = official.get(i.code);
    const mine = own.get(i.code);
    if (off) {
      if (mine) problem(file, null, 'code', `${i.code} has an official title; remove the unofficial translation`);
      i.titleId = off.title;
      i.titleIdKind = 'official';
      i.titleIdSource = off.source;
      i.titleIdAct = off.act;
    } else if (mine) {
      if (!needsTitle) problem(file, null, 'code', `${i.code} is not fundamental, governance, P029, R146 or R190: no translation expected`);
      i.titleId = mine;
      i.titleIdKind = 'unofficial';
      i.titleIdSource = TRANSLATION_SOURCE;
      i.titleIdAct = null;
    } else if (needsTitle) {
      problem(file, null, 'code', `${i.code} (${i.titleEn}) has no official title and needs a translation`);
    }
  }
}
