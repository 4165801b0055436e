import { FACT_RULES, ratificationWarnings } from '../../domain/editing/fact-rules.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import type { CountryProfile } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryNamePlain } from './components.ts';
import type { View } from './view.ts';

/** The page's wording of a refusal by a named fact rule; null for a problem no rule decided. */
export function factRuleText(v: View, rule: string | undefined): string | null {
  const e = v.t.editError;
  switch (rule) {
    case FACT_RULES.registrationInFuture:
      return e.registrationInFuture;
    case FACT_RULES.registrationBeforeAdoption:
      return e.registrationBeforeAdoption;
    case FACT_RULES.denunciationBeforeRatification:
      return e.denunciationBeforeRatification;
    case FACT_RULES.hazardousBelow16:
      return e.hazardousBelow16;
    case FACT_RULES.hazardousBelowGeneral:
      return e.hazardousBelowGeneral;
    default:
      return null;
  }
}

/** Per field, the wording of the first rule that refused it (a form shows one message per field). */
export function ruleTexts(v: View, issues: readonly FieldIssue[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const issue of issues) {
    const text = factRuleText(v, issue.rule);
    if (text && !texts.has(issue.field)) texts.set(issue.field, text);
  }
  return texts;
}

/**
 * After a save redirected with `check=CODE`, the odd facts of that ratification, worked out again
 * from the stored record so the address carries no text of its own.
 */
export function savedFactWarnings(v: View, profile: CountryProfile): SafeHtml | null {
  const code = new URLSearchParams(v.search).get('check');
  const saved = code ? profile.ratifications.find((r) => r.instrument === code) : undefined;
  if (!saved) return null;
  const { country } = profile;
  const warnings = ratificationWarnings({
    country: country.iso3,
    registrationDate: saved.registrationDate,
    membershipDate: country.membershipDate,
  });
  if (!warnings.length) return null;
  return html`<p class="notice warning" role="status">${v.t.factWarningBeforeMembership(
    saved.instrument,
    saved.registrationDate ?? '',
    countryNamePlain(v, country),
    country.membershipDate ?? '',
  )}</p>`;
}

/** Where a saved ratification lands: `check` asks the State's page to show its odd facts (warnings). */
export function savedQuery(result: { event: unknown; warnings: readonly unknown[] }, code: string): string {
  return `${result.event ? 'saved' : 'unchanged'}=1${result.event && result.warnings.length ? `&check=${code}` : ''}`;
}
