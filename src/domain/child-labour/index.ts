/**
 * Child-labour compliance rule engine: C138 (Minimum Age) and C182 (Worst Forms of Child Labour),
 * with national profiles as data. Pure: no I/O, no clock (callers pass dates to `ageOn`).
 */
export { ageOn } from './age.ts';
export { ageBreakpoints, decidingFirst, evaluate } from './engine.ts';
export { renderBasis, renderCitation, renderCondition, renderMessage, renderVerdict, renderWork } from './messages/render.ts';
export {
  BASELINE_MINIMUM_AGE,
  DECLARATION_CANDIDATES,
  LOWEST_DECLARABLE_AGE,
  type MinimumAgeResolution,
  resolveMinimumAge,
} from './minimum-age.ts';
export { RULES } from './rules/index.ts';
export {
  type CheckInput,
  type CheckResult,
  CONDITION_KEYS,
  type ConditionKey,
  type CountryFacts,
  MESSAGE_KEYS,
  type MessageKey,
  MINIMUM_AGE_BASES,
  type MinimumAgeBasis,
  type NationalLightWork,
  type NationalNightWork,
  type NationalProfile,
  REASON_KINDS,
  type Reason,
  type ReasonKind,
  SEXES,
  type Sex,
  type SourcedAge,
  VERDICTS,
  type Verdict,
  WORK_KINDS,
  type WorkKind,
} from './types.ts';
export { compareVerdicts, isVerdict, mostSevere } from './verdict.ts';
