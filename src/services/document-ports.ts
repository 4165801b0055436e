import type { LibraryDocument } from '../domain/documents/document.ts';
import { txPort } from './history-ports.ts';

/** Reads of the documents library (not cached: decision 196). */
export interface DocumentReadRepository {
  list(): Promise<LibraryDocument[]>;
  get(id: string): Promise<LibraryDocument | null>;
  /** The extracted text of each stored file, by SHA-256 (files without text are left out). */
  texts(sha256s: readonly string[]): Promise<Map<string, string>>;
  /** Which of these files have text (without reading it). */
  withText(sha256s: readonly string[]): Promise<Set<string>>;
}

/** Writes of the library inside a history transaction (`RegistryWriteTx.port(DOCUMENTS_TX)`). */
export interface DocumentWriteTx {
  get(id: string): Promise<LibraryDocument | null>;
  put(d: LibraryDocument): Promise<void>;
  delete(id: string): Promise<void>;
  /** Keeps the text of a file (once per SHA-256; a second upload of the same bytes changes nothing). */
  putText(sha256: string, text: string): Promise<void>;
}

export const DOCUMENTS_TX = txPort<DocumentWriteTx>('documents');

/** The files themselves, outside the web root, each named by its SHA-256 (src/storage/document-files.ts). */
export interface DocumentFileStore {
  /** Stores the bytes under their hash (a no-op when that file is already there); written whole or not at all. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when this server has no such file. */
  read(sha256: string): Promise<Uint8Array | null>;
}
