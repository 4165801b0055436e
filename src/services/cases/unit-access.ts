import type { Actor } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { isUnitRole, type UnitCapabilities, type UnitRole, unitCapabilities } from '../../domain/monitoring/unit-roles.ts';

const MAX_UNIT_ID = 2_147_483_647;

/** Reads a user's role in a unit (src/storage/unit-members.ts implements it over Kysely). */
export interface UnitMembershipPort {
  /** null: not a member, or no such unit. */
  roleOf(userId: number, unitId: number): Promise<UnitRole | null>;
  unitExists(unitId: number): Promise<boolean>;
}

/**
 * The one gate of every monitoring route and command (issue 11, decision 210): anonymous → 401;
 * a unit the actor may not see, or that does not exist → 404 (never 403, so unit ids and case
 * numbers cannot be probed); a capability the actor's role lacks inside a unit they see → 403.
 * Returns what the actor may do there, for the caller to pseudonymise what they may not see.
 */
export async function requireUnitCapability(
  membership: UnitMembershipPort,
  actor: Actor | null,
  unitId: number,
  need: keyof UnitCapabilities,
): Promise<{ role: UnitRole | null; caps: UnitCapabilities }> {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in, or send an API token (Authorization: Bearer …), to see monitoring units.');
  // An id outside the databases' integer range names no unit (PostgreSQL would refuse the query).
  const plausible = Number.isSafeInteger(unitId) && unitId > 0 && unitId <= MAX_UNIT_ID;
  const role = plausible ? await membership.roleOf(actor.id, unitId) : null;
  const caps = unitCapabilities(actor, role);
  const exists = plausible && caps.seeUnit && (role !== null || (await membership.unitExists(unitId)));
  if (!exists) throw new DomainError('not_found', `No monitoring unit ${unitId} that you can see.`);
  if (!caps[need]) throw new DomainError('forbidden', `Your role in this unit (${role ?? 'platform administrator'}) does not allow this.`);
  return { role, caps };
}

export function parseUnitRole(value: unknown): UnitRole | null {
  return isUnitRole(value) ? value : null;
}
