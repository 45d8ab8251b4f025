// The JavaScript a browser must download to show the sign-in page stays under 250 KB gzipped
// (issue 8: Sudanese clinic networks). Measured from the built files: the entry chunk, the
// sign-in screen's chunk, everything they import statically, and the core catalogues of a language.
// The rest of the app is split per area (React.lazy / lazy routes) and loads after sign-in.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ensureWebBuilt } from './e2e/support/server.ts';

const BUDGET_BYTES = 250 * 1024;
const dist = path.join(import.meta.dirname, '..', 'dist', 'web');

interface Chunk { file: string; imports?: string[]; isEntry?: boolean; css?: string[] }
let manifest: Record<string, Chunk>;

before(async () => {
  await ensureWebBuilt();
  manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
});

function closure(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  assert.ok(chunk, `no chunk ${key} in the build manifest`);
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

const gzipped = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

test('the JavaScript for the sign-in page is under 250 KB gzipped, in either language', () => {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  assert.ok(entry);
  for (const language of ['en', 'ar']) {
    const files = closure(entry);
    closure('features/auth/SignInPage.tsx', files);
    for (const ns of ['common', 'auth', 'errors']) closure(`i18n/${language}/${ns}.json`, files);
    const bytes = [...files].reduce((sum, file) => sum + gzipped(file), 0);
    console.log(`sign-in page JavaScript (${language}): ${files.size} files, ${(bytes / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
    assert.ok(bytes < BUDGET_BYTES, `${(bytes / 1024).toFixed(1)} KB gzipped exceeds the budget`);
  }
});

test('screens after sign-in are split off: Home, the account area and the shell are not in the sign-in download', () => {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const files = closure('features/auth/SignInPage.tsx', closure(entry));
  for (const lazy of ['features/home/HomePage.tsx', 'features/account/AccountPage.tsx', 'app/shell/Shell.tsx', 'features/reception/SearchPage.tsx', 'features/reception/RegisterPage.tsx']) {
    assert.ok(!files.has(manifest[lazy]!.file), `${lazy} is loaded only when needed`);
  }
});
