/**
 * Bundles a TypeScript entry module with esbuild into one ES module kept in a cache directory, next
 * to a manifest of its inputs (path, size, mtime). A later call whose inputs are unchanged gets
 * the cached file after one stat per input, without loading esbuild.
 *
 * Why: under tsx every module (ours and each file of every package) goes through its loader hooks,
 * so the CLI took ~300 ms and ~75 MB before its first line of work, and a worker thread had to
 * register tsx and compile its modules again. One bundle loads in a few milliseconds with plain Node.
 *
 * Plain JavaScript, because it is what lets bin/tripartite.js start without tsx.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const CACHE_VERSION = 3;

/**
 * @param {string} entry absolute path of the entry module
 * @param {string} cacheDir where `<name>.mjs` and `<name>.json` are kept
 * @param {string} name
 * @param {{ external?: string[] }} [options] external: packages left out of the bundle and
 *   imported from node_modules at run time (native addons, packages that start their own workers)
 * @returns {string | Promise<string>} the bundle's file URL: a string when the cached one is fresh,
 *   else a promise of it once rebuilt (rejected when esbuild or the cache directory fails)
 */
export function cachedBundle(entry, cacheDir, name, options = {}) {
  const file = join(cacheDir, `${name}.mjs`);
  const manifestFile = join(cacheDir, `${name}.json`);
  const href = pathToFileURL(file).href;
  const external = [...(options.external ?? [])].sort();
  if (isFresh(manifestFile, file, external)) return href;
  return bundle(entry, cacheDir, file, manifestFile, external).then(() => href);
}

/**
 * @param {string} entry
 * @param {string} cacheDir
 * @param {string} file
 * @param {string} manifestFile
 * @param {string[]} external
 */
async function bundle(entry, cacheDir, file, manifestFile, external) {
  const { build } = await import('esbuild');
  const root = dirname(entry);
  const started = Date.now();
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
    external,
    // CommonJS packages inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [keepModuleUrls],
  });
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  // A source saved while esbuild was reading may be in the bundle in its old form: such a bundle is
  // used once but not vouched for, so the next run builds again.
  let settled = true;
  for (const input of Object.keys(out.metafile.inputs)) {
    const path = stampOf(resolve(root, input));
    if (path in inputs) continue;
    const st = statSync(path);
    inputs[path] = [st.size, st.mtimeMs];
    if (st.mtimeMs >= started) settled = false;
  }
  mkdirSync(cacheDir, { recursive: true });
  // Concurrent runs each write their own temporary file and rename it: a reader sees a whole file.
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(`${file}.${tag}`, out.outputFiles[0]?.text ?? '');
  renameSync(`${file}.${tag}`, file);
  if (!settled) {
    rmSync(manifestFile, { force: true });
    return;
  }
  writeFileSync(`${manifestFile}.${tag}`, JSON.stringify({ version: CACHE_VERSION, external, inputs }));
  renameSync(`${manifestFile}.${tag}`, manifestFile);
}

/**
 * The file whose size and mtime stand for an input. A package's files stand for themselves only
 * when the package was not installed by npm: npm rewrites `node_modules/.package-lock.json` on every
 * install, so one stat covers the ~450 files of the bundled packages, at every start of the CLI.
 * @param {string} path
 */
function stampOf(path) {
  const at = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return path;
  const lock = join(path.slice(0, at), 'node_modules', '.package-lock.json');
  return existsSync(lock) ? lock : path;
}

/**
 * Our modules find files next to themselves (data, static assets, package.json) through
 * `import.meta.url`: each keeps its own source URL inside the bundle, not the bundle's.
 * @type {import('esbuild').Plugin}
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined; // packages keep theirs
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * The cached bundle exists, was built the same way, and every input has the size and mtime it had
 * when it was built.
 * @param {string} manifestFile
 * @param {string} file
 * @param {string[]} external
 */
function isFresh(manifestFile, file, external) {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.version !== CACHE_VERSION || JSON.stringify(manifest.external) !== JSON.stringify(external)) return false;
    // A bundle written after its manifest belongs to another build: rebuild.
    if (statSync(file).mtimeMs > statSync(manifestFile).mtimeMs) return false;
    const inputs = Object.entries(manifest.inputs);
    for (const [input, [size, mtime]] of inputs) {
      const st = statSync(input);
      if (st.size !== size || st.mtimeMs !== mtime) return false;
    }
    return inputs.length > 0;
  } catch {
    return false;
  }
}
