import type { Actor } from '../domain/access/policy.ts';
import { notFound } from '../domain/errors.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import {
  type ReceiptsCompleteness,
  type ReportReceipt,
  type RepresentativeOrganisations,
  reportKey,
} from '../domain/supervision/report-status.ts';
import { type GroupBaseYear, groupBaseYearKey, type ReportingRuleSet } from '../domain/supervision/reporting-rules.ts';
import { refuseNul } from '../domain/text.ts';
import { clean, fail } from './edit-validation.ts';
import type { HistoryRepository } from './history-ports.ts';
import { authoriseWrite } from './ratification-change.ts';
import { type ChangeResult, recordChange } from './record-change.ts';
import {
  cleanNames,
  type GroupYearInput,
  groupYearIssues,
  type OrganisationsInput,
  organisationsIssues,
  type ReceiptsCompleteInput,
  type ReportSentInput,
  type RuleSetInput,
  receiptsCompleteIssues,
  reportSentIssues,
  ruleSetIssues,
} from './reporting-input.ts';
import { REPORTING_TX } from './reporting-ports.ts';
import { reportingTarget } from './reporting-record-kinds.ts';

/**
 * The reporting calendar's writes: each checks the role first (before reading anything stored),
 * then the input, then records the change and its history event in one transaction
 * (recordChange), so each is revertable like any other change.
 */

const day = (now: Date) => now.toISOString().slice(0, 10);

/** Enter or change a rule set (secretariat): the cycle of a category of Conventions over a period. */
export async function saveRuleSet(
  store: HistoryRepository,
  actor: Actor | null,
  input: RuleSetInput,
  now: Date,
): Promise<ChangeResult<ReportingRuleSet>> {
  refuseNul(input);
  authoriseWrite(actor, reportingTarget('reporting_rule_set', null));
  const issues = ruleSetIssues(input);
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(REPORTING_TX);
    const before = await port.getRuleSet(input.id);
    const after: ReportingRuleSet = {
      id: input.id,
      category: input.category,
      cycleYears: input.cycleYears,
      sinceYear: input.sinceYear,
      untilYear: input.untilYear ?? null,
      source: clean(input.source) as string,
      notes: clean(input.notes ?? null),
    };
    return recordChange(tx, actor, now, {
      recordType: 'reporting_rule_set',
      recordKey: after.id,
      country: null,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => port.putRuleSet(after),
    });
  });
}

/** Enter or change the year a group of States reports in under a rule set (secretariat). */
export async function saveGroupYear(
  store: HistoryRepository,
  actor: Actor | null,
  input: GroupYearInput,
  now: Date,
): Promise<ChangeResult<GroupBaseYear>> {
  refuseNul(input);
  authoriseWrite(actor, reportingTarget('reporting_group_year', null));
  const issues = groupYearIssues(input);
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(REPORTING_TX);
    if (!(await port.getRuleSet(input.ruleSetId))) throw notFound(`No reporting rule set "${input.ruleSetId}": enter the rule set first.`);
    const after: GroupBaseYear = {
      ruleSetId: input.ruleSetId,
      label: (clean(input.label) as string).normalize('NFC'),
      firstLetter: input.firstLetter.trim().toUpperCase(),
      lastLetter: input.lastLetter.trim().toUpperCase(),
      subject: clean(input.subject ?? null),
      baseYear: input.baseYear,
      source: clean(input.source) as string,
    };
    const key = groupBaseYearKey(after);
    const before = await port.getGroupYear(key);
    return recordChange(tx, actor, now, {
      recordType: 'reporting_group_year',
      recordKey: key,
      country: null,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => port.putGroupYear(after),
    });
  });
}

/** Record that a State sent a report (its focal point, or the secretariat), with the date and a link or file reference. */
export async function markReportSent(
  store: HistoryRepository,
  actor: Actor | null,
  input: ReportSentInput,
  now: Date,
): Promise<ChangeResult<ReportReceipt>> {
  refuseNul(input);
  const country = (input.country ?? '').trim().toUpperCase();
  authoriseWrite(actor, reportingTarget('report_received', country));
  const issues = reportSentIssues(input, day(now));
  if (issues.length) fail(issues);
  const instrument = normaliseInstrumentCode(input.instrument) as string;
  return store.transaction(async (tx) => {
    if (!(await tx.countryExists(country))) throw notFound(`No ILO member State with code "${country}".`);
    if (!(await tx.getRatification(country, instrument)))
      throw notFound(`${country} has no recorded ratification of ${instrument}: it owes no report on it.`);
    const port = tx.port(REPORTING_TX);
    const after: ReportReceipt = {
      country,
      instrument,
      year: input.year,
      kind: input.kind,
      dateSent: clean(input.dateSent) as string,
      link: clean(input.link) as string,
      source: clean(input.source) as string,
    };
    const key = reportKey(after);
    const before = await port.getReceipt(key);
    return recordChange(tx, actor, now, {
      recordType: 'report_received',
      recordKey: key,
      country,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => port.putReceipt(after),
    });
  });
}

/** Set a State's most representative employers' and workers' organisations (Art 23(2)). */
export async function setOrganisations(
  store: HistoryRepository,
  actor: Actor | null,
  input: OrganisationsInput,
  now: Date,
): Promise<ChangeResult<RepresentativeOrganisations>> {
  refuseNul(input);
  const country = (input.country ?? '').trim().toUpperCase();
  authoriseWrite(actor, reportingTarget('representative_organisations', country));
  const issues = organisationsIssues(input);
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    if (!(await tx.countryExists(country))) throw notFound(`No ILO member State with code "${country}".`);
    const port = tx.port(REPORTING_TX);
    const before = await port.getOrganisations(country);
    const after: RepresentativeOrganisations = {
      country,
      employers: cleanNames(input.employers),
      workers: cleanNames(input.workers),
      source: clean(input.source) as string,
    };
    return recordChange(tx, actor, now, {
      recordType: 'representative_organisations',
      recordKey: country,
      country,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => port.putOrganisations(after),
    });
  });
}

/**
 * Declare from which due date a State's receipts are all recorded here (its focal point, the
 * secretariat), or withdraw the declaration (since: null): only from then on is a missing receipt
 * an overdue report (decision 095).
 */
export async function setReceiptsComplete(
  store: HistoryRepository,
  actor: Actor | null,
  input: ReceiptsCompleteInput,
  now: Date,
): Promise<ChangeResult<ReceiptsCompleteness>> {
  refuseNul(input);
  const country = (input.country ?? '').trim().toUpperCase();
  authoriseWrite(actor, reportingTarget('report_receipts_complete', country));
  const issues = receiptsCompleteIssues(input);
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    if (!(await tx.countryExists(country))) throw notFound(`No ILO member State with code "${country}".`);
    const port = tx.port(REPORTING_TX);
    const before = await port.getReceiptsComplete(country);
    const after: ReceiptsCompleteness | null =
      input.since === null ? null : { country, since: input.since, source: clean(input.source) as string };
    return recordChange(tx, actor, now, {
      recordType: 'report_receipts_complete',
      recordKey: country,
      country,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => (after ? port.putReceiptsComplete(after) : port.deleteReceiptsComplete(country)),
    });
  });
}
