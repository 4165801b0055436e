/**
 * Page weights and Lighthouse scores (issue 10: "many open the portal on a phone over a slow
 * connection"). Starts the server in process on a free port with the bundled data (SQLite), runs
 * Lighthouse 12 in Debian's Chromium with its default settings (mobile form factor, simulated slow
 * 4G and CPU slow-down) on the portal's main pages, and records per page the performance,
 * accessibility and best-practices scores, the transferred bytes of HTML, JS, CSS and SVG, the
 * number of requests and any request to another origin. Each page is also checked against the
 * budget of tests/support/page-budget.ts (the page-weight test asserts the same without a browser).
 * Prints the table and rewrites its section of BENCHMARKS.md (between markers).
 *
 * Not a test: scores move with the machine's load, and nothing here fails the build. Set
 * BENCH_PAGES=home,instrument,country to audit only some pages (the table in BENCHMARKS.md is then
 * written with those rows only).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Config } from '../src/config/env.ts';
import { startServer } from '../src/main.ts';
import { PROJECT_ROOT } from '../src/storage/paths.ts';
import {
  BUDGET_PAGES,
  gzipBytes,
  HTML_BUDGET_BYTES,
  IMMUTABLE_CACHE,
  isHashedAssetUrl,
  JS_BUDGET_BYTES,
  otherOriginUrls,
  pageAssets,
} from '../tests/support/page-budget.ts';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Lighthouse runs per page; the table shows the median run (by performance score). */
const RUNS = Math.max(1, Number(process.env.BENCH_PAGES_RUNS ?? 3));
/** Only the pages whose name contains one of these (comma-separated), e.g. BENCH_PAGES=home,country. */
const ONLY = (process.env.BENCH_PAGES ?? '').split(',').filter(Boolean);

interface NetworkItem {
  url: string;
  transferSize?: number;
  resourceType?: string;
  mimeType?: string;
}

interface Row {
  name: string;
  path: string;
  performance: number | null;
  /** Lighthouse's measure of the machine's speed during the median run (higher is faster; it falls when the CPU is shared). */
  benchmarkIndex: number;
  /** Lowest and highest performance score of the runs. */
  spread: [number | null, number | null];
  accessibility: number | null;
  bestPractices: number | null;
  html: number;
  js: number;
  css: number;
  svg: number;
  /** SVG drawn inside the HTML (the map, charts), gzip: already part of `html`. */
  inlineSvg: number;
  requests: number;
  otherOrigins: string[];
  budget: string[];
  failing: string[];
}

/** The first offending element or URL of a failing audit, so the table says where to look. */
function example(details: unknown): string {
  type Item = { node?: { snippet?: string }; url?: string; description?: string; sourceLocation?: { url?: string } };
  const first = (details as { items?: Item[] } | undefined)?.items?.[0];
  const where = first?.node?.snippet ?? first?.url ?? first?.sourceLocation?.url ?? first?.description;
  return where ? ` at ${where.slice(0, 160)}` : '';
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const score = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round(s * 100));

/** Budget checks that need only HTTP: the HTML's references and each asset's cache headers. */
async function checkBudget(origin: string, path: string, html: number, js: number): Promise<{ problems: string[]; inlineSvg: number }> {
  const problems: string[] = [];
  if (html >= HTML_BUDGET_BYTES) problems.push(`HTML ${kb(html)} KB ≥ ${kb(HTML_BUDGET_BYTES)} KB`);
  if (js >= JS_BUDGET_BYTES) problems.push(`JS ${kb(js)} KB ≥ ${kb(JS_BUDGET_BYTES)} KB`);
  const body = await (await fetch(origin + path)).text();
  const svgs = body.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
  const inlineSvg = svgs.length ? gzipBytes(svgs.join('')) : 0;
  const away = otherOriginUrls(body, origin);
  if (away.length > 0) problems.push(`links to another origin: ${away.slice(0, 3).join(' ')}`);
  const { scripts, statics } = pageAssets(body);
  if (scripts.length > 0) problems.push(`loads ${scripts.length} script(s) on a page that needs none`);
  for (const url of statics) {
    if (!isHashedAssetUrl(url)) problems.push(`${url}: no content hash in its URL`);
    const res = await fetch(new URL(url, origin));
    await res.arrayBuffer();
    if (res.headers.get('cache-control') !== IMMUTABLE_CACHE) problems.push(`${url}: cache-control ${res.headers.get('cache-control')}`);
  }
  return { problems, inlineSvg };
}

/** One Lighthouse run; a run whose trace failed (NO_NAVSTART and the like, seen on a busy machine) is tried again, up to 3 times. */
async function lighthouseRun(port: number, url: string) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error(`${url}: Lighthouse returned nothing`);
    const error = result.lhr.runtimeError;
    if (!error) return result.lhr;
    if (attempt === 3) throw new Error(`${url}: ${error.code} ${error.message}`);
    console.log(`  ${url}: ${error.code}, trying again`);
  }
}

/**
 * RUNS runs of one page, and the one whose performance score is the median: simulated throttling
 * multiplies the main-thread time it observes, so one run on a busy machine says more about the
 * machine than about the page. The spread is kept for the table.
 */
async function medianRun(port: number, url: string) {
  type Lhr = Awaited<ReturnType<typeof lighthouseRun>>;
  const runs: Lhr[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(port, url));
  const perf = (r: Lhr | undefined) => r?.categories.performance?.score ?? 0;
  runs.sort((a, b) => perf(a) - perf(b));
  const lhr = runs[Math.floor(runs.length / 2)] as Lhr;
  return { lhr, low: score(perf(runs[0])), high: score(perf(runs[runs.length - 1])) };
}

