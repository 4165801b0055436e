import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AccountService, TooManyAttempts } from '../../services/account-service.ts';
import { authState, clearSessionCookie, requireActor, setSessionCookie } from '../auth.ts';
import { problem, problemResponse } from '../problem.ts';
import { ProblemSchema } from './schemas.ts';
import { mayWrite, signedIn, userTarget } from './write-access.ts';

const problems = {
  400: { description: 'Invalid input', content: { 'application/problem+json': { schema: ProblemSchema } } },
  403: { description: 'Not allowed', content: { 'application/problem+json': { schema: ProblemSchema } } },
};
const signedInProblems = {
  ...problems,
  401: { description: 'Not signed in (no valid session or API token)', content: { 'application/problem+json': { schema: ProblemSchema } } },
};

const UserSchema = z
  .object({ id: z.number().int(), email: z.string(), role: z.enum(ROLES), countries: z.array(z.string()) })
  .openapi('User');

const LoginSchema = z
  .object({
    email: z.string({ error: 'email is required' }).max(254, 'email is too long'),
    password: z.string({ error: 'password is required' }).max(256, 'password is too long'),
  })
  .openapi('Login');

const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string(), expiresAt: z.string() }).openapi('Session');

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['accounts'],
  summary: 'Sign in; sets an HttpOnly session cookie and returns the CSRF token for later writes',
  request: { body: { required: true, content: { 'application/json': { schema: LoginSchema } } } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SessionSchema } } },
    429: { description: 'Too many attempts', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ...problems,
  },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['accounts'],
  summary: 'The signed-in user (null when anonymous)',
  responses: {
    200: {
      description: 'The user',
      content: { 'application/json': { schema: z.object({ user: UserSchema.nullable(), csrfToken: z.string().nullable() }) } },
    },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['accounts'],
  middleware: [signedIn] as const,
  summary: 'End this session',
  responses: {
    200: { description: 'Signed out', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    ...signedInProblems,
  },
});

const logoutAll = createRoute({
  method: 'post',
  path: '/auth/logout-all',
  tags: ['accounts'],
  middleware: [signedIn] as const,
  summary: 'End every session of the signed-in user',
  responses: {
    200: { description: 'Signed out everywhere', content: { 'application/json': { schema: z.object({ ended: z.number().int() }) } } },
    ...signedInProblems,
  },
});

const changePassword = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['accounts'],
  middleware: [signedIn] as const,
  summary: 'Change the password; ends the other sessions',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ current: z.string().max(256), next: z.string().max(256) }).openapi('PasswordChange') },
      },
    },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    ...signedInProblems,
  },
});

const TokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

const createToken = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['accounts'],
  middleware: [signedIn] as const,
  summary: 'Create an API token; the secret is shown once',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ name: z.string().max(100) }).openapi('NewToken') } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: z.object({ token: z.string(), record: TokenSchema }) } } },
    ...signedInProblems,
  },
});

const listTokens = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['accounts'],
  summary: "The signed-in user's API tokens (never their secrets)",
  responses: {
    200: { description: 'Tokens', content: { 'application/json': { schema: z.object({ items: z.array(TokenSchema) }) } } },
    ...signedInProblems,
  },
});

const revokeToken = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['accounts'],
  middleware: [signedIn] as const,
  summary: 'Revoke an API token',
  request: {
    params: z.object({
      id: z.coerce
        .number({ error: 'id must be a number' })
        .int()
        .min(1)
        // Ids are SQL integers: a larger number is no id (and PostgreSQL would refuse it with an error).
        .max(2_147_483_647, 'id is too large')
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'Revoked', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    404: { description: 'No such token', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ...signedInProblems,
  },
});

const listUsers = createRoute({
  method: 'get',
  path: '/users',
  tags: ['accounts'],
  summary: 'All users (administrators only)',
  responses: {
    200: { description: 'Users', content: { 'application/json': { schema: z.object({ items: z.array(UserSchema) }) } } },
    ...signedInProblems,
  },
});

const createUser = createRoute({
  method: 'post',
  path: '/users',
  tags: ['accounts'],
  middleware: [mayWrite(userTarget)] as const,
  summary: 'Create a user (administrators only)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              email: z.string().max(254),
              password: z.string().max(256),
              role: z.string().max(20),
              countries: z.array(z.string().max(3)).max(200).optional(),
            })
            .openapi('NewUser'),
        },
      },
    },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: UserSchema } } },
    409: { description: 'Email taken', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ...signedInProblems,
  },
});

export function addAccountRoutes(api: OpenAPIHono, accounts: AccountService, now: () => Date, addressOf: (c: any) => string): void {
  api.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    try {
      const session = await accounts.login(email, password, addressOf(c), now());
      setSessionCookie(c, session.token, session.expiresAt);
      return c.json({ user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt }, 200);
    } catch (error) {
      if (error instanceof TooManyAttempts) {
        c.header('retry-after', String(error.retryAfterSeconds));
        return problemResponse(c, problem(429, error.message)) as never;
      }
      throw error;
    }
  });

  api.openapi(me, async (c) => {
    const state = authState(c);
    return c.json({ user: state.actor, csrfToken: state.csrfToken }, 200);
  });

  api.openapi(logout, async (c) => {
    const state = authState(c);
    if (state.sessionToken) await accounts.logout(state.sessionToken);
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  });

  api.openapi(logoutAll, async (c) => {
    const actor = requireActor(c);
    const ended = await accounts.logoutEverywhere(actor.id);
    clearSessionCookie(c);
    return c.json({ ended }, 200);
  });

  api.openapi(changePassword, async (c) => {
    const actor = requireActor(c);
    const { current, next } = c.req.valid('json');
    await accounts.changePassword(actor.id, current, next, authState(c).sessionHash ?? undefined);
    return c.json({ ok: true as const }, 200);
  });

  api.openapi(createToken, async (c) => {
    const actor = requireActor(c);
    const { token, record } = await accounts.createApiToken(actor.id, c.req.valid('json').name, now());
    const { tokenHash: _hidden, userId: _user, ...visible } = record;
    return c.json({ token, record: visible }, 201);
  });

  api.openapi(listTokens, async (c) => {
    const actor = requireActor(c);
    const items = (await accounts.listApiTokens(actor.id)).map(({ tokenHash: _h, userId: _u, ...visible }) => visible);
    return c.json({ items }, 200);
  });

  api.openapi(revokeToken, async (c) => {
    const actor = requireActor(c);
    await accounts.revokeApiToken(actor.id, c.req.valid('param').id, now());
    return c.json({ ok: true as const }, 200);
  });

  api.openapi(listUsers, async (c) => {
    const actor = requireActor(c);
    if (actor.role !== 'admin') throw new DomainError('forbidden', 'Only an administrator manages users.');
    return c.json({ items: await accounts.listUsers() }, 200);
  });

  api.openapi(createUser, async (c) => {
    const actor = requireActor(c);
    if (actor.role !== 'admin') throw new DomainError('forbidden', 'Only an administrator manages users.');
    return c.json(await accounts.createUser(c.req.valid('json'), now()), 201);
  });
}
