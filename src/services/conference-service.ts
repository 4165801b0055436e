import type { Actor } from '../domain/access/policy.ts';
import { notFound } from '../domain/errors.ts';
import { type DelegationSummary, summariseDelegation } from '../domain/governance/delegation.ts';
import type { ConferenceSession } from '../domain/governance/session.ts';
import { type DelegationInput, type SessionInput, saveDelegation, saveSession } from './conference-edits.ts';
import type { AdoptedInstrument, ConferenceRepository, DelegationWithNames, SessionListItem } from './conference-ports.ts';
import { recordVote, type VoteInput, type VoteRecorded, type VoteView, voteView } from './conference-votes.ts';
import type { HistoryRepository } from './history-ports.ts';

export type { DelegationInput, SessionInput } from './conference-edits.ts';
export type { VoteInput, VoteRecorded, VoteView } from './conference-votes.ts';

export interface DelegationView extends DelegationWithNames {
  summary: DelegationSummary;
}

export interface SessionDetail {
  session: ConferenceSession;
  /** The registry's instruments whose session is this one. */
  adopted: AdoptedInstrument[];
  delegations: DelegationView[];
  votes: VoteView[];
}

/**
 * The International Labour Conference: sessions with their agendas and adopted instruments,
 * delegations and votes. Reads go straight to the database (no record-level cache: these pages are
 * few and rarely read, decision 106); every write is a history event (decision 093).
 */
export class ConferenceService {
  constructor(
    private readonly repo: ConferenceRepository,
    private readonly history: HistoryRepository,
  ) {}

  listSessions(): Promise<SessionListItem[]> {
    return this.repo.listSessions();
  }

  async getSession(number: number): Promise<SessionDetail> {
    const session = await this.repo.getSession(number);
    if (!session) throw notFound(`No session ${number} of the International Labour Conference.`);
    const [adopted, delegations, votes] = await Promise.all([
      this.repo.adoptedAt(number),
      this.repo.listDelegations(number),
      this.repo.listVotes(number),
    ]);
    return {
      session,
      adopted,
      delegations: delegations.map((d) => ({ ...d, summary: summariseDelegation(d) })),
      votes: votes.map((v) => voteView(v, delegations)),
    };
  }

  async listDelegations(number: number): Promise<DelegationView[]> {
    return (await this.getSession(number)).delegations;
  }

  async getDelegation(number: number, iso3: string): Promise<DelegationView> {
    const found = (await this.listDelegations(number)).find((d) => d.country === iso3);
    if (!found) throw notFound(`No delegation of ${iso3} is recorded for session ${number}.`);
    return found;
  }

  async listVotes(number: number): Promise<VoteView[]> {
    return (await this.getSession(number)).votes;
  }

  saveSession(actor: Actor | null, input: SessionInput, now: Date) {
    return saveSession(this.history, actor, input, now);
  }

  saveDelegation(actor: Actor | null, input: DelegationInput, now: Date) {
    return saveDelegation(this.history, actor, input, now);
  }

  recordVote(actor: Actor | null, input: VoteInput, now: Date): Promise<VoteRecorded> {
    return recordVote(this.history, actor, input, now);
  }
}