async function audit(port: number, origin: string, page: (typeof BUDGET_PAGES)[number]): Promise<Row> {
  const { lhr, low, high } = await medianRun(port, origin + page.path);
  const items = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter(
    (i) => !i.url.startsWith('data:'),
  );
  const sum = (pick: (i: NetworkItem) => boolean) => items.filter(pick).reduce((n, i) => n + (i.transferSize ?? 0), 0);
  const html = sum((i) => i.resourceType === 'Document');
  const js = sum((i) => i.resourceType === 'Script');
  const css = sum((i) => i.resourceType === 'Stylesheet');
  const svg = sum((i) => (i.mimeType ?? '').includes('svg'));
  const otherOrigins = [...new Set(items.map((i) => new URL(i.url).origin).filter((o) => o !== origin))];
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)}${a.displayValue ? `, ${a.displayValue}` : ''})${example(a.details)}`);
  const { problems: budget, inlineSvg } = await checkBudget(origin, page.path, html, js);
  if (otherOrigins.length > 0) budget.push(`requests to ${otherOrigins.join(' ')}`);
  return {
    name: page.name,
    path: page.path,
    performance: score(lhr.categories.performance?.score),
    spread: [low, high],
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    accessibility: score(lhr.categories.accessibility?.score),
    bestPractices: score(lhr.categories['best-practices']?.score),
    html,
    js,
    css,
    svg,
    inlineSvg,
    requests: items.length,
    otherOrigins,
    budget,
    failing,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tripartite-bench-pages-'));
const config = {
  port: 0,
  host: '127.0.0.1',
  databaseUrl: null,
  sqlitePath: join(dir, 'bench.db'),
  pgSchema: 'public',
  logLevel: 'silent',
} as Config;
const rows: Row[] = [];
const loadAtStart = loadavg()[0] ?? 0;
const server = await startServer(config);
const origin = `http://127.0.0.1:${server.port}`;
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
try {
  // One unmeasured visit per page first: the server builds its caches (map outline, search index).
  for (const page of BUDGET_PAGES) await (await fetch(origin + page.path)).arrayBuffer();
  for (const page of BUDGET_PAGES.filter((p) => ONLY.length === 0 || ONLY.some((o) => p.name.includes(o)))) {
    const row = await audit(chrome.port, origin, page);
    rows.push(row);
    console.log(
      `${page.name.padEnd(24)} perf ${row.performance} (${row.spread.join('–')}) a11y ${row.accessibility} bp ${row.bestPractices}  HTML ${kb(row.html)} KB  JS ${kb(row.js)} KB  CSS ${kb(row.css)} KB  ${row.requests} requests${row.budget.length ? `  OVER BUDGET: ${row.budget.join('; ')}` : ''}`,
    );
    if (row.failing.length > 0) console.log(`  below 90: ${row.failing.join(', ')}`);
  }
} finally {
  chrome.kill();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  '| page | path | performance (median; lowest–highest) | accessibility | best practices | HTML KB | JS KB | CSS KB | SVG KB (files; inline gzip) | requests | other origins | budget | CPU index |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|',
  ...rows.map(
    (r) =>
      `| ${r.name} | \`${r.path}\` | ${r.performance ?? '–'} (${r.spread.join('–')}) | ${r.accessibility ?? '–'} | ${r.bestPractices ?? '–'} | ${kb(r.html)} | ${kb(r.js)} | ${kb(r.css)} | ${kb(r.svg)}; ${kb(r.inlineSvg)} | ${r.requests} | ${r.otherOrigins.length ? r.otherOrigins.join(' ') : 'none'} | ${r.budget.length ? r.budget.join('; ').replace(/\|/g, '\\|') : 'within'} | ${r.benchmarkIndex} |`,
  ),
].join('\n');
console.log(`\n${table}`);

const START = '<!-- bench:pages start -->';
const END = '<!-- bench:pages end -->';
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = `${START}
## Page weight and Lighthouse (npm run bench:pages)

Run ${when} UTC, Node ${process.version}, Lighthouse 12.2.3 in Debian's Chromium (headless), ${cpus().length}-core machine (load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]?.toFixed(1)} at the end), server in process on the bundled data (SQLite). Lighthouse's default settings: mobile form factor, simulated throttling (slow 4G, 4× CPU slow-down). Sizes are the bytes transferred (HTML, CSS compressed with Brotli as the browser asked). Budget (issue 10): HTML < 60 KB and JS < 50 KB compressed, no script on a page that does not need one, no request to another origin, assets with a content hash in their URL and \`${IMMUTABLE_CACHE}\`. Each page is audited ${RUNS} times; the row is the run with the median performance score, with the lowest and highest beside it (simulated throttling scales the main-thread time it observes, so a busy machine lowers the score). CPU index is Lighthouse's benchmarkIndex during the median run (higher is faster; it drops when other work shares the CPU). Target: performance ≥ 95 and accessibility 100 on the home, instrument (with map) and country pages.

${table}
${END}`;
const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
let current = readFileSync(file, 'utf8');
const start = current.indexOf(START);
const end = current.indexOf(END);
if (start === -1 || end === -1) current = `${current.trimEnd()}\n\n${section}\n`;
else current = current.slice(0, start) + section + current.slice(end + END.length);
writeFileSync(file, current);
console.log(`\nwritten to ${file}`);
