import { canWrite } from '../../domain/access/policy.ts';
import { DELEGATION_GROUPS } from '../../domain/governance/delegation.ts';
import { explainVote } from '../../domain/governance/vote.ts';
import type { DelegationView, SessionDetail, VoteView } from '../../services/conference-service.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  countryLink,
  countryNamePlain,
  dateText,
  instrumentLink,
  instrumentTitle,
  lowMark,
  tableRegion,
  unknown,
} from '../views/components.ts';
import { statusNotice } from '../views/edit-fields.ts';
import { layout } from '../views/layout.ts';
import { sourceNames } from '../views/provenance.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import type { View } from '../views/view.ts';

function factsSection(v: View, d: SessionDetail): SafeHtml {
  const { t } = v;
  const s = d.session;
  const missing = t.confUnknown;
  return html`<section aria-labelledby="session-facts-heading">
<h2 id="session-facts-heading">${t.confFactsHeading}</h2>
<dl class="facts">
<dt>${t.confColYear}</dt><dd>${s.year === null ? unknown(missing) : String(s.year)}${lowMark(v, s.confidence)}</dd>
<dt>${t.confColPlace}</dt><dd>${s.place ?? unknown(missing)}</dd>
<dt>${t.confOpening}</dt><dd>${dateText(v, s.openingDate, missing)}</dd>
<dt>${t.confClosing}</dt><dd>${dateText(v, s.closingDate, missing)}</dd>
<dt>${t.confSource}</dt><dd>${s.source ? sourceNames(v, s.source, []) : unknown(missing)}</dd>
</dl>
</section>`;
}

function agendaSection(v: View, d: SessionDetail): SafeHtml {
  const { t } = v;
  const items = d.session.agenda;
  return html`<section aria-labelledby="agenda-heading">
<h2 id="agenda-heading">${t.confAgendaHeading}</h2>
${
  items.length
    ? html`<ol>${items.map((i) => html`<li><span lang="en">${i.text}</span>${i.instrument ? html` (${instrumentLink(v, i.instrument)})` : null}</li>`)}</ol>`
    : html`<p>${unknown(t.confAgendaEmpty)}</p>`
}
</section>`;
}

function adoptedSection(v: View, d: SessionDetail): SafeHtml {
  const { t } = v;
  return html`<section aria-labelledby="adopted-heading">
<h2 id="adopted-heading">${t.confAdoptedHeading}</h2>
<p class="note">${t.confAdoptedNote}</p>
${
  d.adopted.length
    ? html`<ul class="plain">${d.adopted.map((i) => html`<li>${instrumentLink(v, i.code)}: ${instrumentTitle(v, i)} (${dateText(v, i.adoptionDate)})</li>`)}</ul>`
    : html`<p>${unknown(t.confNoneAdopted)}</p>`
}
</section>`;
}

function credentialsText(v: View, d: DelegationView): string {
  const { t, f } = v;
  const { objected, invalidated } = d.summary;
  return objected || invalidated ? t.confCredentialsText(f.number(objected), f.number(invalidated)) : t.confCredentialsAllAccepted;
}

function votingText(v: View, d: DelegationView): SafeHtml {
  const { t } = v;
  const s = d.summary;
  const notes: string[] = [];
  if (s.noVote) notes.push(t.confArrearsNoVote);
  else if (s.inArrears) notes.push(t.confArrearsPermitted);
  if (s.noCounterpart) notes.push(t.confNoCounterpart(t.confGroup[s.noCounterpart]));
  return notes.length ? html`${notes.join('; ')}` : html`${t.confVotes}`;
}

function delegationsSection(v: View, d: SessionDetail): SafeHtml {
  const { t, f, lang } = v;
  const n = d.session.number;
  const actor = v.session?.actor ?? null;
  const labels = [
    t.confColState,
    t.confColGovernment,
    t.confColEmployers,
    t.confColWorkers,
    t.confColAdvisers,
    t.confColSubstitutes,
    t.confColCredentials,
    t.confColVoting,
  ];
  const editLink = (iso3: string) =>
    canWrite(actor, { kind: 'country_record', country: iso3 }).allowed
      ? html` <a href="/${lang}/conference/${n}/delegations/${iso3}/edit" class="edit-link">${t.confEditDelegation}<span class="visually-hidden"> (${iso3})</span></a>`
      : null;
  const rows = [...d.delegations]
    .sort((a, b) =>
      f.compare(
        countryNamePlain(v, { nameEn: a.countryNameEn, nameId: a.countryNameId }),
        countryNamePlain(v, { nameEn: b.countryNameEn, nameId: b.countryNameId }),
      ),
    )
    .map((dl) =>
      labelCells(
        labels,
        html`<tr>
<td>${countryLink(v, { iso3: dl.country, nameEn: dl.countryNameEn, nameId: dl.countryNameId })}${editLink(dl.country)}</td>
<td>${f.number(dl.summary.government)}</td>
<td>${f.number(dl.summary.employers)}</td>
<td>${f.number(dl.summary.workers)}</td>
<td>${f.number(dl.summary.advisers)}</td>
<td>${f.number(dl.summary.substitutes)}</td>
<td>${credentialsText(v, dl)}</td>
<td>${votingText(v, dl)}</td>
</tr>`,
      ),
    );
  const own = (actor?.countries ?? []).filter((c) => !d.delegations.some((dl) => dl.country === c));
  const mayEnterAny = canWrite(actor, { kind: 'secretariat_record' }).allowed;
  const enter = html`${own.map((c) => html`<p><a href="/${lang}/conference/${n}/delegations/${c}/edit">${t.confAddDelegation} (${c})</a></p>`)}${
    mayEnterAny
      ? html`<form method="get" action="/${lang}/conference/${n}/delegation" class="inline-form"><label for="delegation-state">${t.confFieldState} (ISO3)</label> <input id="delegation-state" name="iso3" maxlength="3" class="input-short" spellcheck="false"> <button type="submit">${t.confAddDelegation}</button></form>`
      : null
  }`;
  return html`<section aria-labelledby="delegations-heading">
<h2 id="delegations-heading">${t.confDelegationsHeading}</h2>
${enter}
${
  d.delegations.length
    ? tableRegion(
        'delegations-caption',
        html`<table class="${STACKED_TABLE}">
<caption id="delegations-caption">${t.confDelegationsCaption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
      )
    : html`<p>${unknown(t.confDelegationsEmpty)}</p>`
}
</section>`;
}

function voteBlock(v: View, vote: VoteView): SafeHtml {
  const { t, f, lang } = v;
  const n = vote.key.split('/')[1] ?? vote.key;
  const id = `vote-${n}`;
  const date = f.date(vote.date)?.text ?? vote.date;
  const r = vote.result;
  const about = html`${vote.agendaItem !== null ? html`${t.confVoteOnItem(f.number(vote.agendaItem))} ` : null}${vote.instrument ? html`${t.confVoteInstrument(vote.instrument.code)} ` : null}<span class="note">${t.confVoteMode[vote.mode]}; ${t.confSource}: <span lang="en">${vote.source}</span></span>`;
  if (!r)
    return html`<article class="vote" aria-labelledby="${id}"><h3 id="${id}">${t.confVoteTitle(n, t.confVoteKind[vote.kind], date)}</h3>
