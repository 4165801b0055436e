import { hkdfSync } from 'node:crypto';
import type { Actor } from '../../domain/access/policy.ts';
import {
  CONSENT_CITATION,
  CONSENT_PURPOSES,
  type ConsentGiver,
  type ConsentPurpose,
  mayStoreIdentifyingData,
  type PseudonymousRow,
  pseudonymise,
} from '../../domain/child-labour/cases/index.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { openCaseFields } from '../../storage/case-codec.ts';
import type { CaseEventInput } from '../../storage/case-events.ts';
import type { ExportCaseRow, IdentifyingExportRow, KyselyCaseExports } from '../../storage/case-exports.ts';
import type { Keyring } from '../../storage/field-crypto.ts';
import { requireUnitCapability, type UnitMembershipPort } from './unit-access.ts';

/*
 * A unit's cases as rows for a spreadsheet (issue 11, decision 224). By default pseudonymised:
 * a keyed hash instead of the case number, the age band instead of the age, the district as the
 * only place (src/domain/child-labour/cases/pseudonymise.ts). Members who see cases (monitors,
 * case managers) may take it; a viewer's figures are aggregates only, so a viewer may not.
 *
 * With identifying data: case managers only (exportIdentifying), with a reason. A child's
 * identifying fields are written only when the recorded consent covers an identified export
 * (UU 27/2022 Pasal 25(2): a parent's or guardian's consent for processing a child's data);
 * otherwise the row says why they were withheld. Every case whose data left this way gets a
 * case event 'identifying_export' (who, when, why): the child's own history shows each export.
 */
export interface PseudonymousExportRow extends PseudonymousRow {
  identifiedOn: string;
  closedOn: string | null;
  closureReason: string | null;
}

export interface IdentifyingExportRowView extends PseudonymousExportRow {
  caseNumber: number;
  name: string | null;
  birthDate: string | null;
  age: number | null;
  village: string | null;
  location: string | null;
  contact: string | null;
  notes: string | null;
  /** null: released; otherwise why the identifying cells are empty (a consent refusal, or anonymised). */
  withheld: string | null;
}

export type CaseExport =
  | { identifying: false; unitId: number; rows: PseudonymousExportRow[] }
  | { identifying: true; unitId: number; rows: IdentifyingExportRowView[]; released: number; citation: string };

const NEED_KEYS = 'Case exports need the data key (TRIPARTITE_DATA_KEY): pseudonyms and sealed fields are made with it.';

/** The pseudonym key of a unit: derived from the current data key, so it never leaves the server. */
export function pseudonymKey(keys: Keyring, unitId: number): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', keys.current.key, `tripartite unit ${unitId}`, 'case pseudonyms', 32));
}

function pseudonymous(row: ExportCaseRow, key: Uint8Array): PseudonymousExportRow {
  const p = pseudonymise(
    {
      caseNumber: String(row.case_number),
      name: null,
      birthDate: null,
      age: row.age_years,
      sex: row.sex,
      village: null,
      district: row.district,
      contact: null,
      notes: null,
      status: row.status,
      priority: row.priority,
      verdict: row.verdict ?? 'unknown',
    },
    key,
  );
  return { ...p, identifiedOn: row.identified_on, closedOn: row.closed_on, closureReason: row.closure_reason };
}

function purposesOf(json: string | null): ConsentPurpose[] {
  try {
    const v = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((p): p is ConsentPurpose => (CONSENT_PURPOSES as readonly string[]).includes(p)) : [];
  } catch {
    return [];
  }
}

export class CaseExportService {
  constructor(
    private readonly membership: UnitMembershipPort,
    private readonly store: KyselyCaseExports,
    private readonly keys: Keyring | null,
  ) {}

  async exportCases(
    actor: Actor | null,
    unitId: number,
    options: { identifying: boolean; reason?: string | null },
    now: Date,
  ): Promise<CaseExport> {
    if (!options.identifying) {
      await requireUnitCapability(this.membership, actor, unitId, 'seeCases');
      const keys = this.requireKeys();
      const key = pseudonymKey(keys, unitId);
      return { identifying: false, unitId, rows: (await this.store.pseudonymousRows(unitId)).map((r) => pseudonymous(r, key)) };
    }
    await requireUnitCapability(this.membership, actor, unitId, 'exportIdentifying');
    const who = actor as Actor;
    const reason = options.reason?.trim() ?? '';
    if (reason === '')
      throw invalid('reason is required for an export with identifying data', [
        { field: 'reason', message: 'Say why the identifying data is needed (it is recorded in each case’s history)' },
      ]);
    if (reason.length > 1000) throw invalid('reason: at most 1000 characters', [{ field: 'reason', message: 'at most 1000 characters' }]);
    const keys = this.requireKeys();
    const key = pseudonymKey(keys, unitId);
    const today = now.toISOString().slice(0, 10);
    const at = now.toISOString();
    const events: CaseEventInput[] = [];
    const rows = (await this.store.identifyingRows(unitId)).map((r) => {
      const view = this.identifying(r, key, keys, today);
      if (view.withheld === null)
        events.push({
          caseId: r.id,
          unitId,
          at,
          userId: who.id,
          actor: who.email,
          action: 'identifying_export',
          before: null,
          after: { format: 'csv', fields: ['name', 'birth_date', 'village', 'location', 'contact', 'notes'] },
          reason,
        });
      return view;
    });
    await this.store.recordEvents(events);
    return { identifying: true, unitId, rows, released: events.length, citation: CONSENT_CITATION };
  }

  private requireKeys(): Keyring {
    if (!this.keys) throw new DomainError('conflict', NEED_KEYS);
    return this.keys;
  }

  private identifying(r: IdentifyingExportRow, key: Uint8Array, keys: Keyring, today: string): IdentifyingExportRowView {
    const base = {
      ...pseudonymous(r, key),
      caseNumber: r.case_number,
      age: r.age_years,
      name: null,
      birthDate: null,
      village: null,
      location: null,
      contact: null,
      notes: null,
    };
    if (r.anonymised_at !== null) return { ...base, withheld: 'anonymised' };
    const open = openCaseFields(keys, r.id, r);
    const consent =
      r.consent_relation && r.consent_on
        ? {
            givenBy: r.consent_relation as ConsentGiver,
            giverName: open.consent_by ?? '',
            givenOn: r.consent_on,
            purposes: purposesOf(r.consent_purposes),
            withdrawnOn: null,
          }
        : null;
    let decision: ReturnType<typeof mayStoreIdentifyingData>;
    try {
      decision = mayStoreIdentifyingData(consent, 'identified_export', today);
    } catch {
      decision = { allowed: false, refusal: 'no-consent', citation: CONSENT_CITATION };
    }
    if (!decision.allowed) return { ...base, withheld: decision.refusal };
    return {
      ...base,
      name: open.name,
      birthDate: open.birth_date,
      village: open.village,
      location: open.location,
      contact: open.contact,
      notes: open.notes,
      withheld: null,
    };
  }
}
