/**
 * Provenance in plain words (issue 8 item 17). Public pages say who the authority is, which source
 * (by name, with its link) and how sure the registry is, in the page's language. The raw research
 * notes and the compilers' source descriptions are English working notes: only signed-in editors
 * see them here; everyone gets them in the data downloads (JSON API, CSV export).
 */
import type { Confidence } from '../../domain/facts.ts';
import { html, type SafeHtml } from '../html.ts';
import { englishText, unknown, unverifiedBadge } from './components.ts';
import type { View } from './view.ts';

export interface SourceEntry {
  id: string;
  description: string | null;
}

const URLS = /https?:\/\/[^\s"'<>)]+/g;
const SOURCE_ID = /^[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*$/;

/** Signed-in readers are editors (every role edits something); they see the working notes. */
export function isEditor(v: View): boolean {
  return v.session !== null;
}

/** "verified (high confidence)" or the unverified badge; medium and high rest on a good source. */
export function confidenceWords(v: View, confidence: Confidence | null | undefined): SafeHtml {
  const { t } = v;
  if (!confidence) return unknown(t.notRated);
  if (confidence === 'low') return html`${t.confidenceInWords(t.unverified, t.confidence.low)}${unverifiedBadge(v)}`;
  return html`${t.confidenceInWords(t.verified, t.confidence[confidence])}`;
}

function hostOf(url: string): string {
  try {
    return new globalThis.URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function urlsOf(description: string | null | undefined): string[] {
  return description ? [...description.matchAll(URLS)].map((m) => m[0].replace(/[.,;:]+$/, '')) : [];
}

/**
 * The link of a documented id: its only URL, or among several (a SOURCES.md row may describe a group
 * of ids) the one whose site the id names; null when that cannot be told, rather than a wrong link.
 */
function linkOf(id: string, urls: readonly string[]): string | null {
  if (urls.length === 1) return urls[0] ?? null;
  const words = id
    .toLowerCase()
    .split(/[-.]/)
    .filter((w) => w.length >= 4 && !/^\d+$/.test(w));
  return urls.find((u) => words.some((w) => hostOf(u).includes(w))) ?? null;
}

function siteLink(url: string): SafeHtml {
  return html`<a href="${url}" rel="nofollow noopener">${hostOf(url)}</a>`;
}

/** One source by name and link: the site's name for a URL, the id with its link for a documented id. */
export function sourceName(v: View, id: string, description: string | null | undefined, allLinks = false): SafeHtml {
  if (/^https?:\/\//.test(id)) return siteLink(id);
  if (!SOURCE_ID.test(id)) return html`<span class="source-unnamed">${v.t.unnamedSource}</span>`;
  const urls = urlsOf(description);
  const name = html`<span class="source-id">${id}</span>`;
  const url = linkOf(id, urls);
  if (url) return html`${siteLink(url)} (${name})`;
  if (urls.length === 0) return html`${name} <span class="note">(${v.t.noSourceLink})</span>`;
  if (allLinks) return html`${name}: ${urls.map((u, k) => (k === 0 ? siteLink(u) : html`, ${siteLink(u)}`))}`;
  return html`${name} <span class="note">(${v.t.sourceLinksListed})</span>`;
}

/** A `;`-separated source list as names and links; unknown sources are said to be unknown. */
export function sourceNames(v: View, source: string | null | undefined, sources: readonly SourceEntry[]): SafeHtml {
  const ids = (source ?? '')
    .split(/\s*;\s*/)
    .map((s) => s.trim().replace(/^[a-z_]+:(?=[A-Z])/, ''))
    .filter(Boolean);
  if (ids.length === 0) return unknown(v.t.noSources);
  const byId = new Map(sources.map((s) => [s.id, s.description]));
  const names = ids.map((id) => sourceName(v, id, byId.get(id)));
  return html`${names.map((n, k) => (k === 0 ? n : html`, ${n}`))}`;
}

export interface ProvenanceFacts {
  source: string | null;
  confidence: Confidence | null;
  /** The legal authority, e.g. the Indonesian act that approved the Convention. */
  authority?: string | null;
}

/** "authority: …; source: …; verified (high confidence)", in the page's language. */
export function provenanceText(v: View, facts: ProvenanceFacts, sources: readonly SourceEntry[]): SafeHtml {
  const { t } = v;
  const authority = facts.authority ? html`${t.authorityLabel}: <span lang="id">${facts.authority}</span>; ` : null;
  return html`${authority}${t.sourceLabel}: ${sourceNames(v, facts.source, sources)}; ${confidenceWords(v, facts.confidence)}`;
}

/** The raw research notes, for signed-in editors only; null for everyone else. */
export function editorNotes(v: View, notes: string | null | undefined): SafeHtml | null {
  if (!notes || !isEditor(v)) return null;
  return html`<details class="editor-notes"><summary>${v.t.editorNotesLabel}</summary>${englishText(v, notes)}</details>`;
}

/** Sources by name and link; the compilers' descriptions (English research notes) only for editors. */
export function sourcesSection(v: View, sources: readonly SourceEntry[]): SafeHtml {
  const editor = isEditor(v);
  const items = sources.map((s) => {
    const details =
      editor && s.description
        ? html`<details><summary>${v.t.editorSourceDetailsLabel}</summary>${englishText(v, s.description)}</details>`
        : null;
    return html`<li>${sourceName(v, s.id, s.description, true)}${details}</li>`;
  });
  return html`<section aria-labelledby="sources-heading">
<h2 id="sources-heading">${v.t.sourcesHeading}</h2>
${items.length ? html`<ul class="sources">${items}</ul>` : html`<p>${unknown(v.t.noSources)}</p>`}
</section>`;
}
