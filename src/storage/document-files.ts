import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DocumentFileStore } from '../services/document-ports.ts';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Where uploaded files are kept when TRIPARTITE_DOCUMENTS_DIR is not set: a `documents` folder
 * beside the SQLite file, or `./data/documents` with PostgreSQL (or an in-memory SQLite). Never
 * under src/web/static: nothing there is served by path.
 */
export function defaultDocumentsDir(target: { databaseUrl: string | null; sqlitePath: string }): string {
  if (!target.databaseUrl && target.sqlitePath !== ':memory:') return join(dirname(resolve(target.sqlitePath)), 'documents');
  return resolve('data', 'documents');
}

/**
 * Content-addressed files (decision 196): each is named by the SHA-256 of its bytes, never by the
 * uploader's name, so no name can reach another path. A file is written to a temporary name in the
 * same folder and renamed into place, so a reader never sees half a file.
 */
export class DiskDocumentFiles implements DocumentFileStore {
  constructor(readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return join(this.dir, sha256);
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(sha256);
    if (await exists(path)) return;
    await mkdir(this.dir, { recursive: true, mode: 0o750 });
    const temp = join(this.dir, `.upload-${randomBytes(8).toString('hex')}`);
    try {
      await writeFile(temp, bytes, { mode: 0o640, flag: 'wx' });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async read(sha256: string): Promise<Uint8Array | null> {
    if (!SHA256.test(sha256)) return null;
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
