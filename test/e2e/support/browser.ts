// Debian's Chromium driven by playwright-core. Without a browser the e2e tests skip, loudly;
// with E2E_REQUIRED=1 (CI) a missing browser is a failure.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// CHROMIUM_PATH, when set, is the only candidate (set it to a missing file to see the skip).
const CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

// The machine's network is closed: keep Chromium from trying to phone home, and start it clean.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export const chromiumPath: string | undefined = CANDIDATES.find((p) => fs.existsSync(p));

/** The `skip` option for an e2e suite: false when a browser is there. Throws under E2E_REQUIRED=1. */
export function skipWithoutBrowser(): string | false {
  if (chromiumPath) return false;
  const reason = 'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)';
  if (process.env.E2E_REQUIRED === '1') throw new Error(`E2E_REQUIRED=1 but ${reason}`);
  console.warn(`\n!!!!!!!!\n!!! BROWSER TESTS SKIPPED: ${reason}.\n!!! The web app is NOT tested in a browser on this machine.\n!!!!!!!!\n`);
  return `BROWSER TESTS SKIPPED: ${reason}`;
}

/** A fresh headless Chromium (playwright gives every launch a new, empty profile). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: FLAGS });
}
