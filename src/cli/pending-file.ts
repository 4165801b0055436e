/**
 * An output file that appears under its name only once it is complete: the rows are written to a
 * temporary file in the same folder (so the final rename stays on one file system and is atomic),
 * renamed over the name at the end, and removed if the run fails. A run cut short (a truncated
 * .gz input, a full disk) therefore never leaves a partial file that looks like a finished result.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, openSync, renameSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CliError, failure, usageError } from './errors.ts';

export interface PendingFile {
  readonly stream: WriteStream;
  /** Ends the stream and renames the temporary file to the final name; rejects on a write error. */
  commit(): Promise<void>;
  /** Ends the stream and removes the temporary file (after a failed run); never throws. */
  discard(): Promise<void>;
  /** The write error so far (a full disk) as the one line to report, or null. */
  writeFailure(): CliError | null;
}

/** Why `path` cannot take the output, as one line naming the flag; null when it can. */
function unusable(path: string, flag: string): string | null {
  const folder = dirname(path);
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'directory' : 'other';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'other';
    }
  };
  if (path.endsWith('/') || kind(path) === 'directory') return `${flag} "${path}" is a directory: give the name of a file to write`;
  const parent = kind(folder);
  if (parent === 'missing') return `${flag} "${path}": the folder "${folder}" does not exist`;
  if (parent !== 'directory') return `${flag} "${path}": "${folder}" is not a folder`;
  return null;
}

/**
 * Opens a temporary file next to `path`. Every problem known before writing (a missing folder,
 * `path` a directory, no permission) is a usage error with one line naming `flag`.
 */
export function openPendingFile(path: string, flag: string): PendingFile {
  const problem = unusable(path, flag);
  if (problem) throw usageError(problem);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx');
  } catch (error) {
    throw usageError(`${flag} "${path}": cannot write in "${dirname(path)}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const stream = createWriteStream('', { fd, highWaterMark: 1 << 20 });
  // A write error (a full disk) is reported by commit(); without a listener it would end the process.
  let writeError: Error | null = null;
  stream.on('error', (error) => {
    writeError ??= error;
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (stream.closed) return resolve();
      stream.once('close', () => resolve());
      if (writeError) stream.destroy();
      else stream.end();
    });
  const remove = () => {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  };
  const writeFailure = () => (writeError ? failure(`${flag} "${path}": writing failed (${writeError.message})`, writeError) : null);
  return {
    stream,
    writeFailure,
    async commit() {
      await close();
      const failed = writeFailure();
      if (failed) {
        remove();
        throw failed;
      }
      renameSync(temporary, path);
    },
    async discard() {
      await new Promise<void>((resolve) => {
        if (stream.closed) return resolve();
        stream.once('close', () => resolve());
        stream.destroy();
      });
      remove();
    },
  };
}
