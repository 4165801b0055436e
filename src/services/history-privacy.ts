import type { Actor } from '../domain/access/policy.ts';
import type { ActorScope, ChangeEvent } from './history-ports.ts';

/** What an anonymous reader is told about an editor whose account is gone: no more than that an editor did it. */
export const UNKNOWN_EDITOR = 'editor';

/**
 * An editor named without the email: the role and, for a focal point, the countries in scope, e.g.
 * 'focal_point (IDN)' or 'secretariat'. Accounts have no display name, so this is the public name.
 */
export function publicActor(scope: ActorScope | null | undefined): string {
  if (!scope) return UNKNOWN_EDITOR;
  return scope.countries.length ? `${scope.role} (${scope.countries.join(', ')})` : scope.role;
}

/** Emails are for signed-in editors only (issue 8 item 13); everyone else gets the public name. */
export function eventForReader(event: ChangeEvent, reader: Actor | null | undefined): ChangeEvent {
  if (reader) return event;
  return { ...event, actor: publicActor(event.actorScope) };
}

export function mayFilterByEditor(reader: Actor | null | undefined): reader is Actor {
  return Boolean(reader);
}
