import type { Lang } from '../../facts.ts';
import { DELEGATE_GROUPS, type VoteReason, type VoteResult } from '../types.ts';
import { VOTE_MESSAGE_KEYS, type VoteCatalogue, type VoteMessageKey } from './catalogue.ts';
import { VOTE_CATALOGUE_EN } from './en.ts';
import { VOTE_CATALOGUE_ID } from './id.ts';

export const VOTE_CATALOGUES: Record<Lang, VoteCatalogue> = { en: VOTE_CATALOGUE_EN, id: VOTE_CATALOGUE_ID };

const PLACEHOLDER = /\{(\w+)\}/g;
const CONSTITUTION_CITATION = /^Constitution Art (\d+)((?:\([0-9a-z]+\))*)$/;

function isMessageKey(code: string): code is VoteMessageKey {
  return (VOTE_MESSAGE_KEYS as readonly string[]).includes(code);
}

/**
 * A citation as a reader of `lang` writes it: English keeps 'Constitution Art 17(3)'; Indonesian
 * writes 'Pasal 17 ayat (3) Konstitusi ILO'. Other citations are returned unchanged.
 */
export function renderVoteCitation(citation: string, lang: Lang): string {
  if (lang === 'en') return citation;
  const m = CONSTITUTION_CITATION.exec(citation);
  if (!m) return citation;
  const parts = [...(m[2] ?? '').matchAll(/\(([0-9a-z]+)\)/g)].map((p) => (/^\d+$/.test(p[1]!) ? `ayat (${p[1]})` : `huruf ${p[1]}`));
  return ['Pasal', m[1], ...parts, VOTE_CATALOGUES[lang].constitution].join(' ');
}

/** One reason as a sentence. An unknown code shows as itself, and a missing param stays `{name}`. */
export function renderVoteReason(reason: VoteReason, lang: Lang): string {
  if (!isMessageKey(reason.code)) return `${reason.code} (${renderVoteCitation(reason.article, lang)})`;
  const template = VOTE_CATALOGUES[lang].messages[reason.code];
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'article') return renderVoteCitation(reason.article, lang);
    const value = reason.params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The result in one sentence: outcome, counts, the majority required and the margin, the quorum. */
export function renderVoteSummary(result: VoteResult, lang: Lang): string {
  const c = VOTE_CATALOGUES[lang];
  const s = c.summary;
  const counts = s.counts(result.for, result.against, result.abstain);
  const head = `${c.outcomes[result.outcome]}: ${counts}`;
  if (!result.quorumMet) return `${head}; ${s.quorumNotMet(result.votesCast, result.quorum, result.delegatesAttending)}.`;
  const majority =
    result.kind === 'ordinary' ? s.simple(result.votesCast, result.required) : s.twoThirds(result.votesCast, result.required);
  const margin = result.margin >= 0 ? s.reached(result.margin) : s.short(-result.margin);
  return `${head}; ${majority}, ${margin}; ${s.quorumMet(result.quorum, result.delegatesAttending)}.`;
}

/** A record vote's counted ballots by group (government, employers, workers), or null for counts only. */
export function renderGroupSplit(result: VoteResult, lang: Lang): string | null {
  if (!result.byGroup) return null;
  const c = VOTE_CATALOGUES[lang];
  const parts = DELEGATE_GROUPS.map((g) => {
    const n = result.byGroup![g];
    return `${c.groups[g]}: ${c.summary.counts(n.for, n.against, n.abstain)}`;
  });
  return `${c.summary.byGroup}: ${parts.join('; ')}.`;
}

/** The summary, the split by group (record votes), then every reason in the order they decide. */
export function explainVote(result: VoteResult, lang: Lang): string[] {
  const split = renderGroupSplit(result, lang);
  return [renderVoteSummary(result, lang), ...(split ? [split] : []), ...result.reasons.map((r) => renderVoteReason(r, lang))];
}
