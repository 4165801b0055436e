import { type Config, ConfigError, loadConfig } from '../config/env.ts';
import type { Services } from '../container.ts';
import type { CliIo } from './args.ts';
import { failure, usageError } from './errors.ts';

/** Same configuration rules as the server, read from the environment the caller passes in. */
export function configFrom(io: CliIo, overrides: NodeJS.ProcessEnv = {}): Config {
  try {
    return loadConfig({ ...io.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError)
      throw usageError(error.message.replace(/:?\s*\n\s*/g, '; ').replace(/^Invalid configuration; /, 'invalid configuration: '));
    throw error;
  }
}

export function describeTarget(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${config.sqlitePath}`;
}

export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim() || (error instanceof Error ? error.name : 'unknown error');
}

/**
 * Opens the database the way the server does (migrating and seeding an empty one), runs `fn`, and
 * always closes it, so a command never leaves a pool or file handle behind.
 */
export async function withServices<T>(
  io: CliIo,
  fn: (services: Services) => Promise<T>,
  options: { prepare?: boolean; requireDataKey?: boolean } = {},
): Promise<T> {
  const config = configFrom(io);
  const { createServices } = await import('../container.ts');
  let services: Services;
  try {
    services = await createServices(config, { prepare: options.prepare ?? true, requireDataKey: options.requireDataKey ?? false });
  } catch (error) {
    throw failure(`cannot open the database (${describeTarget(config)}): ${oneLine(error)}`, error);
  }
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}
