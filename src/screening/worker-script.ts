/**
 * The range worker's entry script (parallel.ts). From compiled JavaScript the worker imports its
 * module directly. From TypeScript sources (tsx) it would have to register tsx and compile its
 * modules itself, ~250 ms before its first row; instead its modules are bundled with esbuild (tsx's
 * own compiler) into one file that starts in ~40 ms.
 *
 * Bundling costs ~150 ms of a 2-core machine (esbuild's service process starts and competes with the
 * screening thread), so the bundle is kept in `node_modules/.cache/tripartite/` next to a manifest of
 * its inputs (path, size, mtime): a later run whose inputs are unchanged reuses it after ~30 stat
 * calls. Inside the project (not the shared temporary directory) so no other user can plant a file
 * that a screening run would then execute. If anything fails, the worker registers tsx as before.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CACHE_VERSION = 1;

interface Manifest {
  version: number;
  /** Absolute paths of the inputs → [size, mtimeMs]. */
  inputs: Record<string, [number, number]>;
}

let known: string | Promise<string> | null = null;

/**
 * Code for `new Worker(code, { eval: true })` that loads `range-worker`: a string when it is at hand
 * (compiled sources, or a fresh cached bundle), so the caller can start the worker before it starts
 * screening itself; a promise while a bundle is being built.
 */
export function rangeWorkerScript(): string | Promise<string> {
  known ??= locate();
  return known;
}

function locate(): string | Promise<string> {
  const here = import.meta.url;
  const fromSources = here.endsWith('.ts');
  const target = new URL(`./range-worker${fromSources ? '.ts' : '.js'}`, here);
  if (!fromSources) return `import(${JSON.stringify(target.href)});`;
  const root = resolve(dirname(fileURLToPath(here)), '..', '..');
  const viaTsx = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(target.href)}); });`;
  const script = cachedBundle(fileURLToPath(target), join(root, 'node_modules', '.cache', 'tripartite'), 'range-worker');
  if (typeof script === 'string') return script;
  const building = script.catch(() => viaTsx);
  void building.then((s) => {
    known = s;
  });
  return building;
}

/**
 * Code that imports `entry` bundled with its imports into `<cacheDir>/<name>.mjs`: a string when
 * the cached bundle's inputs are unchanged, else a promise of it once rebuilt (rejected when
 * esbuild or the cache directory fails).
 */
export function cachedBundle(entry: string, cacheDir: string, name: string): string | Promise<string> {
  const file = join(cacheDir, `${name}.mjs`);
  const manifestFile = join(cacheDir, `${name}.json`);
  const load = `import(${JSON.stringify(pathToFileURL(file).href)});`;
  if (isFresh(manifestFile, file)) return load;
  return bundle(entry, cacheDir, file, manifestFile).then(() => load);
}

async function bundle(entry: string, cacheDir: string, file: string, manifestFile: string): Promise<void> {
  const { build } = await import('esbuild');
  const root = dirname(entry);
  const out = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs: Manifest['inputs'] = {};
  for (const input of Object.keys(out.metafile.inputs)) {
    const path = resolve(root, input);
    const st = statSync(path);
    inputs[path] = [st.size, st.mtimeMs];
  }
  mkdirSync(cacheDir, { recursive: true });
  // Concurrent runs each write their own temporary file and rename it: a reader sees a whole file.
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(`${file}.${tag}`, out.outputFiles[0]?.text ?? '');
  renameSync(`${file}.${tag}`, file);
  writeFileSync(`${manifestFile}.${tag}`, JSON.stringify({ version: CACHE_VERSION, inputs } satisfies Manifest));
  renameSync(`${manifestFile}.${tag}`, manifestFile);
}

/** The cached bundle exists and every input has the size and mtime it had when it was built. */
function isFresh(manifestFile: string, file: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.version !== CACHE_VERSION) return false;
    // A bundle written after its manifest belongs to another build: rebuild.
    if (statSync(file).mtimeMs > statSync(manifestFile).mtimeMs) return false;
    for (const [input, [size, mtime]] of Object.entries(manifest.inputs)) {
      const st = statSync(input);
      if (st.size !== size || st.mtimeMs !== mtime) return false;
    }
    return Object.keys(manifest.inputs).length > 0;
  } catch {
    return false;
  }
}
