import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Logger } from './logging.ts';
import { problem } from './problem.ts';

/** Node's HTTP parser codes, and the answer each gets (see node:http 'clientError'). */
const ANSWERS: Record<string, { status: number; reason: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    detail: 'The request headers (cookies included) are larger than the server accepts (16 KiB). Send fewer or smaller headers.',
  },
  HPE_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', detail: 'The request was not completed in time.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', detail: 'The request was not completed in time.' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', detail: 'The request could not be read: it is not well-formed HTTP.' };

/**
 * Requests Node's HTTP server refuses before the app sees them (headers too large, malformed
 * HTTP) get the same problem+json as every other error, instead of Node's bare status line. The
 * request has no path yet, so the `instance` is a fresh id, also logged.
 */
export function answerClientErrors(
  server: { on(event: 'clientError', listener: (error: Error, socket: Socket) => void): unknown },
  logger: Logger,
): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = ANSWERS[error.code ?? ''] ?? MALFORMED;
    const instance = `urn:uuid:${randomUUID()}`;
    logger.info({ status: answer.status, code: error.code, instance }, 'request refused by the HTTP parser');
    const body = JSON.stringify(problem(answer.status, answer.detail, { instance }));
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
