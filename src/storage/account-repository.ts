import { type Kysely, type Selectable, sql } from 'kysely';
import type { Role } from '../domain/access/policy.ts';
import type { AccountRepository, ApiTokenRecord, SessionRecord, UserRecord } from '../services/account-ports.ts';
import type { ApiTokensTable, Database, UsersTable } from './schema.ts';

function toUser(r: Selectable<UsersTable>): UserRecord {
  return {
    id: Number(r.id),
    email: r.email,
    role: r.role as Role,
    countries: JSON.parse(r.countries) as string[],
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

function toToken(r: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: Number(r.id),
    userId: Number(r.user_id),
    name: r.name,
    tokenHash: r.token_hash,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export class KyselyAccountRepository implements AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createUser(user: { email: string; passwordHash: string; role: Role; countries: string[]; createdAt: string }): Promise<UserRecord> {
    const row = await this.db
      .insertInto('users')
      .values({
        email: user.email,
        password_hash: user.passwordHash,
        role: user.role,
        countries: JSON.stringify(user.countries),
        created_at: user.createdAt,
        disabled_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findUserById(id: number): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
  }

  async updatePassword(userId: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt })
      .execute();
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r
      ? { tokenHash: r.token_hash, userId: Number(r.user_id), csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at }
      : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteSessionsOfUser(userId: number, exceptTokenHash?: string): Promise<number> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
    const result = await q.executeTakeFirst();
    return Number(result.numDeletedRows ?? 0);
  }

  async createApiToken(t: Omit<ApiTokenRecord, 'id' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt, last_used_at: null, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toToken(row);
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenRecord | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async listApiTokens(userId: number): Promise<ApiTokenRecord[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute()).map(toToken);
  }

  async revokeApiToken(userId: number, id: number, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows ?? 0) > 0;
  }

  async touchApiToken(id: number, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async hit(key: string, windowStart: string): Promise<number> {
    // One statement, so two instances counting the same key cannot lose an attempt.
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
          window_start: sql`excluded.window_start`,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async hits(key: string, windowStart: string): Promise<number> {
    const row = await this.db.selectFrom('rate_limits').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
    return row && row.window_start === windowStart ? Number(row.count) : 0;
  }

  async resetHits(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute();
  }
}
