import type { DomainError } from '../../domain/errors.ts';
import { renderVoteCitation, VOTE_CATALOGUES, VOTE_KINDS, type VoteKind, type VoteOutcome } from '../../domain/governance/vote.ts';
import type { VoteEvaluation, VoteEvaluationInput } from '../../services/vote-evaluation.ts';
import { html, type SafeHtml } from '../html.ts';
import { describedBy, errorSummary, type FieldError, field, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/** The form's count fields, named as in the API's request so a URL reads like one. */
export const VOTE_COUNT_FIELDS = ['for', 'against', 'abstain', 'delegatesAttending'] as const;
type CountField = (typeof VOTE_COUNT_FIELDS)[number];

/** The id of each control: error summary links and aria-describedby point at these. */
export const VOTE_FIELD_IDS: Record<CountField | 'kind' | 'abstentionsAreVotesCast', string> = {
  kind: 'vote-kind-ordinary',
  for: 'vote-for',
  against: 'vote-against',
  abstain: 'vote-abstain',
  delegatesAttending: 'vote-attending',
  abstentionsAreVotesCast: 'vote-abstentions-cast',
};

export interface VoteFormValues {
  kind: string;
  for: string;
  against: string;
  abstain: string;
  delegatesAttending: string;
  abstentionsAreVotesCast: boolean;
}

export interface VoteFormInput {
  /** True when the form was sent (it always sends `kind` once one is chosen, and the counts). */
  submitted: boolean;
  values: VoteFormValues;
  /** The values as the service takes them; text that is not a whole number becomes NaN for the engine to refuse. */
  request: VoteEvaluationInput;
}

const MAX_VALUE_LENGTH = 20;
const TRUE_VALUES = new Set(['1', 'on', 'yes', 'true']);

function count(raw: string): number {
  // An empty abstentions box means none; any other empty box is refused by the engine.
  return /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
}

export function parseVoteForm(params: URLSearchParams): VoteFormInput {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, MAX_VALUE_LENGTH);
  const values: VoteFormValues = {
    kind: get('kind'),
    for: get('for'),
    against: get('against'),
    abstain: get('abstain'),
    delegatesAttending: get('delegatesAttending'),
    abstentionsAreVotesCast: TRUE_VALUES.has(get('abstentionsAreVotesCast').toLowerCase()),
  };
  return {
    submitted: ['kind', ...VOTE_COUNT_FIELDS].some((name) => params.has(name)),
    values,
    request: {
      kind: values.kind as VoteKind,
      for: count(values.for),
      against: count(values.against),
      abstain: values.abstain === '' ? 0 : count(values.abstain),
      delegatesAttending: count(values.delegatesAttending),
      abstentionsAreVotesCast: values.abstentionsAreVotesCast,
    },
  };
}

function countLabel(v: View, name: CountField): string {
  const { t } = v;
  return { for: t.voteForLabel, against: t.voteAgainstLabel, abstain: t.voteAbstainLabel, delegatesAttending: t.voteAttendingLabel }[name];
}

/** The engine's refusal as one message per field, in the form's order and the reader's language. */
export function voteErrors(v: View, error: DomainError, values: VoteFormValues): FieldError[] {
  const { t, f } = v;
  const fields = new Set(error.issues.map((i) => i.field));
  const errors: FieldError[] = [];
  if (fields.has('kind')) errors.push({ id: VOTE_FIELD_IDS.kind, message: t.voteFieldKind });
  for (const name of VOTE_COUNT_FIELDS) {
    if (!fields.has(name)) continue;
    const overCount = name === 'delegatesAttending' && error.issues.some((i) => i.field === name && i.rule === 'votes-exceed-attending');
    if (overCount) {
      const total = Number(values.for) + Number(values.against) + (values.abstain === '' ? 0 : Number(values.abstain));
      errors.push({ id: VOTE_FIELD_IDS[name], message: t.voteFieldTooMany(f.number(total), f.number(Number(values.delegatesAttending))) });
    } else errors.push({ id: VOTE_FIELD_IDS[name], message: t.voteFieldCount(countLabel(v, name)) });
  }
  return errors;
}

export interface VotePageData {
  values: VoteFormValues;
  result: VoteEvaluation | null;
  errors: readonly FieldError[];
}

const OUTCOME_STYLE: Record<VoteOutcome, { css: string; icon: string }> = {
  adopted: { css: 'verdict-permitted', icon: '✓' },
  rejected: { css: 'verdict-prohibited', icon: '✕' },
  void: { css: 'verdict-conditional', icon: '!' },
};

/** The outcome as a badge: colour, a symbol and the word, so colour is never the only signal. */
function outcomeBadge(v: View, outcome: VoteOutcome): SafeHtml {
  const style = OUTCOME_STYLE[outcome];
  return html`<p class="verdict ${style.css}"><span class="verdict-icon" aria-hidden="true">${style.icon}</span><span class="verdict-text">${VOTE_CATALOGUES[v.lang].outcomes[outcome]}</span></p>`;
}

