import type { Kysely } from 'kysely';
import type { DialectInfo } from '../dialect.ts';

/**
 * Accounts, server-side sessions, API tokens, the append-only change history, and the counters
 * behind login rate limiting. Timestamps are ISO-8601 text written by the application, so both
 * engines store and compare them the same way. Secrets are stored only as SHA-256 digests.
 */
export const createAccountsHistory = {
  async up(db: Kysely<any>, d: DialectInfo): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', d.identity)
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'varchar(20)', (c) => c.notNull())
      .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('disabled_at', 'varchar(30)')
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'integer', d.identity)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('last_used_at', 'varchar(30)')
      .addColumn('revoked_at', 'varchar(30)')
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', d.identity)
      .addColumn('at', 'varchar(30)', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor', 'varchar(254)', (c) => c.notNull())
      .addColumn('record_type', 'varchar(30)', (c) => c.notNull())
      .addColumn('record_key', 'varchar(40)', (c) => c.notNull())
      .addColumn('country_iso3', 'varchar(3)')
      .addColumn('action', 'varchar(20)', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('reverts_event_id', 'integer')
      .execute();
    await db.schema.createIndex('events_record').on('events').columns(['record_type', 'record_key']).execute();
    await db.schema.createIndex('events_country').on('events').column('country_iso3').execute();
    await db.schema.createIndex('events_user').on('events').column('user_id').execute();

    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
      .addColumn('window_start', 'varchar(30)', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const t of ['rate_limits', 'events', 'api_tokens', 'sessions', 'users']) await db.schema.dropTable(t).ifExists().execute();
  },
};