<p>${about}</p><p>${t.confResultUnavailable} <span lang="en">${vote.resultProblem ?? ''}</span></p></article>`;
  const [summary, ...reasons] = explainVote(r, lang);
  const numbers: [string, number][] = [
    [t.confFor, r.for],
    [t.confAgainst, r.against],
    [t.confAbstain, r.abstain],
    [t.confAttending, r.delegatesAttending],
    [t.confVotesCast, r.votesCast],
    [t.confQuorum, r.quorum],
    [t.confRequired, r.required],
    [t.confMargin, r.margin],
  ];
  const byGroup = r.byGroup;
  const groupLabels = [t.confColGroup, t.confFor, t.confAgainst, t.confAbstain];
  return html`<article class="vote" aria-labelledby="${id}">
<h3 id="${id}">${t.confVoteTitle(n, t.confVoteKind[vote.kind], date)}</h3>
<p>${about}</p>
<p class="vote-outcome vote-${r.outcome}"><strong>${t.confOutcome[r.outcome]}</strong>. ${summary}</p>
<dl class="facts">${numbers.map(([label, value]) => html`<dt>${label}</dt><dd>${f.number(value)}</dd>`)}</dl>
${
  byGroup
    ? tableRegion(
        `${id}-groups`,
        html`<table class="${STACKED_TABLE}"><caption id="${id}-groups">${t.confByGroupCaption(n)}</caption>
<thead><tr>${groupLabels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>${DELEGATION_GROUPS.map((g) => labelCells(groupLabels, html`<tr><td>${t.confGroupTitle[g]}</td><td>${f.number(byGroup[g].for)}</td><td>${f.number(byGroup[g].against)}</td><td>${f.number(byGroup[g].abstain)}</td></tr>`))}</tbody></table>`,
      )
    : null
}
${
  r.excluded?.length
    ? html`<h4>${t.confExcludedHeading}</h4><ul>${r.excluded.map((e) => html`<li>${t.confExcluded(e.delegateId, e.country, e.article)}</li>`)}</ul>`
    : null
}
<h4>${t.confExplanation}</h4>
<ul>${reasons.map((line) => html`<li>${line}</li>`)}</ul>
</article>`;
}

function votesSection(v: View, d: SessionDetail): SafeHtml {
  const { t, lang } = v;
  const mayRecord = canWrite(v.session?.actor ?? null, { kind: 'secretariat_record' }).allowed;
  return html`<section aria-labelledby="votes-heading">
<h2 id="votes-heading">${t.confVotesHeading}</h2>
${mayRecord ? html`<p><a href="/${lang}/conference/${d.session.number}/votes/new">${t.confRecordVote}</a></p>` : null}
${d.votes.length ? d.votes.map((vote) => voteBlock(v, vote)) : html`<p>${unknown(t.confVotesEmpty)}</p>`}
</section>`;
}

export function renderConferenceSession(v: View, d: SessionDetail, notice: 'saved' | 'unchanged' | null = null): string {
  const { t, lang } = v;
  const n = d.session.number;
  const title = t.confSessionTitle(n);
  const mayEdit = canWrite(v.session?.actor ?? null, { kind: 'ilc_session' }).allowed;
  const body = html`<p class="breadcrumb"><a href="/${lang}/conference">${t.confBackToList}</a></p>
<h1>${title}</h1>
${notice === 'saved' ? statusNotice(t.confSavedNotice) : notice === 'unchanged' ? statusNotice(t.unchangedNotice) : null}
${mayEdit ? html`<p><a href="/${lang}/conference/${n}/edit">${t.confEditSession}</a></p>` : null}
${factsSection(v, d)}
${agendaSection(v, d)}
${adoptedSection(v, d)}
${delegationsSection(v, d)}
${votesSection(v, d)}
<p><a href="/${lang}/history?record=${n}">${t.confHistoryLink}</a></p>`;
  return layout(v, { title, section: 'conference', body });
}
