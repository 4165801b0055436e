import { type CliIo, type CommandSpec, stringFlag } from '../args.ts';
import { configFrom, oneLine } from '../context.ts';
import { failure } from '../errors.ts';
import { wholeNumber } from '../validate.ts';

/** After a shutdown, how long to wait for the process to end on its own before ending it. */
const LINGER_MS = 3000;

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

export const serveCommand: CommandSpec = {
  name: 'serve',
  brief: 'Start the HTTP server (JSON API and portal)',
  summary:
    'Start the HTTP server (JSON API and portal). Configuration comes from the environment. Ctrl-C or SIGTERM stops it gracefully: requests in flight finish first (within TRIPARTITE_SHUTDOWN_GRACE_MS, default 10 s); a second Ctrl-C exits at once.',
  positionals: [],
  flags: {
    port: { type: 'string', value: 'N', description: 'port to listen on, 0–65535 (overrides PORT; default 3000)' },
  },
  examples: ['tripartite serve', 'tripartite serve --port 8080'],
  async run(args, io: CliIo) {
    const port = wholeNumber(stringFlag(args, 'port'), 0, 65535, 'serve', '--port');
    const config = configFrom(io, port === undefined ? {} : { PORT: String(port) });
    // Signal handlers are installed only here: other commands keep the default Ctrl-C behaviour.
    const { startServer } = await import('../../main.ts');
    const { shutdownSignal } = await import('../../http/shutdown.ts');
    const signal =
      io.signal ?? shutdownSignal((name) => io.stderr(`tripartite: second ${name}: exiting without waiting for requests in flight\n`));
    let running: Awaited<ReturnType<typeof startServer>>;
    try {
      running = await startServer(config);
    } catch (error) {
      throw failure(`cannot start the server on port ${config.port}: ${oneLine(error)}`, error);
    }
    await untilAborted(signal);
    await running.close();
    if (!io.signal) {
      // A handle left open by mistake must not keep a stopped server's process alive (a deploy
      // would wait for its kill timeout): it is named in the warning, then the process ends.
      setTimeout(() => {
        io.stderr(
          `tripartite: still running ${LINGER_MS} ms after shutdown (open: ${process.getActiveResourcesInfo().join(', ')}); exiting\n`,
        );
        process.exit(process.exitCode ?? 0);
      }, LINGER_MS).unref();
    }
    return 0;
  },
};
