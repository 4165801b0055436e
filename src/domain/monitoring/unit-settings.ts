import { type FollowUpIntervals, PRIORITY_TIERS, type PriorityTier } from '../child-labour/cases/index.ts';
import type { FieldIssue } from '../errors.ts';

/**
 * A monitoring unit's settings (issue 11, decision 211). Pure: the unit service validates every
 * create and update here, and the portal's forms show the same defaults.
 */
export const UNIT_KINDS = ['company_supply_chain', 'cooperative', 'labour_office', 'ngo_project', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(value: unknown): value is UnitKind {
  return typeof value === 'string' && (UNIT_KINDS as readonly string[]).includes(value);
}

/**
 * Days between follow-up visits per priority tier, when a unit sets none (decision 211). A
 * platform default, not a legal rule: no instrument fixes a follow-up interval. The order follows
 * the priority order (decision 192): a child in a worst form of child labour (C182 Art 3) is
 * visited again soonest.
 */
export const DEFAULT_FOLLOW_UP_DAYS: FollowUpIntervals = { worst_form: 14, hazardous: 30, vulnerable: 60, other: 90 };
/** Unsuccessful attempts to find a child before a case may close as lost to follow-up. */
export const DEFAULT_LOST_AFTER_ATTEMPTS = 3;
/** Months after closing before a closed case is anonymised (the sector's 24-month reporting window). */
export const DEFAULT_RETENTION_MONTHS = 24;

export const MAX_FOLLOW_UP_DAYS = 365;
export const MAX_LOST_AFTER_ATTEMPTS = 20;
export const MAX_RETENTION_MONTHS = 120;

export interface UnitSettings {
  name: string;
  kind: UnitKind;
  country: string;
  province: string | null;
  district: string | null;
  supplyChain: string | null;
  commodity: string | null;
  followUpDays: Record<PriorityTier, number>;
  lostAfterAttempts: number;
  retentionMonths: number;
}

/** What a create or update may send; undefined leaves a field as it is (or at its default). */
export type UnitSettingsInput = Partial<Omit<UnitSettings, 'followUpDays'>> & { followUpDays?: Partial<Record<PriorityTier, number>> };

const TEXT_LIMITS = { name: 200, province: 120, district: 120, supplyChain: 200, commodity: 120 } as const;

function wholeIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Merges `input` over `base` (a unit's current settings, or the defaults for a new unit) and
 * checks the result; returns the settings or the issues, each naming its field.
 */
export function resolveUnitSettings(
  base: UnitSettings,
  input: UnitSettingsInput,
): { ok: true; settings: UnitSettings } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const clean = (field: keyof typeof TEXT_LIMITS, value: string | null | undefined, current: string | null): string | null => {
    if (value === undefined) return current;
    if (value === null) return null;
    const text = value.trim();
    if (text.length > TEXT_LIMITS[field]) issues.push({ field, message: `${field} must be at most ${TEXT_LIMITS[field]} characters` });
    return text === '' ? null : text;
  };
  const name = clean('name', input.name, base.name) ?? '';
  if (name === '') issues.push({ field: 'name', message: 'name is required' });
  const kind = input.kind ?? base.kind;
  if (!isUnitKind(kind)) issues.push({ field: 'kind', message: `kind must be one of ${UNIT_KINDS.join(', ')}` });
  const country = (input.country ?? base.country).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(country)) issues.push({ field: 'country', message: 'country must be an ISO 3166 alpha-3 code such as IDN' });
  const followUpDays = { ...base.followUpDays };
  for (const [tier, days] of Object.entries(input.followUpDays ?? {})) {
    if (!(PRIORITY_TIERS as readonly string[]).includes(tier)) {
      issues.push({ field: `followUpDays.${tier}`, message: `followUpDays has no tier ${tier}; tiers are ${PRIORITY_TIERS.join(', ')}` });
    } else if (days !== undefined) {
      if (!wholeIn(days, 1, MAX_FOLLOW_UP_DAYS))
        issues.push({
          field: `followUpDays.${tier}`,
          message: `followUpDays.${tier} must be a whole number of days from 1 to ${MAX_FOLLOW_UP_DAYS}`,
        });
      else followUpDays[tier as PriorityTier] = days;
    }
  }
  const lostAfterAttempts = input.lostAfterAttempts ?? base.lostAfterAttempts;
  if (!wholeIn(lostAfterAttempts, 1, MAX_LOST_AFTER_ATTEMPTS))
    issues.push({ field: 'lostAfterAttempts', message: `lostAfterAttempts must be a whole number from 1 to ${MAX_LOST_AFTER_ATTEMPTS}` });
  const retentionMonths = input.retentionMonths ?? base.retentionMonths;
  if (!wholeIn(retentionMonths, 1, MAX_RETENTION_MONTHS))
    issues.push({ field: 'retentionMonths', message: `retentionMonths must be a whole number from 1 to ${MAX_RETENTION_MONTHS}` });
  const settings: UnitSettings = {
    name,
    kind: kind as UnitKind,
    country,
    province: clean('province', input.province, base.province),
    district: clean('district', input.district, base.district),
    supplyChain: clean('supplyChain', input.supplyChain, base.supplyChain),
    commodity: clean('commodity', input.commodity, base.commodity),
    followUpDays,
    lostAfterAttempts,
    retentionMonths,
  };
  return issues.length ? { ok: false, issues } : { ok: true, settings };
}

/** The base a new unit's input is merged over: every default, and no name or country yet. */
export function newUnitBase(): UnitSettings {
  return {
    name: '',
    kind: 'other',
    country: '',
    province: null,
    district: null,
    supplyChain: null,
    commodity: null,
    followUpDays: { ...DEFAULT_FOLLOW_UP_DAYS },
    lostAfterAttempts: DEFAULT_LOST_AFTER_ATTEMPTS,
    retentionMonths: DEFAULT_RETENTION_MONTHS,
  };
}
