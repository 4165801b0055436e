import { test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
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
