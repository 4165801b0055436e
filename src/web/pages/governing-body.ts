import { canWrite } from '../../domain/access/policy.ts';
import {
  type CompositionCell,
  GB_GROUPS,
  GB_MEMBER_TYPES,
  type GbGroup,
  type GbMemberType,
  type GbSession,
  seatCount,
} from '../../domain/governance/governing-body.ts';
import type { GoverningBodyOverview, PeriodView } from '../../services/organs-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { dateText, englishText, lowMark, tableRegion, unknown } from '../views/components.ts';
import { statusNotice } from '../views/edit-fields.ts';
import { layout } from '../views/layout.ts';
import { type CountryNames, sourceLine, stateLink } from '../views/organs.ts';
import type { View } from '../views/view.ts';

function seatsTable(v: View, o: GoverningBodyOverview): SafeHtml {
  const { t, f } = v;
  const cell = (group: GbGroup | 'all', type: GbMemberType) => {
    const n = seatCount(o.rules, group, type);
    const fact = o.rules.seats.find((s) => s.group === group && s.memberType === type);
    return n === null ? unknown(t.gbNotInSources) : html`${f.number(n)}${lowMark(v, fact?.confidence)}`;
  };
  const first = o.rules.seats[0];
  return html`${tableRegion(
    'gb-seats-caption',
    html`<table>
<caption id="gb-seats-caption">${t.gbSeatsCaption}</caption>
<thead><tr><th scope="col">${t.gbColGroup}</th><th scope="col" class="num">${t.gbColTitular}</th><th scope="col" class="num">${t.gbColDeputy}</th></tr></thead>
<tbody>
${GB_GROUPS.map((g) => html`<tr><th scope="row">${t.gbGroup[g]}</th><td class="num">${cell(g, 'titular')}</td><td class="num">${cell(g, 'deputy')}</td></tr>`)}
<tr class="total"><th scope="row">${t.gbTotal}</th><td class="num">${cell('all', 'titular')}</td><td class="num">${cell('all', 'deputy')}</td></tr>
</tbody>
</table>`,
  )}
${first ? sourceLine(v, first.source, first.confidence) : null}
<p>${t.gbRulesCited(o.rules.citations.join('; '))}</p>
${o.rules.issues.length ? html`<p class="notice">${t.gbDataIssues}</p><ul>${o.rules.issues.map((i) => html`<li lang="en">${i.message}</li>`)}</ul>` : null}`;
}

function permanentSeats(v: View, o: GoverningBodyOverview, names: CountryNames): SafeHtml {
  const { t, f } = v;
  const cycle = o.rules.electionCycle;
  const first = o.rules.permanentSeats[0];
  return html`<section aria-labelledby="gb-permanent-heading">
<h2 id="gb-permanent-heading">${t.gbPermanentHeading}</h2>
<p>${t.gbPermanentIntro}</p>
<ul class="columns">
${o.rules.permanentSeats.map((p) => html`<li>${stateLink(v, p.iso3, names)}${lowMark(v, p.confidence)}</li>`)}
</ul>
${first ? sourceLine(v, first.source, first.confidence) : null}
<p>${cycle?.years && cycle.lastElection ? t.gbCycle(f.number(cycle.years), v.f.date(cycle.lastElection)?.text ?? cycle.lastElection) : unknown(t.gbCycleUnknown)}</p>
</section>`;
}

function unknownCell(v: View, cell: CompositionCell): SafeHtml {
  const { t, f, lang } = v;
  if (cell.unknown === null) return unknown(t.gbNotInSources);
  if (cell.unknown === 0) return html`${f.number(0)}`;
  return html`<a href="/${lang}/gaps?kind=governing-body-members" class="unknown">${t.gbUnknownSeats(f.number(cell.unknown))}</a>`;
}

