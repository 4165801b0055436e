import type { Kysely } from 'kysely';

/** National child-labour profiles (minimum ages, light-work rules): data, kept as one JSON document per State. */
export const createNationalProfiles = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('national_profiles')
      .addColumn('iso3', 'varchar(3)', (c) => c.primaryKey())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('national_profiles').ifExists().execute();
  },
};
