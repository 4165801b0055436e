import type { Lang } from '../../domain/facts.ts';
import { type Dict, en } from './en.ts';
import { id } from './id.ts';

export type { Dict };

const DICTS: Record<Lang, Dict> = { en, id };

export function dictFor(lang: Lang): Dict {
  return DICTS[lang];
}
