import type { Actor } from '../access/policy.ts';

/**
 * Roles inside one monitoring unit (issue 11, decision 210). Pure: the services check every case
 * read and write with `unitCapabilities`, and the portal uses it to hide what a member may not do.
 *
 * - monitor: opens cases and records visits in the unit;
 * - case_manager: all a monitor does, and assigns, plans support, approves closure, exports;
 * - viewer: the unit's aggregate figures only (no names, birth dates or places below district);
 * - unit_admin: the unit's members and settings, and its aggregate figures; children's data
 *   only if also given a case role (data minimisation: managing accounts needs no child's name).
 * A platform admin creates units and manages any unit's members, but sees children only as a member.
 */
export const UNIT_ROLES = ['monitor', 'case_manager', 'viewer', 'unit_admin'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

export function isUnitRole(value: unknown): value is UnitRole {
  return typeof value === 'string' && (UNIT_ROLES as readonly string[]).includes(value);
}

export interface UnitCapabilities {
  /** The unit exists for this user at all; false → every route answers 404, never 403. */
  seeUnit: boolean;
  seeMetrics: boolean;
  /** Case lists and case pages (pseudonymised or not). */
  seeCases: boolean;
  /** Names, birth dates, villages, exact locations, contacts, notes, consent-giver. */
  seeIdentifying: boolean;
  openCase: boolean;
  recordVisit: boolean;
  planSupport: boolean;
  assign: boolean;
  closeCase: boolean;
  /** An export with identifying data (itself a logged event). */
  exportIdentifying: boolean;
  manageMembers: boolean;
}

const NONE: UnitCapabilities = {
  seeUnit: false,
  seeMetrics: false,
  seeCases: false,
  seeIdentifying: false,
  openCase: false,
  recordVisit: false,
  planSupport: false,
  assign: false,
  closeCase: false,
  exportIdentifying: false,
  manageMembers: false,
};

/** What `actor`, holding `role` in a unit (null: not a member), may do there. */
export function unitCapabilities(actor: Actor | null, role: UnitRole | null): UnitCapabilities {
  if (!actor) return NONE;
  const platformAdmin = actor.role === 'admin';
  const caps: UnitCapabilities = { ...NONE };
  if (platformAdmin) Object.assign(caps, { seeUnit: true, seeMetrics: true, manageMembers: true });
  switch (role) {
    case 'case_manager':
      Object.assign(caps, {
        seeUnit: true,
        seeMetrics: true,
        seeCases: true,
        seeIdentifying: true,
        openCase: true,
        recordVisit: true,
        planSupport: true,
        assign: true,
        closeCase: true,
        exportIdentifying: true,
      });
      break;
    case 'monitor':
      Object.assign(caps, { seeUnit: true, seeMetrics: true, seeCases: true, seeIdentifying: true, openCase: true, recordVisit: true });
      break;
    case 'viewer':
      Object.assign(caps, { seeUnit: true, seeMetrics: true });
      break;
    case 'unit_admin':
      Object.assign(caps, { seeUnit: true, seeMetrics: true, manageMembers: true });
      break;
    case null:
      break;
  }
  return caps;
}
