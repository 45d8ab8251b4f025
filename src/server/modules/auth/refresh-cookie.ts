// The browser app keeps its refresh token where its own scripts cannot read it: an HttpOnly,
// SameSite=Strict cookie sent only to the refresh endpoint. Other clients keep using the body.
// See docs/decisions/0012-refresh-cookie-and-csrf.md for the cross-site request defences.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';

export const REFRESH_COOKIE = 'nilecare_refresh';
/** Sent by the web app on every request. Asks for cookie delivery and proves the request is not a cross-site form. */
export const WEB_CLIENT_HEADER = 'x-nilecare-client';
const REFRESH_PATH = '/api/v1/auth/refresh';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isWebClient(request: FastifyRequest): boolean {
  return request.headers[WEB_CLIENT_HEADER] === 'web';
}

// Browsers refuse a Secure cookie over plain http except on localhost; a clinic reaching the server
// over plain http on its LAN would otherwise lose its session at every reload.
function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https' || LOOPBACK.has(request.hostname.replace(/:\d+$/, ''));
}

/**
 * The refresh token a request presents: the body's for API clients; the cookie's only when the
 * request carries the web-client header (a cross-site form cannot add one, and a cross-origin script
 * cannot send one without passing CORS) and the browser does not call it cross-site.
 */
export function presentedRefreshToken(request: FastifyRequest, body: { refreshToken?: string }): string | undefined {
  if (body.refreshToken) return body.refreshToken;
  if (!isWebClient(request) || request.headers['sec-fetch-site'] === 'cross-site') return undefined;
  return request.cookies[REFRESH_COOKIE];
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_PATH, httpOnly: true, sameSite: 'strict', secure: secure(request) });
}

/**
 * Registers cookie parsing and, for the web app, moves the refresh token of every response that
 * carries one (sign-in, MFA step, refresh, password change …) from the body into the cookie.
 */
export async function refreshCookies(app: FastifyInstance, refreshMaxAgeSeconds: number): Promise<void> {
  await app.register(cookie);
  app.addHook('preSerialization', async (request, reply, payload) => {
    const body = payload as { refreshToken?: unknown } | null;
    if (!isWebClient(request) || typeof body?.refreshToken !== 'string') return payload;
    reply.setCookie(REFRESH_COOKIE, body.refreshToken, {
      path: REFRESH_PATH, httpOnly: true, sameSite: 'strict', secure: secure(request), maxAge: refreshMaxAgeSeconds,
    });
    const { refreshToken: _moved, ...rest } = body;
    return rest;
  });
}
