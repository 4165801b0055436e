import { join } from 'node:path';
import { test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import type { Config } from '../../src/config/env.ts';
import { CHROMIUM_PATH, chromiumUnavailable } from './databases.ts';

/**
 * The skip reason for a browser suite: false when Debian's Chromium is installed. Without it the
 * suite is skipped with a loud line (and fails instead under TRIPARTITE_REQUIRE_BROWSER=1). A
 * skipped test is registered too, so the skip shows in the closing counts.
 */
export function browserSuiteSkip(name: string): string | false {
  const reason = chromiumUnavailable();
  if (reason) test(name, { skip: reason }, () => {});
  return reason;
}

/** The system Chromium, headless, with the flags this machine's closed network needs; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A portal server's settings for a browser suite: its own SQLite file in `dir`, any free port, no log. */
export function browserSuiteConfig(dir: string): Config {
  return { port: 0, host: '127.0.0.1', databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public', logLevel: 'silent' };
}
