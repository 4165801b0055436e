import type { LibraryDocument } from '../domain/documents/document.ts';
import { changedKeys } from './cache-dependencies.ts';
import { DOCUMENTS_TX } from './document-ports.ts';
import type { RecordKind } from './record-kinds.ts';

/**
 * Record keys are document ids in capitals (document-service.ts `documentHistoryKey`). The library
 * is the Organization's own record: the secretariat (and admin) change and revert it. A revert
 * writes the metadata back; the file's bytes are never deleted (decision 196), so a restored
 * document still serves its file.
 */
export const documentKind: RecordKind = {
  target: () => ({ kind: 'secretariat_record' }),
  read: (tx, key) => tx.port(DOCUMENTS_TX).get(key.toLowerCase()),
  async write(tx, key, value) {
    if (value === null) await tx.port(DOCUMENTS_TX).delete(key.toLowerCase());
    else await tx.port(DOCUMENTS_TX).put(value as LibraryDocument);
  },
  changedKeys: (key, before, after) => changedKeys('document', key, before, after),
};
