import type { Actor } from '../../domain/access/policy.ts';
import type { PriorityTier } from '../../domain/child-labour/cases/index.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { isUnitRole, UNIT_ROLES, type UnitRole } from '../../domain/monitoring/unit-roles.ts';
import { newUnitBase, resolveUnitSettings, type UnitSettings, type UnitSettingsInput } from '../../domain/monitoring/unit-settings.ts';
import type { UnitView } from './case-types.ts';
import { requireUnitCapability, type UnitMembershipPort } from './unit-access.ts';

export interface UnitRecord extends UnitSettings {
  id: number;
  createdAt: string;
}

export interface UnitMemberRecord {
  userId: number;
  email: string;
  role: UnitRole;
  addedAt: string;
}

export interface UserRef {
  id: number;
  email: string;
  disabled: boolean;
}

/** Storage of units and members (src/storage/unit-repository.ts implements it). */
export interface UnitRepository {
  createUnit(settings: UnitSettings, createdAt: string, createdBy: number | null): Promise<UnitRecord>;
  updateUnit(id: number, settings: UnitSettings): Promise<UnitRecord | null>;
  getUnit(id: number): Promise<UnitRecord | null>;
  /** Every unit (null), or the units this user is a member of. */
  listUnits(memberOf: number | null): Promise<UnitRecord[]>;
  rolesOf(userId: number): Promise<Map<number, UnitRole>>;
  listMembers(unitId: number): Promise<UnitMemberRecord[]>;
  findUser(by: { id: number } | { email: string }): Promise<UserRef | null>;
  addMember(unitId: number, userId: number, role: UnitRole, addedAt: string, addedBy: number | null): Promise<boolean>;
  setRole(unitId: number, userId: number, role: UnitRole): Promise<boolean>;
  removeMember(unitId: number, userId: number): Promise<boolean>;
  appendEvent(event: UnitEventInput): Promise<void>;
  /** Newest first. */
  listEvents(unitId: number): Promise<UnitEvent[]>;
}

/** A change to a unit or its members (decision 226): the unit's own history, read by its administrators. */
export interface UnitEventInput {
  unitId: number;
  at: string;
  userId: number | null;
  actor: string;
  action: 'create' | 'update' | 'add_member' | 'change_role' | 'remove_member';
  before: unknown;
  after: unknown;
}

export interface UnitEvent extends Omit<UnitEventInput, 'action'> {
  id: number;
  action: string;
}

export interface MemberInput {
  userId?: number | null;
  email?: string | null;
  role: string;
}

/**
 * The local operator of the CLI (`tripartite units …`): a platform administrator who is no account
 * (as `tripartite user create` runs without a sign-in). Recorded as no one (null) in created_by/added_by.
 */
export const OPERATOR: Actor = { id: 0, email: 'operator', role: 'admin', countries: [] };

const recordedId = (actor: Actor): number | null => (actor.id > 0 ? actor.id : null);

/** The largest id an integer column holds on PostgreSQL: a larger one names no row (and must never reach a query). */
export const MAX_ROW_ID = 2_147_483_647;
/** An id outside the columns' range is no id: -1, which the gate answers with 404 without a query. */
const rowId = (id: number): number => (Number.isSafeInteger(id) && id > 0 && id <= MAX_ROW_ID ? id : -1);

function view(unit: UnitRecord, myRole: UnitRole | null): UnitView {
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    country: unit.country,
    province: unit.province,
    district: unit.district,
    supplyChain: unit.supplyChain,
    commodity: unit.commodity,
    followUpDays: { ...unit.followUpDays } as Record<PriorityTier, number>,
    lostAfterAttempts: unit.lostAfterAttempts,
    retentionMonths: unit.retentionMonths,
    myRole,
  };
}

function roleOrIssue(role: unknown): UnitRole {
  if (!isUnitRole(role))
    throw invalid(`role must be one of ${UNIT_ROLES.join(', ')}.`, [
      { field: 'role', message: `role must be one of ${UNIT_ROLES.join(', ')}` },
    ]);
  return role;
}

