import type { DomainError } from '../../domain/errors.ts';
import { ScreenInputError } from '../../screening/index.ts';
import type { View } from '../views/view.ts';

// The streamed download itself is shared with the API: src/http/screening-stream.ts.

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
