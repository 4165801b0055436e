import { WORK_KINDS, type WorkKind } from '../types.ts';
import { artisticRule } from './artistic.ts';
import { hazardousC138Rule, hazardousC182Rule, nationalHazardousRule } from './hazardous.ts';
import { lightWorkRule } from './light-work.ts';
import { minimumAgeRule } from './minimum-age.ts';
import { nationalLightWorkHoursRule, nationalLightWorkNightRule, nationalLightWorkRule } from './national-light-work.ts';
import { nightWorkRule } from './night-work.ts';
import {
  c138NotBoundRule,
  c182NotBoundRule,
  compulsoryEducationRule,
  declarationUnrecordedRule,
  nationalChildRule,
  nationalShortfallRule,
} from './notes.ts';
import type { Rule } from './rule.ts';
import { schoolRule, trainingRule } from './training.ts';
import { illicitActivitiesRule, sexualExploitationRule, slaveryRule } from './worst-forms.ts';

/**
 * Every rule: the Convention rules, then national rules, then notes. The engine lists the deciding
 * reasons first (engine.ts); within each group this order stands. An explicit list (not
 * registration on import) keeps order and coverage visible.
 */
export const RULES: readonly Rule[] = [
  slaveryRule,
  sexualExploitationRule,
  illicitActivitiesRule,
  hazardousC138Rule,
  hazardousC182Rule,
  minimumAgeRule,
  lightWorkRule,
  trainingRule,
  schoolRule,
  artisticRule,
  nationalHazardousRule,
  nationalLightWorkRule,
  nationalLightWorkHoursRule,
  nationalLightWorkNightRule,
  nightWorkRule,
  c138NotBoundRule,
  c182NotBoundRule,
  nationalShortfallRule,
  declarationUnrecordedRule,
  compulsoryEducationRule,
  nationalChildRule,
];

/** Rules indexed by work kind once, so an evaluation touches only those that can apply. */
export const RULES_BY_WORK = {} as Record<WorkKind, readonly Rule[]>;
for (const work of WORK_KINDS) RULES_BY_WORK[work] = RULES.filter((r) => r.appliesTo.includes(work));

export type { Finding, Rule, RuleContext } from './rule.ts';
