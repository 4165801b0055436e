import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DocumentMediaType } from '../domain/documents/content.ts';
import type { DocumentKind, LibraryDocument } from '../domain/documents/document.ts';
import type { Confidence } from '../domain/facts.ts';
import type { DocumentReadRepository, DocumentWriteTx } from '../services/document-ports.ts';
import type { Database } from './schema.ts';
import type { DocumentsTable } from './schema-documents.ts';

type Db = Kysely<Database> | Transaction<Database>;

function list(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

export function documentFromRow(r: Selectable<DocumentsTable>): LibraryDocument {
  return {
    id: r.id,
    titleEn: r.title_en,
    titleId: r.title_id ?? null,
    kind: r.kind as DocumentKind,
    date: r.doc_date ?? null,
    language: r.language ?? null,
    instruments: list(r.instruments),
    countries: list(r.countries),
    file:
      r.sha256 === null
        ? null
        : {
            sha256: r.sha256,
            size: Number(r.size_bytes ?? 0),
            mediaType: (r.media_type ?? 'text/plain') as DocumentMediaType,
            fileName: r.file_name ?? 'document',
          },
    url: r.url ?? null,
    source: r.source,
    confidence: r.confidence as Confidence,
    notes: r.notes ?? null,
    createdAt: r.created_at,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by === null ? null : Number(r.updated_by),
  };
}

function documentRow(d: LibraryDocument): Insertable<DocumentsTable> {
  return {
    id: d.id,
    title_en: d.titleEn,
    title_id: d.titleId,
    kind: d.kind,
    doc_date: d.date,
    language: d.language,
    instruments: JSON.stringify(d.instruments),
    countries: JSON.stringify(d.countries),
    sha256: d.file?.sha256 ?? null,
    size_bytes: d.file?.size ?? null,
    media_type: d.file?.mediaType ?? null,
    file_name: d.file?.fileName ?? null,
    url: d.url,
    source: d.source,
    confidence: d.confidence,
    notes: d.notes,
    created_at: d.createdAt,
    created_by: d.createdBy,
    updated_at: d.updatedAt,
    updated_by: d.updatedBy,
  };
}

/** The library's reads (src/services/document-ports.ts). */
export class KyselyDocumentRepository implements DocumentReadRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<LibraryDocument[]> {
    return (await this.db.selectFrom('documents').selectAll().orderBy('id').execute()).map(documentFromRow);
  }

  async get(id: string): Promise<LibraryDocument | null> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? documentFromRow(row) : null;
  }

  async texts(sha256s: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    // In slices: SQLite and PostgreSQL cap the parameters of one statement.
    for (let i = 0; i < sha256s.length; i += 500) {
      const slice = sha256s.slice(i, i + 500);
      const rows = await this.db.selectFrom('document_texts').selectAll().where('sha256', 'in', slice).execute();
      for (const r of rows) out.set(r.sha256, r.text);
    }
    return out;
  }

  async withText(sha256s: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < sha256s.length; i += 500) {
      const rows = await this.db
        .selectFrom('document_texts')
        .select('sha256')
        .where('sha256', 'in', sha256s.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.sha256);
    }
    return out;
  }
}

/** The write port bound to a history transaction (src/storage/tx-ports.ts registers it). */
export class KyselyDocumentWriteTx implements DocumentWriteTx {
  constructor(private readonly trx: Db) {}

  async get(id: string): Promise<LibraryDocument | null> {
    const row = await this.trx.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? documentFromRow(row) : null;
  }

  async put(d: LibraryDocument): Promise<void> {
    const { id: _id, ...rest } = documentRow(d);
    await this.trx
      .insertInto('documents')
      .values(documentRow(d))
      .onConflict((oc) => oc.column('id').doUpdateSet(rest))
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.trx.deleteFrom('documents').where('id', '=', id).execute();
  }

  async putText(sha256: string, text: string): Promise<void> {
    await this.trx
      .insertInto('document_texts')
      .values({ sha256, text })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }
}
