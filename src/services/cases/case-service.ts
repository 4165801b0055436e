import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/access/policy.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import type { UnitCapabilities } from '../../domain/monitoring/unit-roles.ts';
import { actionNotesField, sealCaseFields, sealValue, visitNotesField } from '../../storage/case-codec.ts';
import type { CaseRow, KyselyCaseRepository, UnitRow } from '../../storage/case-repository.ts';
import type { Keyring } from '../../storage/field-crypto.ts';
import type { ComplianceService } from '../compliance-service.ts';
import { closureDecision } from './case-closure.ts';
import { checkAction, checkClose, checkOpen, checkVisit, closureRefusalMessage, isDay } from './case-input.ts';
import { openingRows } from './case-open.ts';
import type {
  ActionInput,
  CaseAccess,
  CaseEventView,
  CaseFilter,
  CaseSummary,
  CaseView,
  CloseInput,
  OpenCaseInput,
  VisitInput,
  Worklist,
} from './case-types.ts';
import { caseViewOf, eventView, intervalsOf, sortSummaries, summaryOf } from './case-view.ts';
import { buildWorklist } from './case-worklist.ts';
import { requireUnitCapability, type UnitMembershipPort } from './unit-access.ts';

const dayOf = (now: Date) => now.toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

interface Gate {
  row: CaseRow;
  unit: UnitRow;
  caps: UnitCapabilities;
  actor: Actor;
}

/**
 * A child's case from identification to closure (issue 11): opened by hand (assessed by the
 * compliance engine), visited, supported, assigned and closed under the closure rule. Every read
 * and write passes the unit gate (unit-access.ts): anonymous 401; a case whose unit the caller
 * cannot see, or whose cases the caller's role may not see, 404 (never 403: case ids cannot be
 * probed); a step the role may not take, 403. Every change appends a case event in the same
 * transaction; identifying values are sealed (case-codec.ts) and never written to an event.
 */
export class CaseService {
  constructor(
    private readonly repo: KyselyCaseRepository,
    private readonly membership: UnitMembershipPort,
    private readonly compliance: ComplianceService,
    private readonly keys: Keyring | null,
  ) {}

  /** What the caller may do in a unit (404 when the unit is not visible). */
  async access(actor: Actor | null, unitId: number): Promise<CaseAccess> {
    const { role, caps } = await requireUnitCapability(this.membership, actor, unitId, 'seeUnit');
    const { seeCases, seeIdentifying, openCase, recordVisit, planSupport, assign, closeCase } = caps;
    return { role, seeCases, seeIdentifying, openCase, recordVisit, planSupport, assign, closeCase };
  }

  /** The route gate, before the body is read: 401, then 404 (case not visible), then 403 (step not allowed). */
  async authoriseCase(actor: Actor | null, caseId: string, need: keyof UnitCapabilities): Promise<void> {
    await this.gate(actor, caseId, need);
  }

  /** The same for a unit's routes: 401, 404 (unit not visible), 403. */
  async authoriseUnit(actor: Actor | null, unitId: number, need: keyof UnitCapabilities): Promise<void> {
    await requireUnitCapability(this.membership, actor, unitId, need);
  }

