/** Typed domain errors with stable codes; the edges map them to HTTP statuses or exit codes. */
export type DomainErrorCode = 'not_found' | 'invalid' | 'conflict' | 'forbidden' | 'unauthenticated' | 'too_large';

export interface FieldIssue {
  field: string;
  message: string;
  /** The rule the value breaks, when a named rule decides it (e.g. 'registration-in-future'). */
  rule?: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly issues: FieldIssue[];
  constructor(code: DomainErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (message: string) => new DomainError('not_found', message);
export const invalid = (message: string, issues: FieldIssue[] = []) => new DomainError('invalid', message, issues);
