import type { DomainError } from '../domain/errors.ts';
import { impossibleDayReason } from '../domain/partial-date.ts';

/** An error the CLI reports as one line; `exitCode` 2 means bad usage, 1 means the thing asked for failed. */
export class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(2, message);
export const failure = (message: string, cause?: unknown) => new CliError(1, message, { cause });

/** 'birthDate' → '--birth-date': the CLI names a service's field by the flag that carries it. */
export function flagOf(field: string): string {
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * A service's "invalid" error as a usage error worded for flags: each field is named by its flag,
 * and a date flag whose day does not exist says so ("February 2023 has 28 days").
 */
export function usageFromDomain(error: DomainError, help: string, flagValues: Record<string, unknown> = {}): CliError {
  if (!error.issues.length) return usageError(`${error.message} ${help}`);
  const lines = error.issues.map((issue) => {
    const flag = flagOf(issue.field);
    const raw = flagValues[flag.slice(2)];
    const reason = typeof raw === 'string' ? impossibleDayReason(raw) : null;
    if (reason) return `${flag} ${raw} is not a date: ${reason}`;
    const field = new RegExp(`^${issue.field}\\b`);
    return field.test(issue.message) ? issue.message.replace(field, flag) : `${flag}: ${issue.message}`;
  });
  return usageError(`${lines.join('; ')} ${help}`);
}
