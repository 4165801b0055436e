import { DomainError } from '../domain/errors.ts';
import type { Delegation } from '../domain/governance/delegation.ts';
import type { ConferenceVote } from '../domain/governance/recorded-vote.ts';
import type { ConferenceSession } from '../domain/governance/session.ts';
import { EVERYTHING } from './cache-dependencies.ts';
import { CONFERENCE_TX, parseDelegationKey } from './conference-ports.ts';
import type { RecordKind } from './record-kinds.ts';

/**
 * The Conference's record kinds for the history (decision 093). Conference pages are read without
 * the record-level cache (decision 106), so delegations and votes touch no cache key; a session's
 * dates and place are shown on the pages of the instruments it adopted, so a session change bumps
 * everything (sessions change a few times a year).
 */

export const ilcSessionKind: RecordKind = {
  target: () => ({ kind: 'ilc_session' }),
  read: (tx, key) => tx.port(CONFERENCE_TX).getSession(Number(key)),
  async write(tx, key, value) {
    const port = tx.port(CONFERENCE_TX);
    if (value) return port.putSession(value as ConferenceSession);
    const n = Number(key);
    if ((await port.listDelegations(n)).length || (await port.listVotes(n)).length)
      throw new DomainError('conflict', `Session ${n} has delegations or votes: remove them before the session itself.`);
    await port.deleteSession(n);
  },
  changedKeys: () => [EVERYTHING],
};

export const ilcDelegationKind: RecordKind = {
  target: (e) => ({ kind: 'country_record', country: e.country ?? '' }),
  read: (tx, key) => {
    const { session, country } = parseDelegationKey(key);
    return tx.port(CONFERENCE_TX).getDelegation(session, country);
  },
  async write(tx, key, value) {
    const port = tx.port(CONFERENCE_TX);
    const { session, country } = parseDelegationKey(key);
    if (value) return port.putDelegation(value as Delegation);
    const voted = (await port.listVotes(session)).find((v) => v.ballots.some((b) => b.delegateId.startsWith(`${country}-`)));
    if (voted) throw new DomainError('conflict', `Delegates of ${country} cast ballots in vote ${voted.key}: remove that vote first.`);
    await port.deleteDelegation(session, country);
  },
  changedKeys: () => [],
};

export const ilcVoteKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(CONFERENCE_TX).getVote(key),
  async write(tx, key, value) {
    const port = tx.port(CONFERENCE_TX);
    if (value) await port.putVote(value as ConferenceVote);
    else await port.deleteVote(key);
  },
  changedKeys: () => [],
};
