import type { Context, MiddlewareHandler } from 'hono';
import { canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { EditService } from '../../services/edit-service.ts';
import { requireActor } from '../auth.ts';
import { refuseNulInJsonBody } from '../nul.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The only API requests with a body or side effect that need no account: signing in, and the
 * compliance check and screening (they compute an answer and store nothing). Every other
 * request that is not a read is a write.
 */
export const OPEN_API_POSTS: readonly string[] = ['/api/auth/login', '/api/compliance/check', '/api/compliance/screen'];

export function isOpenApiRequest(method: string, path: string): boolean {
  return READS.has(method) || (method === 'POST' && OPEN_API_POSTS.includes(path));
}

/**
 * Authentication before anything else reads the request: an anonymous write gets 401 whatever its
 * body, path or origin, before any validator could answer 400 (which would tell an anonymous
 * caller what a valid write looks like). Mounted on the whole API, so a new write route is
 * covered without anyone remembering to add it.
 */
export function signedInForWrites(): MiddlewareHandler {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (!isOpenApiRequest(c.req.method, path)) requireActor(c);
    await next();
  };
}

/**
 * The right to make this write, checked before the body is validated (and before the body is
 * searched for U+0000, which is validation too) (route middleware runs
 * before @hono/zod-openapi's validators): a signed-in user outside their role or countries gets
 * 403 whether or not the body is valid. `targetOf` reads the raw path; a malformed one still
 * names no State the user may edit, so it is refused the same way.
 */
export function mayWrite(targetOf: (c: Context) => WriteTarget | null | Promise<WriteTarget | null>): MiddlewareHandler {
  return async (c, next) => {
    const actor = requireActor(c);
    const target = await targetOf(c);
    // No target: the record does not exist; the handler answers 404 (after validation).
    if (target) {
      const decision = canWrite(actor, target);
      if (!decision.allowed) throw new DomainError('forbidden', decision.reason);
    }
    await refuseNulInJsonBody(c);
    await next();
  };
}

/** Only someone who may write something: every signed-in user may manage their own tokens and password. */
export const signedIn: MiddlewareHandler = async (c, next) => {
  requireActor(c);
  await refuseNulInJsonBody(c);
  await next();
};

export const countryTarget =
  (kind: 'ratification' | 'national_profile', param: string) =>
  (c: Context): WriteTarget => ({ kind, country: (c.req.param(param) ?? '').trim().toUpperCase() });

export const instrumentTarget = (): WriteTarget => ({ kind: 'instrument' });
export const userTarget = (): WriteTarget => ({ kind: 'user' });

/** A revert touches the record of the reverted change; an id that is no change is left to the handler (400 or 404). */
export const revertTarget =
  (edits: EditService) =>
  async (c: Context): Promise<WriteTarget | null> => {
    const raw = c.req.param('id') ?? '';
    if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) return null;
    const event = await edits.getEvent(Number(raw));
    if (!event) return null;
    if (event.recordType === 'instrument') return { kind: 'instrument' };
    if (event.recordType === 'supervisory_comment' || event.recordType === 'supervisory_procedure') return { kind: 'secretariat_record' };
    return { kind: event.recordType === 'ratification' ? 'ratification' : 'national_profile', country: event.country ?? '' };
  };
