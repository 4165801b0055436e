/**
 * The range worker's entry script (parallel.ts). From compiled JavaScript the worker imports its
 * module directly. From TypeScript sources (tsx) it would have to register tsx and compile its
 * modules itself, ~250 ms before its first row; instead its modules are bundled with esbuild (tsx's
 * own compiler) into one file that starts in ~40 ms.
 *
 * Bundling costs ~150 ms of a 2-core machine (esbuild's service process starts and competes with the
 * screening thread), so the bundle is cached (runtime/cached-bundle.js) in
 * `node_modules/.cache/tripartite/`: inside the project, not the shared temporary directory, so no
 * other user can plant a file that a screening run would then execute. If anything fails, the
 * worker registers tsx as before.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBundle } from '../runtime/cached-bundle.js';

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
  const load = (href: string) => `import(${JSON.stringify(href)});`;
  const bundled = cachedBundle(fileURLToPath(target), join(root, 'node_modules', '.cache', 'tripartite'), 'range-worker');
  if (typeof bundled === 'string') return load(bundled);
  const building = bundled.then(load, () => viaTsx);
  void building.then((s) => {
    known = s;
  });
  return building;
}
