import { type CliIo, type CommandSpec, stringFlag } from '../args.ts';
import { configFrom, oneLine } from '../context.ts';
import { failure } from '../errors.ts';
import { wholeNumber } from '../validate.ts';

function processSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

export const serveCommand: CommandSpec = {
  name: 'serve',
  brief: 'Start the HTTP server (JSON API and portal)',
  summary: 'Start the HTTP server (JSON API and portal). Configuration comes from the environment; stop it with Ctrl-C.',
  positionals: [],
  flags: {
    port: { type: 'string', value: 'N', description: 'port to listen on, 0–65535 (overrides PORT; default 3000)' },
  },
  examples: ['tripartite serve', 'tripartite serve --port 8080'],
  async run(args, io: CliIo) {
    const port = wholeNumber(stringFlag(args, 'port'), 0, 65535, 'serve', '--port');
    const config = configFrom(io, port === undefined ? {} : { PORT: String(port) });
    // Signal handlers are installed only here: other commands keep the default Ctrl-C behaviour.
    const signal = io.signal ?? processSignal();
    const { startServer } = await import('../../main.ts');
    let running: Awaited<ReturnType<typeof startServer>>;
    try {
      running = await startServer(config);
    } catch (error) {
      throw failure(`cannot start the server on port ${config.port}: ${oneLine(error)}`, error);
    }
    await untilAborted(signal);
    await running.close();
    return 0;
  },
};
