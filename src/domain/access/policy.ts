/**
 * Who may change what. Pure: the server checks every write with these functions, and the portal
 * uses the same ones to hide what a user may not do.
 */
/**
 * `reader`: a signed-in account that changes nothing (e.g. a workers' or employers' organisation
 * following a State's obligations, or an auditor); it sees what editors see, without the right to write.
 */
export const ROLES = ['admin', 'secretariat', 'focal_point', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: number;
  email: string;
  role: Role;
  /** ISO3 codes a focal point is responsible for; empty for other roles. */
  countries: string[];
}

/** Kinds of record a write touches; country-scoped ones carry the State they belong to. */
export type WriteTarget =
  | { kind: 'ratification'; country: string }
  | { kind: 'national_profile'; country: string }
  | { kind: 'instrument' }
  | { kind: 'ilc_session' }
  | { kind: 'user' }
  /** A record that belongs to one State (a delegation, a submission, a report): its focal point or the secretariat. */
  | { kind: 'country_record'; country: string }
  /** A record of the Organization itself (sessions, votes, calendar rules, comments): the secretariat. */
  | { kind: 'secretariat_record' };

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };

export function canWrite(actor: Actor | null, target: WriteTarget): Decision {
  if (!actor) return { allowed: false, reason: 'Sign in to make changes.' };
  if (actor.role === 'admin') return ALLOW;
  if (actor.role === 'reader') return { allowed: false, reason: 'This account reads only: it may not make changes.' };
  switch (target.kind) {
    case 'user':
      return { allowed: false, reason: 'Only an administrator manages users.' };
    case 'instrument':
    case 'ilc_session':
    case 'secretariat_record':
      return actor.role === 'secretariat'
        ? ALLOW
        : { allowed: false, reason: 'Only the secretariat edits instruments, sessions and the records of the Organization itself.' };
    case 'ratification':
    case 'national_profile':
    case 'country_record': {
      if (actor.role === 'secretariat') return ALLOW;
      if (actor.countries.includes(target.country)) return ALLOW;
      return {
        allowed: false,
        reason: `You are the focal point for ${actor.countries.join(', ') || 'no country'}, not for ${target.country}.`,
      };
    }
  }
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
