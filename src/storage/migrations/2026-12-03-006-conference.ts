import type { Kysely } from 'kysely';

/**
 * Issue 9, the International Labour Conference: each session's agenda, the delegations of member
 * States (Constitution Art 3) and the votes recorded on its items. Each table has a one-column key
 * (the backup orders rows by it): `<session>` for an agenda, `<session>/<ISO3>` for a delegation,
 * `<session>/<n>` for a vote. Lists (agenda items, delegates, ballots) are JSON text, as elsewhere,
 * so one query path serves SQLite and PostgreSQL; flags are integers 0/1 for the same reason.
 * Vote outcomes are not stored: the vote engine computes them when a vote is read.
 */
export const createConference = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('conference_agendas')
      .addColumn('session_number', 'integer', (c) => c.primaryKey())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .execute();

    await db.schema
      .createTable('conference_delegations')
      .addColumn('delegation_key', 'varchar(20)', (c) => c.primaryKey())
      .addColumn('session_number', 'integer', (c) => c.notNull())
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull())
      .addColumn('delegates', 'text', (c) => c.notNull())
      .addColumn('in_arrears', 'integer', (c) => c.notNull())
      .addColumn('arrears_voting_permitted', 'integer', (c) => c.notNull())
      .addColumn('source', 'text')
      .execute();
    await db.schema.createIndex('conference_delegations_session').on('conference_delegations').column('session_number').execute();

    await db.schema
      .createTable('conference_votes')
      .addColumn('vote_key', 'varchar(20)', (c) => c.primaryKey())
      .addColumn('session_number', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('agenda_item', 'integer')
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('vote_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('mode', 'varchar(10)', (c) => c.notNull())
      .addColumn('counts', 'text')
      .addColumn('ballots', 'text', (c) => c.notNull())
      .addColumn('delegates_attending', 'integer', (c) => c.notNull())
      .addColumn('instrument', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('conference_votes_session').on('conference_votes').columns(['session_number', 'seq']).unique().execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const t of ['conference_votes', 'conference_delegations', 'conference_agendas']) await db.schema.dropTable(t).ifExists().execute();
  },
};
