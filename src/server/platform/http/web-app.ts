// Serves the built staff web app (dist/web) from the API's own origin: hashed assets cached for a
// year, index.html never cached, and every other non-API GET answered with index.html so deep links
// and reloads work. The API, health and metrics keep their own 404s and headers.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.ts';
import { LONG_PATH_DETAIL, MAX_PATH_SEGMENT } from './problem.ts';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../../dist/web', import.meta.url));
const NOT_APP = /^\/(api|health|metrics)(\/|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The app's policy: its own scripts only (no inline script, no eval), its own styles plus the
 * `<style>` tags Mantine writes for theme variables and responsive props, which carry this
 * response's nonce. No framing. No upgrade-insecure-requests: a clinic LAN may serve plain http.
 */
export function appCsp(nonce: string): string {
  return [
    "default-src 'self'", "script-src 'self'", `style-src 'self' 'nonce-${nonce}'`, "img-src 'self' data:", "font-src 'self'",
    "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

/** index.html, re-read when a rebuild replaces it. */
function indexReader(file: string): () => string | undefined {
  let cached: { mtimeMs: number; html: string } | undefined;
  return () => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (cached?.mtimeMs !== stat.mtimeMs) cached = { mtimeMs: stat.mtimeMs, html: fs.readFileSync(file, 'utf8') };
    return cached.html;
  };
}

function sendIndex(reply: FastifyReply, html: string) {
  const nonce = randomBytes(16).toString('base64');
  return reply
    .header('content-security-policy', appCsp(nonce))
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(html.replaceAll(NONCE_PLACEHOLDER, nonce));
}

export async function webAppRoutes(app: FastifyInstance, opts: { dir?: string } = {}) {
  const root = path.resolve(opts.dir ?? DEFAULT_WEB_DIR);
  const readIndex = indexReader(path.join(root, 'index.html'));
  // Files are sent by the catch-all below; brotli/gzip copies made at build time are preferred.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, index: false });

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (NOT_APP.test(url)) {
      // The router falls through to this catch-all when a path parameter is too long to match.
      if (url.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT)) throw new AppError('uri_too_long', LONG_PATH_DETAIL);
      return reply.callNotFound();
    }
    if (url.startsWith('/assets/')) {
      // Content-hashed names: a file never changes under its name.
      return reply.header('cache-control', IMMUTABLE).sendFile(url.slice(1), { cacheControl: false });
    }
    const file = decodeURIComponent(url.slice(1));
    if (file.includes('\u0000')) return reply.callNotFound();
    const inside = path.resolve(root, file).startsWith(root + path.sep);
    if (inside && file !== 'index.html' && fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile()) {
      return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
    }
    // A missing file (a name with an extension) is a 404, not the app: a stale script must fail loudly.
    if (/\.[a-z0-9]+$/i.test(url)) return reply.callNotFound();
    const html = readIndex();
    if (!html) throw new AppError('not_found', 'The web app has not been built: run `npm run build` (npm start does it for you).');
    return sendIndex(reply, html);
  });
}
