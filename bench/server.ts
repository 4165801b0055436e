/**
 * The server as the HTTP benchmarks run it: its own process (as in production), on loopback,
 * answering /api/health before any load starts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { PROJECT_ROOT } from '../src/storage/paths.ts';

export interface ServerOptions {
  env: NodeJS.ProcessEnv;
  port: number;
  logLevel: 'error' | 'info';
  /** Where the server's standard output (its log) goes; the benchmark's own output when not given. */
  logFile?: string;
}

export async function startServer({ env, port, logLevel, logFile }: ServerOptions): Promise<ChildProcess> {
  const out = logFile ? openSync(logFile, 'w') : 'inherit';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: logLevel },
    stdio: ['ignore', out, 'inherit'],
  });
  if (typeof out === 'number') closeSync(out);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} while starting (see its log above)`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start within 30 s');
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