function resultSection(v: View, r: VoteEvaluation): SafeHtml {
  const { t, f } = v;
  const [summary, ...reasons] = r.explanation;
  return html`<section class="result" aria-labelledby="result-heading">
<h2 id="result-heading">${t.voteResultHeading}</h2>
${outcomeBadge(v, r.outcome)}
<p class="verdict-explained">${summary ?? ''}</p>
<h3 id="figures-heading">${t.voteFiguresHeading}</h3>
<dl class="facts">
<dt>${t.voteLabelKind}</dt><dd>${VOTE_CATALOGUES[v.lang].kinds[r.kind]}</dd>
<dt>${t.voteLabelVotesCast}</dt><dd>${f.number(r.votesCast)}</dd>
<dt>${t.voteLabelQuorum}</dt><dd>${f.number(r.quorum)} (${r.quorumMet ? t.voteQuorumMet : t.voteQuorumNotMet})</dd>
<dt>${t.voteLabelRequired}</dt><dd>${f.number(r.required)}</dd>
<dt>${t.voteLabelMargin}</dt><dd>${r.margin > 0 ? '+' : ''}${f.number(r.margin)}</dd>
<dt>${t.voteLabelArticles}</dt><dd>${r.citations.map((c) => renderVoteCitation(c, v.lang)).join('; ')}</dd>
</dl>
<h3 id="reasons-heading">${t.voteReasonsHeading}</h3>
<ol class="reasons">
${reasons.map((line, i) => html`<li><span class="reason-citation">${renderVoteCitation(r.reasons[i]?.article ?? '', v.lang)}</span><br>${line}</li>`)}
</ol>
<p class="note">${t.voteDisclaimer}</p>
</section>`;
}

function countInput(v: View, data: VotePageData, name: CountField, hint: string | null): SafeHtml {
  const id = VOTE_FIELD_IDS[name];
  const error = data.errors.find((e) => e.id === id);
  return field(
    error,
    html`<label for="${id}">${countLabel(v, name)}</label>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : null}
${fieldError(v, error)}
<input type="number" class="input-short" id="${id}" name="${name}" value="${data.values[name]}" min="0" step="1" inputmode="numeric"${describedBy(hint ? `${id}-hint` : null, error)}>`,
  );
}

function voteForm(v: View, data: VotePageData): SafeHtml {
  const { t, lang } = v;
  const kindError = data.errors.find((e) => e.id === VOTE_FIELD_IDS.kind);
  const kinds = VOTE_KINDS.map((kind) => {
    const id = `vote-kind-${kind}`;
    return html`<div class="field radio">
<input type="radio" id="${id}" name="kind" value="${kind}"${data.values.kind === kind ? html` checked` : null} aria-describedby="${id}-hint">
<label for="${id}">${VOTE_CATALOGUES[lang].kinds[kind]}</label>
<p class="hint" id="${id}-hint">${t.voteKindHint[kind]}</p>
</div>`;
  });
  const abstentionsId = VOTE_FIELD_IDS.abstentionsAreVotesCast;
  return html`<section aria-labelledby="form-heading">
<h2 id="form-heading">${data.result ? t.voteCalcChangeHeading : t.voteCalcFormHeading}</h2>
<form class="check-form" method="get" action="/${lang}/conference/vote-calculator" novalidate>
<fieldset class="group${kindError ? ' field-has-error' : ''}"${kindError ? html` aria-describedby="${kindError.id}-error"` : null}>
<legend>${t.voteKindLegend}</legend>
${fieldError(v, kindError)}
${kinds}
</fieldset>
<fieldset class="group">
<legend>${t.voteCountsLegend}</legend>
${countInput(v, data, 'for', null)}
${countInput(v, data, 'against', null)}
${countInput(v, data, 'abstain', null)}
${countInput(v, data, 'delegatesAttending', t.voteAttendingHint)}
</fieldset>
<div class="field checkbox">
<input type="checkbox" id="${abstentionsId}" name="abstentionsAreVotesCast" value="yes"${data.values.abstentionsAreVotesCast ? html` checked` : null} aria-describedby="${abstentionsId}-hint">
<label for="${abstentionsId}">${t.voteAbstentionsLabel}</label>
<p class="hint" id="${abstentionsId}-hint">${t.voteAbstentionsHint}</p>
</div>
<button type="submit">${t.voteSubmit}</button>
</form>
</section>`;
}

export function renderVoteCalculator(v: View, data: VotePageData): string {
  const { t } = v;
  const body = html`<h1>${t.voteCalcTitle}</h1>
<p class="lead">${t.voteCalcIntro}</p>
${errorSummary(v, data.errors)}
${data.result && !data.errors.length ? resultSection(v, data.result) : null}
${voteForm(v, data)}
<p class="note">${t.voteCalcApiNote}</p>`;
  let title = t.voteCalcTitle;
  if (data.errors.length) title = t.errorTitlePrefix(t.voteCalcTitle);
  else if (data.result) title = `${VOTE_CATALOGUES[v.lang].outcomes[data.result.outcome]} – ${t.voteCalcTitle}`;
  return layout(v, { title, section: 'conference', body });
}
