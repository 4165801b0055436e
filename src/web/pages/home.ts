import type { InstrumentRef } from '../../services/registry-service.ts';
import { html } from '../html.ts';
import { instrumentTitle, lowMark } from '../views/components.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { searchForm } from './search.ts';

export interface HomeData {
  instrumentCount: number;
  countryCount: number;
  ratificationCount: number;
  /** C138 and C182, in that order; a missing one is simply not listed. */
  childLabour: (InstrumentRef & { confidence?: 'high' | 'medium' | 'low' | null })[];
}

export function renderHome(v: View, data: HomeData): string {
  const { t, f, lang } = v;
  const body = html`<h1>${t.homeTitle}</h1>
<p class="lead">${t.homeIntro}</p>
${searchForm(v, '')}
<section aria-labelledby="figures-heading">
<h2 id="figures-heading">${t.figuresHeading}</h2>
<ul class="figures">
<li><strong>${f.number(data.instrumentCount)}</strong> ${t.figureInstruments}</li>
<li><strong>${f.number(data.countryCount)}</strong> ${t.figureMemberStates}</li>
<li><strong>${f.number(data.ratificationCount)}</strong> ${t.figureRatifications}</li>
</ul>
</section>
<section aria-labelledby="child-labour-heading">
<h2 id="child-labour-heading">${t.childLabourHeading}</h2>
<p>${t.childLabourIntro}</p>
<ul>
${data.childLabour.map(
  (i) => html`<li><a href="/${lang}/instruments/${i.code}">${i.code}: ${instrumentTitle(v, i)}</a>${lowMark(v, i.confidence)}</li>`,
)}
</ul>
<p>${t.childLabourToolsIntro}</p>
<ul>
<li><a href="/${lang}/compliance/check">${t.linkCheck}</a></li>
<li><a href="/${lang}/compliance/screen">${t.linkScreen}</a></li>
</ul>
</section>
<section aria-labelledby="explore-heading">
<h2 id="explore-heading">${t.exploreHeading}</h2>
<ul>
<li><a href="/${lang}/instruments">${t.linkAllInstruments}</a></li>
<li><a href="/${lang}/countries">${t.linkAllCountries}</a></li>
<li><a href="/${lang}/countries/IDN">${t.linkIndonesia}</a></li>
</ul>
</section>`;
  return layout(v, { title: t.homeTitle, section: 'home', body });
}
