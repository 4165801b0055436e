import type { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import { type Config, ConfigError, DEFAULT_SHUTDOWN_GRACE_MS, loadConfig } from './config/env.ts';
import { createServices } from './container.ts';
import { createApp } from './http/app.ts';
import { answerClientErrors } from './http/client-error.ts';
import { createLogger, type Logger } from './http/logging.ts';
import { gracefulShutdown, shutdownSignal } from './http/shutdown.ts';

export async function startServer(config: Config, options: { logger?: Logger } = {}): Promise<{ close(): Promise<void>; port: number }> {
  const started = Date.now();
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // prom-client is loaded only when the metrics are on (it adds ~40 ms to start-up).
  const metrics = config.metricsToken ? new (await import('./http/metrics.ts')).AppMetrics(config.metricsToken) : undefined;
  const services = await createServices(config, { events: metrics?.events, requireDataKey: true });
  if (services.dataKeyNotice) logger.info(services.dataKeyNotice);
  metrics?.watchPool(services.handle);
  // Unexpected errors are logged by the app itself, with their stack and request id.
  const app = createApp({ ...services, trustProxy: config.trustProxy, corsWriteOrigins: config.corsWriteOrigins, logger, metrics });
  // Plain HTTP/1.1 (no createServer option), whatever the adapter's wider type says.
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as HttpServer;
  answerClientErrors(server, logger);
  const close = gracefulShutdown(server, {
    graceMs: config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS,
    logger,
    closeServices: () => services.close(),
  });
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      server.once('listening', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : config.port);
      });
      server.once('error', reject);
    });
  } catch (error) {
    await services.close();
    throw error;
  }
  logger.info(
    { port, database: services.handle.describe, startupMs: Date.now() - started },
    `Tripartite listening on http://localhost:${port} (${services.handle.describe})`,
  );
  return { port, close };
}

const isEntryPoint = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  try {
    const config = loadConfig();
    const running = await startServer(config);
    shutdownSignal().addEventListener('abort', () => void running.close().then(() => process.exit(0)), { once: true });
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
