/* Table types of the documents library (issue 10, decision 196); the Database interface in schema.ts lists them. */

/** One document: its metadata, and the stored file's SHA-256 (the file's name on disk) or a link. Lists are JSON text. */
export interface DocumentsTable {
  id: string;
  title_en: string;
  title_id: string | null;
  kind: string;
  doc_date: string | null;
  language: string | null;
  instruments: string;
  countries: string;
  sha256: string | null;
  size_bytes: number | null;
  media_type: string | null;
  file_name: string | null;
  url: string | null;
  source: string;
  confidence: string;
  notes: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  updated_by: number | null;
}

/** The text extracted from a stored file, by the file's SHA-256: the same bytes have the same text. */
export interface DocumentTextsTable {
  sha256: string;
  text: string;
}
