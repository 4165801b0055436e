import type { Actor, Role } from '../domain/access/policy.ts';

export interface UserRecord extends Actor {
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface SessionRecord {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Storage port for accounts, sessions, API tokens and login rate limits. */
export interface AccountRepository {
  createUser(user: { email: string; passwordHash: string; role: Role; countries: string[]; createdAt: string }): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: number): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  updatePassword(userId: number, passwordHash: string): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOfUser(userId: number, exceptTokenHash?: string): Promise<number>;
  createApiToken(token: Omit<ApiTokenRecord, 'id' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord>;
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(userId: number): Promise<ApiTokenRecord[]>;
  revokeApiToken(userId: number, id: number, at: string): Promise<boolean>;
  touchApiToken(id: number, at: string): Promise<void>;
  /**
   * Adds one to the counter for `key` in the window that starts at `windowStart` (a new window
   * resets it) and returns the count after adding. Atomic on both engines.
   */
  hit(key: string, windowStart: string): Promise<number>;
  /** The counter for `key` in the window starting at `windowStart` (0 in any other window). */
  hits(key: string, windowStart: string): Promise<number>;
  resetHits(key: string): Promise<void>;
}

/** Password hashing behind a port so tests and benchmarks can pick the cost. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
