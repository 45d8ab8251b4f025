// `npm run build`: builds the staff web app into dist/web with Vite, then writes brotli and gzip
// copies of the text assets (the server sends them to browsers that accept them).
// `--if-stale` (what `npm start` runs): builds only when dist/web is missing or older than its
// sources — a hash of src/web, vite.config.ts and package-lock.json kept in dist/web.stamp — so a
// clean clone's first start builds it and later starts cost a few milliseconds.
// See docs/decisions/0013-build-web-app-on-start.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'dist', 'web');
const stampFile = path.join(root, 'dist', 'web.stamp');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

/** A hash of everything the build reads: change any of it and the app is rebuilt. */
export function sourceHash(): string {
  const files = fs.globSync(['src/web/**/*', 'vite.config.ts', 'package-lock.json'], { cwd: root })
    .filter((f) => !f.endsWith('.test.ts') && fs.statSync(path.join(root, f)).isFile())
    .sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex');
}

export function isFresh(hash = sourceHash()): boolean {
  return fs.existsSync(path.join(outDir, 'index.html')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === hash;
}

function compressAll(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) compressAll(file);
    else if (COMPRESSIBLE.test(entry.name) && entry.name !== 'index.html') {
      // index.html is rewritten per response (its CSP nonce), so it is compressed on the fly if at all.
      const data = fs.readFileSync(file);
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    }
  }
}

export async function buildWebApp(): Promise<void> {
  const hash = sourceHash();
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch (err) {
    throw new Error(`Vite could not be loaded (${err instanceof Error ? err.message : String(err)}); devDependencies omitted? Run \`npm install\`, then \`npm run build\`.`);
  }
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'src', 'web'), logLevel: 'warn' });
  compressAll(outDir);
  fs.writeFileSync(stampFile, `${hash}\n`);
}

if (import.meta.main) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && isFresh()) process.exit(0);
  console.log(ifStale ? 'Building the web app (its sources changed or it was never built)…' : 'Building the web app…');
  const started = Date.now();
  buildWebApp().then(() => {
    console.log(`Web app built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }, (error: unknown) => {
    console.error(`Web app build failed: ${error instanceof Error ? error.message : String(error)}`);
    // npm start still starts the API when an older build exists; without any build it says how to make one.
    process.exit(ifStale && fs.existsSync(path.join(outDir, 'index.html')) ? 0 : 1);
  });
}