  async openCase(actor: Actor | null, unitId: number, input: OpenCaseInput, now: Date): Promise<CaseView> {
    await requireUnitCapability(this.membership, actor, unitId, 'openCase');
    const unit = await this.unitOrThrow(unitId);
    const today = dayOf(now);
    const c = checkOpen(input, today);
    const country = c.country ?? unit.country_iso3;
    let answer: Awaited<ReturnType<ComplianceService['check']>>;
    try {
      answer = await this.compliance.check(
        { country, age: c.age, on: c.identifiedOn, work: c.work, hoursPerDay: c.hoursPerDay, night: c.nightWork, sex: c.sex },
        today,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found')
        throw invalid(`country: no ILO member State with code ${country}.`, [
          { field: 'country', message: `no ILO member State with code ${country}` },
        ]);
      throw error;
    }
    const id = randomUUID();
    const rows = openingRows(id, unitId, c, answer, actor as Actor, now, (values) => sealCaseFields(this.requireKeys(), id, values));
    await this.repo.insertCase(rows.row, rows.event);
    return this.getCase(actor, id, today);
  }

  async getCase(actor: Actor | null, caseId: string, today: string): Promise<CaseView> {
    const g = await this.gate(actor, caseId, 'seeCases');
    const [visits, actions] = await Promise.all([this.repo.visits(caseId), this.repo.actions(caseId)]);
    return caseViewOf(g.row, g.unit, visits, actions, today, g.caps.seeIdentifying ? this.keys : null);
  }

  async listCases(actor: Actor | null, filter: CaseFilter, today: string): Promise<CaseSummary[]> {
    const { caps } = await requireUnitCapability(this.membership, actor, filter.unitId, 'seeCases');
    const unit = await this.unitOrThrow(filter.unitId);
    const [rows, facts] = await Promise.all([this.repo.listCases(filter), this.repo.unitVisitFacts(filter.unitId)]);
    const byCase = new Map<string, typeof facts>();
    for (const f of facts) byCase.set(f.case_id, [...(byCase.get(f.case_id) ?? []), f]);
    const intervals = intervalsOf(unit);
    const keys = caps.seeIdentifying ? this.keys : null;
    const out = rows.map((r) => summaryOf(r, byCase.get(r.id) ?? [], intervals, today, keys));
    return sortSummaries(filter.overdue === undefined ? out : out.filter((s) => s.overdue === filter.overdue));
  }

  async recordVisit(actor: Actor | null, caseId: string, input: VisitInput, now: Date): Promise<CaseView> {
    const g = await this.gate(actor, caseId, 'recordVisit');
    this.refuseClosed(g.row);
    const v = checkVisit(input, g.row.identified_on, dayOf(now));
    let status = g.row.status;
    if (v.kind === 'follow_up' && v.childFound) {
      // A relapse sends the case back to planning support; a clear visit after support starts the follow-up (status.ts).
      if (v.inChildLabour && (status === 'follow_up' || status === 'support_provided')) status = 'support_planned';
      else if (!v.inChildLabour && status === 'support_provided') status = 'follow_up';
    }
    const stamp = now.toISOString();
    await this.repo.change(caseId, {
      visit: {
        case_id: caseId,
        visited_on: v.visitedOn,
        kind: v.kind,
        monitor_user_id: g.actor.id,
        child_found: v.childFound ? 1 : 0,
        in_child_labour: bit(v.inChildLabour),
        at_school: bit(v.atSchool),
        notes_enc: v.notes ? sealValue(this.requireKeys(), caseId, visitNotesField, v.notes) : null,
        created_at: stamp,
      },
      patch: status !== g.row.status ? { status, updated_at: stamp } : { updated_at: stamp },
      event: this.event(
        g,
        stamp,
        'visit',
        { status: g.row.status },
        {
          status,
          visitedOn: v.visitedOn,
          kind: v.kind,
          childFound: v.childFound,
          inChildLabour: v.inChildLabour,
          atSchool: v.atSchool,
          notes: v.notes ? 'sealed' : null,
        },
        status === 'support_planned' && g.row.status !== 'support_planned' ? 'relapse: found in child labour at a follow-up visit' : null,
      ),
    });
    return this.getCase(actor, caseId, dayOf(now));
  }

  async addAction(actor: Actor | null, caseId: string, input: ActionInput, now: Date): Promise<CaseView> {
    const g = await this.gate(actor, caseId, 'planSupport');
    this.refuseClosed(g.row);
    const a = checkAction(input);
    if (a.programmeId && !(await this.repo.programmeExists(a.programmeId)))
      throw invalid(`programmeId: no programme ${a.programmeId} in the registry.`, [
        { field: 'programmeId', message: `no programme ${a.programmeId} in the registry` },
      ]);
    const stamp = now.toISOString();
    const status = g.row.status === 'identified' ? 'support_planned' : g.row.status;
    await this.repo.change(caseId, {
      action: {
        case_id: caseId,
        kind: a.kind,
        responsible: a.responsible,
        due_on: a.dueOn,
        provided_on: null,
        programme_id: a.programmeId,
        notes_enc: a.notes ? sealValue(this.requireKeys(), caseId, actionNotesField, a.notes) : null,
        created_at: stamp,
      },
      patch: { status, updated_at: stamp },
      event: this.event(
        g,
        stamp,
        'action',
        { status: g.row.status },
        { status, kind: a.kind, responsible: a.responsible, dueOn: a.dueOn, programmeId: a.programmeId, notes: a.notes ? 'sealed' : null },
        null,
      ),
    });
    return this.getCase(actor, caseId, dayOf(now));
  }

  async markActionProvided(actor: Actor | null, caseId: string, actionId: number, providedOn: string, now: Date): Promise<CaseView> {
    const g = await this.gate(actor, caseId, 'planSupport');
    this.refuseClosed(g.row);
    const action = (await this.repo.actions(caseId)).find((a) => Number(a.id) === actionId);
    if (!action) throw new DomainError('not_found', `No support action ${actionId} in this case.`);
    if (action.provided_on !== null)
      throw new DomainError('conflict', `This support action was already marked provided on ${action.provided_on}.`);
    if (!isDay(providedOn))
      throw invalid('providedOn must be a date YYYY-MM-DD.', [{ field: 'providedOn', message: 'providedOn must be a date YYYY-MM-DD' }]);
    if (providedOn > dayOf(now) || providedOn < g.row.identified_on)
      throw invalid('providedOn must be between the identification day and today.', [
        { field: 'providedOn', message: 'providedOn must be between the identification day and today' },
      ]);
    const stamp = now.toISOString();
    const status = g.row.status === 'support_planned' ? 'support_provided' : g.row.status;
    await this.repo.change(caseId, {
      provided: { actionId, on: providedOn },
      patch: { status, updated_at: stamp },
      event: this.event(
        g,
        stamp,
        'action_provided',
        { status: g.row.status, actionId, providedOn: null },
        { status, actionId, providedOn },
        null,
      ),
    });
    return this.getCase(actor, caseId, dayOf(now));
  }

  async assign(actor: Actor | null, caseId: string, userId: number | null, now: Date): Promise<CaseView> {
    const g = await this.gate(actor, caseId, 'assign');
    this.refuseClosed(g.row);
    if (userId !== null) {
      const role = Number.isSafeInteger(userId) && userId > 0 ? await this.membership.roleOf(userId, Number(g.row.unit_id)) : null;
      if (role !== 'monitor' && role !== 'case_manager')
        throw invalid('userId: not a monitor or case manager of this unit.', [
          { field: 'userId', message: 'not a monitor or case manager of this unit' },
        ]);
    }
    const stamp = now.toISOString();
    await this.repo.change(caseId, {
      patch: { assigned_to: userId, updated_at: stamp },
      event: this.event(g, stamp, 'assign', { assignedTo: g.row.assigned_to }, { assignedTo: userId }, null),
    });
    return this.getCase(actor, caseId, dayOf(now));
  }

  async closeCase(actor: Actor | null, caseId: string, input: CloseInput, now: Date): Promise<CaseView> {
    const g = await this.gate(actor, caseId, 'closeCase');
    this.refuseClosed(g.row);
    const c = checkClose(input, dayOf(now));
    const [visits, actions] = await Promise.all([this.repo.visits(caseId), this.repo.actions(caseId)]);
    const decision = closureDecision(g.row, g.unit, visits, actions, c, this.keys);
    if (!decision.allowed) {
      const message = closureRefusalMessage(decision.refusal, decision.params);
      throw invalid(`Cannot close as ${c.reason}: ${message}.`, [{ field: 'reason', rule: decision.refusal, message }]);
    }
    const stamp = now.toISOString();
    await this.repo.change(caseId, {
      patch: { status: 'closed', closed_on: c.on, closure_reason: c.reason, updated_at: stamp },
      event: this.event(
        g,
        stamp,
        'close',
        { status: g.row.status },
        // A note may name a place: it is kept sealed, like every free text of a case.
        {
          status: 'closed',
          closedOn: c.on,
          closureReason: c.reason,
          note: c.note ? sealValue(this.requireKeys(), caseId, 'close_note', c.note) : null,
        },
        `${c.reason} (${decision.citation})`,
      ),
    });
    return this.getCase(actor, caseId, dayOf(now));
  }

  async events(actor: Actor | null, caseId: string): Promise<CaseEventView[]> {
    await this.gate(actor, caseId, 'seeCases');
    const rows = await this.repo.events(caseId);
    return rows.map(eventView);
  }

  /** The caller's worklist: a monitor's due and overdue work (theirs and unassigned), a case manager's unit overdue list. */
  async worklist(actor: Actor | null, unitId: number, today: string): Promise<Worklist> {
    const { role, caps } = await requireUnitCapability(this.membership, actor, unitId, 'seeCases');
    if (!isDay(today)) throw invalid('today must be a date YYYY-MM-DD.', [{ field: 'today', message: 'today must be a date YYYY-MM-DD' }]);
    const unit = await this.unitOrThrow(unitId);
    const keys = caps.seeIdentifying ? this.keys : null;
    if (role === 'case_manager') return buildWorklist(this.repo, unit, today, { scope: 'unit', overdueOnly: true }, keys);
    return buildWorklist(this.repo, unit, today, { scope: 'monitor', assignee: (actor as Actor).id, overdueOnly: false }, keys);
  }

  /** Everything due or overdue in a unit, without identifying data (the operator's `cases due`). */
  async dueForUnit(unitId: number, today: string): Promise<Worklist> {
    const unit = await this.unitOrThrow(unitId);
    return buildWorklist(this.repo, unit, today, { scope: 'unit', overdueOnly: false }, null);
  }

  private async gate(actor: Actor | null, caseId: string, need: keyof UnitCapabilities): Promise<Gate> {
    if (!actor) throw new DomainError('unauthenticated', 'Sign in, or send an API token (Authorization: Bearer …), to see cases.');
    const missing = new DomainError('not_found', 'No case with this id that you can see.');
    const row = typeof caseId === 'string' && UUID.test(caseId) ? await this.repo.caseRow(caseId) : null;
    if (!row) throw missing;
    const { caps } = await requireUnitCapability(this.membership, actor, Number(row.unit_id), 'seeUnit').catch((e) => {
      throw e instanceof DomainError && e.code === 'not_found' ? missing : e;
    });
    if (!caps.seeCases) throw missing;
    if (!caps[need]) throw new DomainError('forbidden', 'Your role in this unit does not allow this.');
    return { row, unit: await this.unitOrThrow(Number(row.unit_id)), caps, actor };
  }

  private async unitOrThrow(unitId: number): Promise<UnitRow> {
    const unit = await this.repo.unit(unitId);
    if (!unit) throw new DomainError('not_found', `No monitoring unit ${unitId} that you can see.`);
    return unit;
  }

  private refuseClosed(row: CaseRow): void {
    if (row.status === 'closed')
      throw new DomainError('conflict', `Case ${row.case_number} is closed (${row.closure_reason}); it takes no further change.`);
  }

  private requireKeys(): Keyring {
    if (!this.keys) throw new Error('No data key: set TRIPARTITE_DATA_KEY to store identifying case data.');
    return this.keys;
  }

  private event(g: Gate, at: string, action: string, before: unknown, after: unknown, reason: string | null) {
    return { caseId: g.row.id, unitId: Number(g.row.unit_id), at, userId: g.actor.id, actor: g.actor.email, action, before, after, reason };
  }
}