function periodSection(v: View, p: PeriodView, names: CountryNames): SafeHtml {
  const { t, f, lang } = v;
  const id = `period-${p.id}`;
  const rows = GB_MEMBER_TYPES.flatMap((type) =>
    p.composition.cells
      .filter((c) => c.memberType === type)
      .map(
        (c) => html`<tr><th scope="row">${t.gbGroup[c.group]}, ${t.gbMemberType[c.memberType]}</th>
<td class="num">${c.seats === null ? unknown(t.gbNotInSources) : f.number(c.seats)}</td>
<td class="num">${f.number(c.permanent)}</td>
<td class="num">${f.number(c.knownElected)}</td>
<td class="num">${unknownCell(v, c)}</td></tr>`,
      ),
  );
  const members = p.members.length
    ? html`<h4 id="${id}-members">${t.gbMembersHeading(p.id)}</h4>
<ul class="columns">
${p.members.map(
  (m) =>
    html`<li>${m.holderIso3 ? stateLink(v, m.holderIso3, names) : null}${m.holderName ? html` <span lang="en">${m.holderName}</span>` : null} (${t.gbGroup[m.group]}, ${t.gbMemberType[m.memberType]}, ${t.gbSeatKind[m.seat]})${lowMark(v, m.confidence)}</li>`,
)}
</ul>`
    : null;
  return html`<section aria-labelledby="${id}" id="${id}-section">
<h3 id="${id}">${t.gbPeriodHeading(p.id)}</h3>
<dl class="facts">
<dt>${t.gbPeriodFrom}</dt><dd>${dateText(v, p.startDate)}</dd>
<dt>${t.gbPeriodTo}</dt><dd>${dateText(v, p.endDate)}</dd>
</dl>
<p>${t.gbMembership[p.composition.membership]} ${p.composition.membership === 'complete' ? null : html`${t.gbUnknownExplained} <a href="/${lang}/gaps?kind=governing-body-members">${t.gbGapsLink}</a>.`}</p>
${tableRegion(
  `${id}-caption`,
  html`<table>
<caption id="${id}-caption">${t.gbPeriodCaption(p.id)}</caption>
<thead><tr><th scope="col">${t.gbColType}</th><th scope="col" class="num">${t.gbColSeats}</th><th scope="col" class="num">${t.gbColPermanent}</th><th scope="col" class="num">${t.gbColKnownElected}</th><th scope="col" class="num">${t.gbColUnknown}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
)}
${members}
${sourceLine(v, p.source, p.confidence)}
${p.notes ? html`<p class="note">${englishText(v, p.notes)}</p>` : null}
</section>`;
}

function currentText(v: View, o: GoverningBodyOverview): SafeHtml {
  const { t, f, lang } = v;
  const day = f.date(o.asOf)?.text ?? o.asOf;
  if (o.current)
    return html`<p>${t.gbCurrentKnown(o.current.id, day)} <a href="#period-${o.current.id}">${t.gbPeriodHeading(o.current.id)}</a></p>`;
  return html`<p>${unknown(t.gbCurrentUnknown(day))}</p>
${o.cyclePeriod && !o.cyclePeriod.recorded ? html`<p id="period-${o.cyclePeriod.id}">${t.gbCycleDerived(o.cyclePeriod.id)} <a href="/${lang}/gaps?kind=governing-body-members">${t.gbGapsLink}</a>.</p>` : null}`;
}

export function sessionDates(v: View, s: Pick<GbSession, 'startDate' | 'endDate'>): SafeHtml {
  if (!s.startDate && !s.endDate) return unknown(v.t.dateNotRecorded);
  if (!s.endDate || s.endDate === s.startDate) return dateText(v, s.startDate);
  return html`${dateText(v, s.startDate)} – ${dateText(v, s.endDate)}`;
}

function sessionsSection(v: View, sessions: readonly GbSession[]): SafeHtml {
  const { t, f, lang } = v;
  const list = sessions.length
    ? tableRegion(
        'gb-sessions-caption',
        html`<table>
