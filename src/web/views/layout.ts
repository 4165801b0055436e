import { html, type SafeHtml } from '../html.ts';
import { STYLESHEET_HREF } from '../static/assets.ts';
import { otherLang, type View } from './view.ts';

export type Section = 'home' | 'instruments' | 'countries' | 'compliance' | 'search' | null;

export interface PageOptions {
  title: string;
  section: Section;
  body: SafeHtml;
  /** Same-origin scripts (versioned URLs), loaded with `defer`; every page works without them. */
  scripts?: readonly string[];
}

function navLink(v: View, section: Section, current: Section, path: string, label: string): SafeHtml {
  const isCurrent = section === current;
  return html`<li><a href="/${v.lang}${path}"${isCurrent ? html` aria-current="page"` : null}>${label}</a></li>`;
}

/** The page shell: skip link, header with navigation and language switch, main, footer. */
export function layout(v: View, page: PageOptions): string {
  const { t, lang } = v;
  const other = otherLang(lang);
  const suffix = `${v.path}${v.search}`;
  const doc = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} – ${t.siteName}</title>
<link rel="stylesheet" href="${STYLESHEET_HREF}">
<link rel="alternate" hreflang="en" href="/en${suffix}">
<link rel="alternate" hreflang="id" href="/id${suffix}">
<link rel="alternate" hreflang="x-default" href="/en${suffix}">
${(page.scripts ?? []).map(
  (src) => html`<script src="${src}" defer></script>
`,
)}</head>
<body>
<a class="skip-link" href="#main">${t.skipToContent}</a>
<header class="site-header">
<div class="wrap header-inner">
<p class="site-name"><a href="/${lang}/">${t.siteName}</a> <span class="tagline">${t.siteTagline}</span></p>
<nav class="lang-switch" aria-label="${t.languageNavLabel}"><a href="/${other}${suffix}" hreflang="${other}" lang="${other}" title="${t.otherLanguageHint}">${t.otherLanguageName}</a></nav>
</div>
<nav class="main-nav" aria-label="${t.mainNavLabel}">
<ul class="wrap">
${navLink(v, 'home', page.section, '/', t.navHome)}
${navLink(v, 'instruments', page.section, '/instruments', t.navInstruments)}
${navLink(v, 'countries', page.section, '/countries', t.navCountries)}
${navLink(v, 'compliance', page.section, '/compliance/check', t.navCheck)}
${navLink(v, 'search', page.section, '/search', t.navSearch)}
</ul>
</nav>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${t.footerAbout}</p>
<p><a href="/api/openapi.json">${t.footerApi}</a></p>
</div>
</footer>
</body>
</html>
`;
  return doc.value;
}
