import { PassThrough, Readable } from 'node:stream';
import type { CountryFacts } from '../../domain/child-labour/index.ts';
import type { DomainError } from '../../domain/errors.ts';
import { ScreenInputError, screenCsv } from '../../screening/index.ts';
import type { View } from '../views/view.ts';

/**
 * Screens `input` and returns the annotated CSV as a web stream, produced while the input is read.
 * Resolves once the header has been written, so an input that cannot be screened at all (empty,
 * no header, a required column missing) rejects with a ScreenInputError before a byte is sent.
 */
export async function screenToCsvStream(
  input: Readable,
  options: { on: string; facts: ReadonlyMap<string, CountryFacts> },
): Promise<ReadableStream<Uint8Array>> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const done = screenCsv(input, { ...options, out });
  const header = new Promise<void>((resolve) => out.once('readable', () => resolve()));
  try {
    await Promise.race([header, done]);
  } catch (error) {
    out.destroy();
    input.destroy();
    throw error;
  }
  done.then(
    () => out.end(),
    (error: unknown) => out.destroy(error as Error),
  );
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

/** Why a whole file was refused, in the reader's language (the screener's own words are English). */
export function screenInputMessage(v: View, error: DomainError): string {
  const { t } = v;
  if (!(error instanceof ScreenInputError)) return t.screenFileUnreadable;
  switch (error.problem) {
    case 'empty':
      return t.screenFileEmpty;
    case 'missing_column':
      return t.screenFileMissingColumn(error.issues[0]?.field ?? 'worker_id');
    case 'bad_option':
      return t.screenOnInvalid;
    default:
      return t.screenFileUnreadable;
  }
}
