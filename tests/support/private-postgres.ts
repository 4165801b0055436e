/**
 * A PostgreSQL server of the test's own, for tests that stop and start the database (never the
 * shared one at 127.0.0.1:5432): initdb into a temporary folder, a free port, loopback and a socket
 * in that folder only. initdb refuses to run as root, so as root the server binaries run as the
 * `postgres` system user, which owns the folder.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_LIB = '/usr/lib/postgresql';

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl stop -m immediate`: the processes are killed, as in a crash or a failover. */
  stopImmediately(): Promise<void>;
  /** Resolves once the server accepts connections again (`pg_ctl start -w`). */
  start(): Promise<void>;
  /** Stops the server if it runs and removes its folder; safe to call more than once. */
  destroy(): Promise<void>;
}

/** The newest installed server's bin folder, or null. */
function serverBinaries(): string | null {
  if (!existsSync(PG_LIB)) return null;
  const versions = readdirSync(PG_LIB)
    .filter((v) => existsSync(join(PG_LIB, v, 'bin', 'initdb')) && existsSync(join(PG_LIB, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? join(PG_LIB, versions[0], 'bin') : null;
}

async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** Why a private server cannot be started here, or false when it can. */
export async function privatePostgresUnavailable(): Promise<string | false> {
  if (!serverBinaries()) return `no PostgreSQL server binaries (${PG_LIB}/*/bin/initdb and pg_ctl; apt-get install -y postgresql)`;
  if (process.getuid?.() === 0) {
    if (!(await postgresUser())) return 'running as root, and there is no `postgres` system user to run initdb as';
    if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser') && !existsSync('/usr/bin/runuser'))
      return 'running as root without runuser (util-linux) to run initdb as the postgres user';
  }
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = serverBinaries();
  if (!bin) throw new Error('no PostgreSQL server binaries');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : null;
  const dir = mkdtempSync(join(tmpdir(), 'tripartite-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const exec = (tool: string, args: string[]) => {
    const [file, argv] = owner ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return run(file, argv, { cwd: dir, timeout: 60_000 });
  };
  const port = await freePort();
  // fsync off: `-m immediate` kills the server processes, not the machine, so every write the server
  // has handed to the OS survives it anyway; a loaded test machine is spared the disk flushes.
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=40`;
  let running = false;
  const stop = async (mode: 'immediate' | 'fast') => {
    await exec('pg_ctl', ['stop', '-D', data, '-m', mode, '-w']);
    running = false;
  };
  const start = async () => {
    await exec('pg_ctl', ['start', '-D', data, '-w', '-t', '30', '-l', join(dir, 'server.log'), '-o', serverOptions]);
    running = true;
  };
  const destroy = async () => {
    if (running) await stop('immediate').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await start();
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stopImmediately: () => stop('immediate'),
    start,
    destroy,
  };
}

/** Skips loudly, or fails when CI requires PostgreSQL (TRIPARTITE_REQUIRE_PG=1), as tests/support/databases.ts does. */
export function loudSkipPrivatePostgres(reason: string): string {
  if (process.env.TRIPARTITE_REQUIRE_PG === '1') {
    throw new Error(`PostgreSQL is required (TRIPARTITE_REQUIRE_PG=1) but a private server cannot be started: ${reason}`);
  }
  console.log(`\n!!! SKIPPED: private PostgreSQL suite — ${reason}\n`);
  return `private PostgreSQL unavailable: ${reason}`;
}
