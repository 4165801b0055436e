import { html, type SafeHtml } from '../html.ts';
import { FAVICON_HREF, STYLESHEET_HREF } from '../static/assets.ts';
import { otherLang, type View } from './view.ts';

export type Section =
  | 'home'
  | 'instruments'
  | 'countries'
  | 'compliance'
  | 'search'
  | 'account'
  | 'screening'
  | 'gaps'
  | 'history'
  | 'login'
  | 'conference'
  | 'governing-body'
  | 'supervision'
  | 'programmes'
  | 'statistics'
  | 'goods'
  | 'documents'
  | null;

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

/** Paths a "Sign in" link may come back to: pages, not the sign-in page or a form's target. */
function returnPath(v: View): string | null {
  if (v.path === '/login' || v.path === '/logout') return null;
  return `/${v.lang}${v.path}${v.search}`;
}

/**
 * Who is reading: "Sign in" for an anonymous reader; the email and role, a link to the account
 * (the gaps worklist is in the main menu), and a sign-out button (a POST form, so no link can sign anyone out) otherwise.
 */
function userNav(v: View, section: Section): SafeHtml {
  const { t, lang } = v;
  const current = (s: Section) => (s === section ? html` aria-current="page"` : null);
  if (!v.session) {
    const back = returnPath(v);
    const href = back && back !== `/${lang}/` ? `/${lang}/login?next=${encodeURIComponent(back)}` : `/${lang}/login`;
    return html`<nav class="user-nav" aria-label="${t.accountNavLabel}"><ul><li><a href="${href}"${current('login')}>${t.signIn}</a></li></ul></nav>`;
  }
  const { actor } = v.session;
  return html`<nav class="user-nav" aria-label="${t.accountNavLabel}"><ul>
<li class="user-who">${t.signedInAs(actor.email, t.role[actor.role])}</li>
<li><a href="/${lang}/account"${current('account')}>${t.navAccount}</a></li>
<li><form method="post" action="/${lang}/logout" class="signout-form"><input type="hidden" name="_csrf" value="${v.session.csrfToken}"><button type="submit" class="button-quiet">${t.signOut}</button></form></li>
</ul></nav>`;
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
<link rel="icon" href="${FAVICON_HREF}" type="image/svg+xml">
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
<div class="header-tools">
${userNav(v, page.section)}
<nav class="lang-switch" aria-label="${t.languageNavLabel}"><a href="/${other}${suffix}" hreflang="${other}" lang="${other}" title="${t.otherLanguageHint}">${t.otherLanguageName}</a></nav>
</div>
</div>
<nav class="main-nav" aria-label="${t.mainNavLabel}">
<ul class="wrap">
${navLink(v, 'home', page.section, '/', t.navHome)}
${navLink(v, 'instruments', page.section, '/instruments', t.navInstruments)}
${navLink(v, 'countries', page.section, '/countries', t.navCountries)}
${navLink(v, 'conference', page.section, '/conference', t.navConference)}
${navLink(v, 'supervision', page.section, '/supervision', t.navSupervision)}
${navLink(v, 'compliance', page.section, '/compliance/check', t.navCheck)}
${navLink(v, 'screening', page.section, '/compliance/screen', t.navScreen)}
${navLink(v, 'governing-body', page.section, '/governing-body', t.navGoverningBody)}
${navLink(v, 'programmes', page.section, '/programmes', t.navProgrammes)}
${navLink(v, 'statistics', page.section, '/statistics', t.navStatistics)}
${navLink(v, 'goods', page.section, '/goods', t.navGoods)}
${navLink(v, 'documents', page.section, '/documents', t.navDocuments)}
${navLink(v, 'gaps', page.section, '/gaps', t.navGaps)}
${navLink(v, 'history', page.section, '/history', t.navHistory)}
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
<ul class="footer-links">
<li><a href="/${lang}/gaps">${t.navGaps}</a></li>
<li><a href="/${lang}/history">${t.navHistory}</a></li>
<li><a href="/api/openapi.json">${t.footerApi}</a></li>
<li><a href="/${lang}/data">${t.footerData}</a></li>
</ul>
</div>
</footer>
</body>
</html>
`;
  return doc.value;
}
