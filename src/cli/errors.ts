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
