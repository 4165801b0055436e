import { renderCitation, WORK_KINDS } from '../../domain/child-labour/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { SCREEN_SCRIPT_HREF, SCREENING_EXAMPLE_HREF } from '../static/assets.ts';
import { tableRegion } from '../views/components.ts';
import { describedBy, errorSummary, type FieldError, field, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { WORK_ARTICLES } from './compliance-check.ts';

/** The largest file the form accepts (the streamed API has no limit). */
export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export const SCREEN_FIELD_IDS = { file: 'screen-file', on: 'screen-on' } as const;

/** Columns of the input file, in the order the page explains them. */
const COLUMNS = [
  ['worker_id', true],
  ['country', true],
  ['birth_date', true],
  ['work', true],
  ['hours_per_day', false],
  ['night', false],
  ['sex', false],
] as const;

export interface ScreenPageData {
  /** The screening date the form shows (today unless the reader chose another). */
  on: string;
  errors: readonly FieldError[];
  /** The screener's own explanation of a refused file, in English. */
  detail?: string | null;
  /** Filled for signed-in readers by the CSRF protection; empty for anonymous screening. */
  csrfToken?: string | null;
}

function formatSection(v: View): SafeHtml {
  const { t, lang } = v;
  return html`<section aria-labelledby="format-heading">
<h2 id="format-heading">${t.screenFormatHeading}</h2>
<p>${t.screenFormatText}</p>
${tableRegion(
  'columns-caption',
  html`<table>
<caption id="columns-caption">${t.screenColumnsCaption}</caption>
<thead><tr><th scope="col">${t.screenColColumn}</th><th scope="col">${t.screenColRequired}</th><th scope="col">${t.screenColMeaning}</th></tr></thead>
<tbody>
${COLUMNS.map(
  ([name, required]) =>
    html`<tr><th scope="row"><code>${name}</code></th><td>${required ? t.screenRequiredYes : t.screenRequiredNo}</td><td>${t.screenColumn[name]}</td></tr>`,
)}
</tbody>
</table>`,
)}
<p>${t.screenOtherColumns}</p>
<h3 id="work-codes-heading">${t.screenWorkCodesHeading}</h3>
<ul class="work-codes">
${WORK_KINDS.map((w) => html`<li><code>${w}</code>: ${t.work[w].label} <span class="note">(${renderCitation(WORK_ARTICLES[w], lang)})</span></li>`)}
</ul>
<p>${t.screenOutputText}</p>
<p><a href="${SCREENING_EXAMPLE_HREF}" download="screening-example.csv">${t.screenExample}</a></p>
</section>`;
}

function uploadSection(v: View, data: ScreenPageData): SafeHtml {
  const { t, f, lang } = v;
  const ids = SCREEN_FIELD_IDS;
  const fileError = data.errors.find((e) => e.id === ids.file);
  const onError = data.errors.find((e) => e.id === ids.on);
  // The script's texts, in the page language (it has no catalogue of its own).
  const messages = JSON.stringify({ ...t.screenScript, verdicts: t.verdict });
  const detail = data.detail
    ? html`<p class="note" id="${ids.file}-detail">${t.screenDetailsInEnglish}: <span lang="en">${data.detail}</span></p>`
    : null;
  const fileHint = `${ids.file}-hint${detail ? ` ${ids.file}-detail` : ''}`;
  return html`<section aria-labelledby="upload-heading">
<h2 id="upload-heading">${t.screenUploadHeading}</h2>
<form class="screen-form" id="screen-form" method="post" action="/${lang}/compliance/screen" enctype="multipart/form-data" novalidate data-messages="${messages}">
<input type="hidden" name="_csrf" value="${data.csrfToken ?? ''}">
${field(
  fileError,
  html`<label for="${ids.file}">${t.screenFileLabel}</label>
<p class="hint" id="${ids.file}-hint">${t.screenFileHint(f.number(MAX_UPLOAD_MB))}${fileError ? html` ${t.screenFileAgain}` : null}</p>
${fieldError(v, fileError)}
${detail}
<input type="file" id="${ids.file}" name="file" accept=".csv,.gz,text/csv,application/gzip"${describedBy(fileHint, fileError)}>`,
)}
${field(
  onError,
  html`<label for="${ids.on}">${t.screenOnLabel}</label>
<p class="hint" id="${ids.on}-hint">${t.screenOnHint}</p>
${fieldError(v, onError)}
<input type="date" id="${ids.on}" name="on" value="${data.on}"${describedBy(`${ids.on}-hint`, onError)}>`,
)}
<p class="hint">${t.screenNoScript}</p>
<button type="submit">${t.screenSubmit}</button>
</form>
<div class="upload-progress" id="screen-progress-box" hidden>
<label for="screen-progress">${t.screenProgressLabel}</label>
<progress id="screen-progress" max="100" value="0"></progress>
</div>
<p class="status" id="screen-status" role="status"></p>
<div id="screen-result"></div>
</section>`;
}

export function renderComplianceScreen(v: View, data: ScreenPageData): string {
  const { t } = v;
  const body = html`<h1>${t.screenTitle}</h1>
<p class="lead">${t.screenIntro}</p>
${errorSummary(v, data.errors)}
${uploadSection(v, data)}
${formatSection(v)}`;
  return layout(v, {
    title: data.errors.length ? t.errorTitlePrefix(t.screenTitle) : t.screenTitle,
    section: 'screening',
    body,
    scripts: [SCREEN_SCRIPT_HREF],
  });
}
