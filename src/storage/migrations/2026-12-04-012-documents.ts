import type { Kysely } from 'kysely';

/**
 * Issue 10, the documents library (decision 196). A document's file lives on disk outside the web
 * root, named by its SHA-256; the table keeps the hash, size, detected type and the uploader's
 * (sanitised) name, or a link. Extracted text is kept per SHA-256 in `document_texts`, apart from the
 * record, so the history's before/after of a document stays small. Lists are JSON text; SQL null
 * means not recorded.
 */
export const createDocuments = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('documents')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('title_id', 'text')
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('doc_date', 'varchar(10)')
      .addColumn('language', 'varchar(3)')
      .addColumn('instruments', 'text', (c) => c.notNull())
      .addColumn('countries', 'text', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)')
      .addColumn('size_bytes', 'integer')
      .addColumn('media_type', 'varchar(40)')
      .addColumn('file_name', 'text')
      .addColumn('url', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'varchar(10)', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .execute();
    await db.schema
      .createTable('document_texts')
      .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('document_texts').ifExists().execute();
    await db.schema.dropTable('documents').ifExists().execute();
  },
};
