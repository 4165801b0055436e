#!/usr/bin/env node
// Runs the CLI from one bundle of its TypeScript sources, cached in node_modules/.cache/tripartite
// and rebuilt when a source changes: it starts in plain Node in ~60 ms, where tsx's loader took
// ~300 ms and ~35 MB more. Native addons and packages that start their own workers stay outside.
// If the bundle cannot be built or loaded, tsx runs the sources directly, as it always did.
import { fileURLToPath } from 'node:url';
import { cachedBundle } from '../src/runtime/cached-bundle.js';

const entry = fileURLToPath(new URL('../src/cli/index.ts', import.meta.url));
const cacheDir = fileURLToPath(new URL('../node_modules/.cache/tripartite/', import.meta.url));

// The password estimator's dictionaries (~2.7 MB) are loaded only when a password is set: kept out
// of the bundle, so every other command does not parse them at start.
const EXTERNAL = [
  'better-sqlite3',
  'pg',
  '@node-rs/argon2',
  'pino',
  'esbuild',
  'tsx',
  'tsx/*',
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
];

/** @type {() => Promise<void>} */
let main;
try {
  ({ main } = await import(await cachedBundle(entry, cacheDir, 'cli', { external: EXTERNAL })));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
await main();
