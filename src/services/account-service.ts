import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Actor, isRole, type Role } from '../domain/access/policy.ts';
import { DomainError, type FieldIssue, invalid } from '../domain/errors.ts';
import { refuseNul } from '../domain/text.ts';
import type { AccountRepository, ApiTokenRecord, PasswordHasher, UserRecord } from './account-ports.ts';
import { isGuessable, PASSWORD_TOO_COMMON, PASSWORD_UNCHANGED } from './password-strength.ts';
import { NO_SERVICE_EVENTS, type ServiceEvents } from './service-events.ts';

export const SESSION_DAYS = 14;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** Failed logins allowed per account and per address in one window before refusing. */
export const LOGIN_LIMIT = { perAccount: 5, perAddress: 20, windowMinutes: 15 };
export const API_TOKEN_PREFIX = 'trp_';

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function normaliseEmail(raw: string): string {
  // Addresses are matched case-insensitively; they are stored lower-cased.
  return raw.trim().toLowerCase();
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,185}\.[^\s@]{2,}$/;

export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('forbidden', `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
    this.name = 'TooManyAttempts';
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Wrong email or password.') {
    super('unauthenticated', message);
    this.name = 'Unauthenticated';
  }
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: Actor;
}

export interface AuthenticatedSession {
  user: Actor;
  csrfToken: string;
  tokenHash: string;
}

function toActor(u: UserRecord): Actor {
  return { id: u.id, email: u.email, role: u.role, countries: u.countries };
}

function windowStart(now: Date): string {
  const ms = LOGIN_LIMIT.windowMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/** Accounts, sessions and API tokens. The clock is passed in (`now`) so tests control it. */
export class AccountService {
  constructor(
    private readonly repo: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly countryExists: (iso3: string) => Promise<boolean>,
    private readonly events: ServiceEvents = NO_SERVICE_EVENTS,
  ) {}

  async createUser(input: { email: string; password: string; role: string; countries?: string[] }, now: Date): Promise<Actor> {
    refuseNul(input);
    const issues: FieldIssue[] = [];
    const email = normaliseEmail(input.email ?? '');
    if (!EMAIL.test(email)) issues.push({ field: 'email', message: 'email must be an address such as name@example.org' });
    await this.checkPassword(input.password, 'password', issues, [email]);
    if (!isRole(input.role)) issues.push({ field: 'role', message: 'role must be admin, secretariat, focal_point or reader' });
    const countries = [...new Set((input.countries ?? []).map((c) => c.trim().toUpperCase()))];
    if (input.role === 'focal_point' && countries.length === 0)
      issues.push({ field: 'countries', message: 'a focal point needs at least one country' });
    if (input.role !== 'focal_point' && countries.length > 0)
      issues.push({ field: 'countries', message: 'only a focal point is scoped to countries' });
    for (const c of countries)
      if (!(await this.countryExists(c))) issues.push({ field: 'countries', message: `"${c}" is not an ILO member State in the registry` });
    if (issues.length) throw invalid(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    if (await this.repo.findUserByEmail(email)) throw new DomainError('conflict', `A user with email ${email} already exists.`);
    const user = await this.repo.createUser({
      email,
      passwordHash: await this.hasher.hash(input.password),
      role: input.role as Role,
      countries,
      createdAt: now.toISOString(),
    });
    return toActor(user);
  }

  async login(emailRaw: string, password: string, address: string, now: Date): Promise<NewSession> {
    refuseNul({ email: emailRaw, password });
    const email = normaliseEmail(emailRaw ?? '');
    const start = windowStart(now);
    const retryAfter = Math.max(1, Math.round((new Date(start).getTime() + LOGIN_LIMIT.windowMinutes * 60_000 - now.getTime()) / 1000));
    const accountKey = `login:account:${email}`;
    const addressKey = `login:address:${address}`;
    // Checked before the password, so a locked account cannot be opened even with the right one.
    const [accountHits, addressHits] = await Promise.all([this.repo.hits(accountKey, start), this.repo.hits(addressKey, start)]);
    if (accountHits >= LOGIN_LIMIT.perAccount || addressHits >= LOGIN_LIMIT.perAddress) {
      this.events.loginFailed('locked');
      throw new TooManyAttempts(retryAfter);
    }
    const user = email ? await this.repo.findUserByEmail(email) : null;
    // Verify even for an unknown email, so response time does not reveal which accounts exist.
    const ok = await this.hasher.verify(user && !user.disabledAt ? user.passwordHash : DUMMY_HASH, password ?? '');
    if (!ok || !user || user.disabledAt) {
      await Promise.all([this.repo.hit(accountKey, start), this.repo.hit(addressKey, start)]);
      this.events.loginFailed('invalid');
      throw new Unauthenticated();
    }
    await this.repo.resetHits(accountKey);
    const token = newSecret();
    const csrfToken = newSecret(24);
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
    await this.repo.createSession({ tokenHash: digest(token), userId: user.id, csrfToken, createdAt: now.toISOString(), expiresAt });
    return { token, csrfToken, expiresAt, user: toActor(user) };
  }

  async session(token: string | undefined, now: Date): Promise<AuthenticatedSession | null> {
    if (!token || token.length > 200) return null;
    const tokenHash = digest(token);
    const s = await this.repo.findSession(tokenHash);
    if (!s) return null;
    if (s.expiresAt <= now.toISOString()) {
      await this.repo.deleteSession(tokenHash);
      return null;
    }
    const user = await this.repo.findUserById(s.userId);
    if (!user || user.disabledAt) return null;
    return { user: toActor(user), csrfToken: s.csrfToken, tokenHash };
  }

  async logout(token: string): Promise<void> {
    await this.repo.deleteSession(digest(token));
  }

  /** Ends every session of the user, including the current one. */
  async logoutEverywhere(userId: number): Promise<number> {
    return this.repo.deleteSessionsOfUser(userId);
  }

  async changePassword(userId: number, current: string, next: string, keepTokenHash?: string): Promise<void> {
    refuseNul({ current, next });
    const user = await this.repo.findUserById(userId);
    if (!user) throw new Unauthenticated('Your account no longer exists.');
    if (!(await this.hasher.verify(user.passwordHash, current ?? ''))) {
      throw invalid('current: the current password is wrong', [{ field: 'current', message: 'the current password is wrong' }]);
    }
    const issues: FieldIssue[] = [];
    // The old password may be known to whoever the change is meant to lock out.
    if (next === current) issues.push({ field: 'next', message: PASSWORD_UNCHANGED });
    else await this.checkPassword(next, 'next', issues, [user.email]);
    if (issues.length) throw invalid(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    await this.repo.updatePassword(userId, await this.hasher.hash(next));
    // Other sessions may belong to whoever learnt the old password.
    await this.repo.deleteSessionsOfUser(userId, keepTokenHash);
  }

  async createApiToken(userId: number, nameRaw: string, now: Date): Promise<{ token: string; record: ApiTokenRecord }> {
    refuseNul({ name: nameRaw });
    const name = (nameRaw ?? '').trim();
    if (!name || name.length > 100)
      throw invalid('name: give the token a name of 1 to 100 characters', [
        { field: 'name', message: 'give the token a name of 1 to 100 characters' },
      ]);
    const token = `${API_TOKEN_PREFIX}${newSecret()}`;
    const record = await this.repo.createApiToken({ userId, name, tokenHash: digest(token), createdAt: now.toISOString() });
    return { token, record };
  }

  listApiTokens(userId: number): Promise<ApiTokenRecord[]> {
    return this.repo.listApiTokens(userId);
  }

  async revokeApiToken(userId: number, id: number, now: Date): Promise<void> {
    if (!(await this.repo.revokeApiToken(userId, id, now.toISOString()))) {
      throw new DomainError('not_found', `No active API token ${id} of yours.`);
    }
  }

  async tokenUser(token: string | undefined, now: Date): Promise<Actor | null> {
    if (!token?.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
    const record = await this.repo.findApiToken(digest(token));
    if (!record || record.revokedAt) return null;
    const user = await this.repo.findUserById(record.userId);
    if (!user || user.disabledAt) return null;
    await this.repo.touchApiToken(record.id, now.toISOString());
    return toActor(user);
  }

  listUsers(): Promise<Actor[]> {
    return this.repo.listUsers().then((users) => users.map(toActor));
  }

  /** Wherever a password is set: long enough, not too long, and not one that is easily guessed. */
  private async checkPassword(password: string, field: string, issues: FieldIssue[], userInputs: string[]): Promise<void> {
    if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
      issues.push({ field, message: `the password must have at least ${MIN_PASSWORD_LENGTH} characters` });
    } else if (password.length > MAX_PASSWORD_LENGTH) {
      issues.push({ field, message: `the password must have at most ${MAX_PASSWORD_LENGTH} characters` });
    } else if (await isGuessable(password, [...userInputs, ...userInputs.map((i) => i.split('@')[0] ?? '')])) {
      issues.push({ field, message: PASSWORD_TOO_COMMON });
    }
  }
}

/** A real argon2id hash of a random string, verified against when the email is unknown. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$u48rMmyvzYuT0q07jJ6OVA$MemuSTfjCqcDRmL1vh5+tKLuTkDDE/DxhGIj5hhXh5w';

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
