import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type FieldIssue } from '../domain/errors.ts';

/** RFC 9457 problem details. `errors` lists field-level issues when input was invalid. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldIssue[];
  /** On a 5xx: the id of the request in the server log (also in the x-request-id header). */
  requestId?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  415: 'Unsupported media type',
  429: 'Too many requests',
  431: 'Request header fields too large',
  404: 'Not found',
  408: 'Request timeout',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  414: 'URI too long',
  422: 'Unprocessable content',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: extra.type ?? `https://tripartite.dev/problems/${(TITLES[status] ?? 'error').toLowerCase().replace(/\s+/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}

/** Every problem names the request it answers (RFC 9457 `instance`): the path, when the caller gave none. */
export function problemResponse(c: Context, p: Problem): Response {
  const body: Problem = p.instance === undefined ? { ...p, instance: new URL(c.req.url).pathname } : p;
  return c.body(JSON.stringify(body), p.status as ContentfulStatusCode, { 'content-type': 'application/problem+json; charset=utf-8' });
}

/**
 * Hono's own refusals (a malformed body, a wrong content type) in plain words; its messages
 * ("Malformed JSON in request body", "Unsupported Media Type") are written for developers.
 */
export function plainHttpExceptionDetail(status: number, message: string): string {
  if (status === 415) return 'The body must be JSON: send it with Content-Type: application/json.';
  if (/malformed json/i.test(message)) return 'The body is not valid JSON: check its quotes, commas and brackets.';
  if (/malformed (form|multipart)/i.test(message)) return 'The form data could not be read.';
  return message || 'The request could not be processed.';
}

export function domainErrorStatus(error: DomainError): number {
  switch (error.code) {
    case 'not_found':
      return 404;
    case 'invalid':
      return 400;
    case 'conflict':
      return 409;
    case 'forbidden':
      return 403;
    case 'unauthenticated':
      return 401;
    case 'too_large':
      return 413;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
