import { DomainError } from '../domain/errors.ts';

export type ScreenInputProblem = 'empty' | 'unreadable' | 'missing_column' | 'bad_header' | 'bad_option';

/**
 * The input as a whole cannot be screened (no file, empty file, a required column missing, a bad
 * screening date). Bad *rows* never throw: they are counted and reported in the summary. The CLI
 * maps this error to exit code 2; it is a `DomainError` with code `invalid` for the other edges.
 */
export class ScreenInputError extends DomainError {
  readonly problem: ScreenInputProblem;
  constructor(problem: ScreenInputProblem, message: string, options?: { cause?: unknown; field?: string }) {
    super('invalid', message, options?.field ? [{ field: options.field, message }] : []);
    this.name = 'ScreenInputError';
    this.problem = problem;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