<caption id="gb-sessions-caption">${t.gbSessionsCaption}</caption>
<thead><tr><th scope="col">${t.gbColSession}</th><th scope="col">${t.gbColDates}</th><th scope="col">${t.gbColPlace}</th><th scope="col" class="num">${t.gbColAgendaItems}</th></tr></thead>
<tbody>
${sessions.map(
  (
    s,
  ) => html`<tr><th scope="row"><a href="/${lang}/governing-body/sessions/${s.number}">${t.gbSessionName(s.number)}</a>${lowMark(v, s.confidence)}</th>
<td>${sessionDates(v, s)}</td><td>${s.place ? html`<span lang="en">${s.place}</span>` : unknown(t.notRecorded)}</td><td class="num">${f.number(s.agenda.length)}</td></tr>`,
)}
</tbody>
</table>`,
      )
    : html`<p>${unknown(t.gbNoSessions)}</p>`;
  return html`<section aria-labelledby="gb-sessions-heading">
<h2 id="gb-sessions-heading">${t.gbSessionsHeading}</h2>
<p>${t.gbSessionsIntro}</p>
${canWrite(v.session?.actor ?? null, { kind: 'secretariat_record' }).allowed ? html`<p><a href="/${lang}/governing-body/sessions/new">${t.gbRecordSession}</a></p>` : null}
${list}
</section>`;
}

export function renderGoverningBody(v: View, o: GoverningBodyOverview, names: CountryNames): string {
  const { t, lang } = v;
  const body = html`<h1>${t.gbTitle}</h1>
<p class="lead">${t.gbIntro}</p>
<section aria-labelledby="gb-seats-heading">
<h2 id="gb-seats-heading">${t.gbSeatsHeading}</h2>
${seatsTable(v, o)}
</section>
${permanentSeats(v, o, names)}
<section aria-labelledby="gb-current-heading">
<h2 id="gb-current-heading">${t.gbCurrentHeading}</h2>
${currentText(v, o)}
</section>
<section aria-labelledby="gb-periods-heading">
<h2 id="gb-periods-heading">${t.gbPeriodsHeading}</h2>
${o.periods.length ? o.periods.map((p) => periodSection(v, p, names)) : html`<p>${unknown(t.gbNoPeriods)}</p>`}
</section>
${sessionsSection(v, o.sessions)}
<p><a href="/${lang}/office">${t.gbOfficeLink}</a></p>`;
  return layout(v, { title: t.gbTitle, section: 'governing-body', body });
}

export function renderGbSession(v: View, s: GbSession): string {
  const { t, lang } = v;
  const title = t.gbSessionTitle(s.number);
  const saved = v.session && new URLSearchParams(v.search).get('saved') === '1' ? statusNotice(t.savedNotice) : null;
  const body = html`<h1>${title}</h1>
${saved}
<dl class="facts">
<dt>${t.gbColDates}</dt><dd>${sessionDates(v, s)}</dd>
<dt>${t.gbColPlace}</dt><dd>${s.place ? html`<span lang="en">${s.place}</span>` : unknown(t.notRecorded)}</dd>
</dl>
<section aria-labelledby="gb-agenda-heading">
<h2 id="gb-agenda-heading">${t.gbAgendaHeading}</h2>
${s.agenda.length ? html`<ol>${s.agenda.map((a) => html`<li>${englishText(v, a)}</li>`)}</ol>` : html`<p>${unknown(t.gbNoAgenda)}</p>`}
</section>
${sourceLine(v, s.source, s.confidence)}
${s.notes ? html`<p class="note">${englishText(v, s.notes)}</p>` : null}
<p><a href="/${lang}/history?record=${s.number}">${t.gbSessionChanges}</a></p>
<p><a href="/${lang}/governing-body">${t.gbBackToGoverningBody}</a></p>`;
  return layout(v, { title, section: 'governing-body', body });
}
