import assert from 'node:assert/strict';

/** Zod's and Hono's own phrasing, which no error body may carry (issue 8, item 16). */
export const RAW_VALIDATOR_TEXT =
  /Invalid input|expected \w+, received|Too big|Too small|Invalid option|Invalid string|Unrecognized key|Malformed JSON|Unsupported Media Type/;

/** An RFC 9457 body with every member filled and plain wording. */
export function assertPlainProblem(body: Record<string, unknown>, status: number, what: string): void {
  for (const key of ['type', 'title', 'detail', 'instance']) assert.equal(typeof body[key], 'string', `${what}: ${key}`);
  assert.equal(body.status, status, what);
  assert.doesNotMatch(JSON.stringify(body), RAW_VALIDATOR_TEXT, what);
}