/**
 * Monitoring units and their members (issue 11, decision 211). A platform admin creates units;
 * a unit admin (or a platform admin) changes the unit's settings and members; members see their
 * units, a platform admin every unit. Every read and write goes through requireUnitCapability, so
 * another unit is 404 and never 403.
 */
export class UnitService {
  constructor(
    private readonly repo: UnitRepository,
    private readonly membership: UnitMembershipPort,
    private readonly countryExists: (iso3: string) => Promise<boolean>,
  ) {}

  private async settingsOrThrow(base: UnitSettings, input: UnitSettingsInput): Promise<UnitSettings> {
    const resolved = resolveUnitSettings(base, input);
    const issues = resolved.ok ? [] : [...resolved.issues];
    // Every problem at once: a State missing from the registry is named with the others.
    const country = (input.country ?? base.country).trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(country) && country !== base.country && !(await this.countryExists(country))) {
      issues.push({ field: 'country', message: `country ${country} is not a member State in the registry` });
    }
    if (!resolved.ok || issues.length) throw invalid(`${issues.map((i) => i.message).join('; ')}.`, issues);
    return resolved.settings;
  }

  async create(actor: Actor | null, input: UnitSettingsInput, now: Date): Promise<UnitView> {
    if (!actor)
      throw new DomainError('unauthenticated', 'Sign in, or send an API token (Authorization: Bearer …), to create a monitoring unit.');
    if (actor.role !== 'admin') throw new DomainError('forbidden', 'Only a platform administrator creates monitoring units.');
    const settings = await this.settingsOrThrow(newUnitBase(), input);
    const unit = await this.repo.createUnit(settings, now.toISOString(), recordedId(actor));
    await this.record(actor, unit.id, 'create', null, settings, now);
    return view(unit, null);
  }

  async update(actor: Actor | null, unitIdRaw: number, input: UnitSettingsInput, now: Date = new Date()): Promise<UnitView> {
    const unitId = rowId(unitIdRaw);
    const { role } = await requireUnitCapability(this.membership, actor, unitId, 'manageMembers');
    const current = await this.unitOrNotFound(unitId);
    const settings = await this.settingsOrThrow(current, input);
    const updated = await this.repo.updateUnit(unitId, settings);
    if (!updated) throw this.notFound(unitId);
    const { id: _id, createdAt: _at, ...before } = current;
    await this.record(actor as Actor, unitId, 'update', before, settings, now);
    return view(updated, role);
  }

  async list(actor: Actor | null): Promise<UnitView[]> {
    if (!actor)
      throw new DomainError('unauthenticated', 'Sign in, or send an API token (Authorization: Bearer …), to see monitoring units.');
    const [units, roles] = await Promise.all([this.repo.listUnits(actor.role === 'admin' ? null : actor.id), this.repo.rolesOf(actor.id)]);
    return units.map((u) => view(u, roles.get(u.id) ?? null));
  }

  async get(actor: Actor | null, unitIdRaw: number): Promise<UnitView> {
    const unitId = rowId(unitIdRaw);
    const { role } = await requireUnitCapability(this.membership, actor, unitId, 'seeUnit');
    return view(await this.unitOrNotFound(unitId), role);
  }

  /** The unit's members: for who manages them, and for a case manager who assigns cases to them. */
  async members(actor: Actor | null, unitIdRaw: number): Promise<UnitMemberRecord[]> {
    const unitId = rowId(unitIdRaw);
    const { caps } = await requireUnitCapability(this.membership, actor, unitId, 'seeUnit');
    if (!caps.manageMembers && !caps.assign)
      throw new DomainError('forbidden', "Only the unit's administrators and case managers see its members.");
    return this.repo.listMembers(unitId);
  }

  async addMember(actor: Actor | null, unitIdRaw: number, input: MemberInput, now: Date): Promise<UnitMemberRecord> {
    const unitId = rowId(unitIdRaw);
    await requireUnitCapability(this.membership, actor, unitId, 'manageMembers');
    const role = roleOrIssue(input.role);
    const email = input.email?.trim().toLowerCase() || null;
    const userId = input.userId ?? null;
    if ((userId === null) === (email === null)) {
      const message = 'give either userId or email of the account to add';
      throw invalid(`${message}.`, [{ field: email === null ? 'email' : 'userId', message }]);
    }
    const user =
      userId !== null && rowId(userId) < 0 ? null : await this.repo.findUser(userId !== null ? { id: userId } : { email: email as string });
    if (!user || user.disabled) {
      const field = userId !== null ? 'userId' : 'email';
      const message = `${field} names no active account (create it first with tripartite user create)`;
      throw invalid(`${message}.`, [{ field, message }]);
    }
    if (!(await this.repo.addMember(unitId, user.id, role, now.toISOString(), recordedId(actor as Actor)))) {
      throw new DomainError('conflict', `${user.email} is already a member of unit ${unitId}; change their role instead.`);
    }
    const member = { userId: user.id, email: user.email, role, addedAt: now.toISOString() };
    await this.record(actor as Actor, unitId, 'add_member', null, { userId: user.id, email: user.email, role }, now);
    return member;
  }

  async changeRole(
    actor: Actor | null,
    unitIdRaw: number,
    userId: number,
    roleRaw: string,
    now: Date = new Date(),
  ): Promise<UnitMemberRecord> {
    const unitId = rowId(unitIdRaw);
    await requireUnitCapability(this.membership, actor, unitId, 'manageMembers');
    const role = roleOrIssue(roleRaw);
    const before = rowId(userId) < 0 ? undefined : (await this.repo.listMembers(unitId)).find((m) => m.userId === userId);
    if (!before || !(await this.repo.setRole(unitId, userId, role))) throw this.notMember(unitId, userId);
    const member = (await this.repo.listMembers(unitId)).find((m) => m.userId === userId);
    if (!member) throw this.notMember(unitId, userId);
    await this.record(
      actor as Actor,
      unitId,
      'change_role',
      { userId, email: before.email, role: before.role },
      { userId, email: member.email, role: member.role },
      now,
    );
    return member;
  }

  async removeMember(actor: Actor | null, unitIdRaw: number, userId: number, now: Date = new Date()): Promise<void> {
    const unitId = rowId(unitIdRaw);
    await requireUnitCapability(this.membership, actor, unitId, 'manageMembers');
    const before = rowId(userId) < 0 ? undefined : (await this.repo.listMembers(unitId)).find((m) => m.userId === userId);
    if (!before || !(await this.repo.removeMember(unitId, userId))) throw this.notMember(unitId, userId);
    await this.record(actor as Actor, unitId, 'remove_member', { userId, email: before.email, role: before.role }, null, now);
  }

  /** The unit's history, newest first: for whoever manages its members. */
  async events(actor: Actor | null, unitIdRaw: number): Promise<UnitEvent[]> {
    const unitId = rowId(unitIdRaw);
    await requireUnitCapability(this.membership, actor, unitId, 'manageMembers');
    return this.repo.listEvents(unitId);
  }

  private record(
    actor: Actor,
    unitId: number,
    action: UnitEventInput['action'],
    before: unknown,
    after: unknown,
    now: Date,
  ): Promise<void> {
    return this.repo.appendEvent({ unitId, at: now.toISOString(), userId: recordedId(actor), actor: actor.email, action, before, after });
  }

  /** What the actor may do in the unit (the portal hides the rest); the gate's own 401/404. */
  async capabilities(actor: Actor | null, unitIdRaw: number) {
    const unitId = rowId(unitIdRaw);
    return (await requireUnitCapability(this.membership, actor, unitId, 'seeUnit')).caps;
  }

  /** Whether the portal's nav shows "Monitoring": a platform admin, or a member of any unit. */
  async hasUnits(actor: Actor | null): Promise<boolean> {
    if (!actor) return false;
    if (actor.role === 'admin') return true;
    return (await this.repo.rolesOf(actor.id)).size > 0;
  }

  private async unitOrNotFound(unitId: number): Promise<UnitRecord> {
    const unit = await this.repo.getUnit(unitId);
    if (!unit) throw this.notFound(unitId);
    return unit;
  }

  private notFound(unitId: number): DomainError {
    return new DomainError('not_found', `No monitoring unit ${unitId} that you can see.`);
  }

  private notMember(unitId: number, userId: number): DomainError {
    return new DomainError('not_found', `User ${userId} is not a member of unit ${unitId}.`);
  }
}
