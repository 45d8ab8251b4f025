// Shared by the auth module's tests: sign-in through HTTP and authenticator-app codes.
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';

export const PASSWORD = 'Correct-Horse-Battery-9';

export function post(app: FastifyInstance, url: string, payload?: object, token?: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

export function me(app: FastifyInstance, token: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
}

export interface Session { accessToken: string; refreshToken: string }

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const res = await post(app, '/auth/login', { email, password });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

export function problemOf(res: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.code, code, res.body);
  return body;
}

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * What the user's authenticator app would show next: a code of a step this secret has not used
 * (the server accepts each step once), no older than the current one, so the server's ±1 step
 * window still holds it if a step boundary passes meanwhile. Once the next step is used too,
 * waits for the clock to reach it, as a user would.
 */
export async function nextTotp(secret: string): Promise<string> {
  const current = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max((lastStep.get(secret) ?? -Infinity) + 1, current);
  if (step > current + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * PERIOD_MS - Date.now() + 50));
  lastStep.set(secret, step);
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * PERIOD_MS });
}

/** The most recent code handed out for this secret, to try a replay. */
export function lastTotp(secret: string): string {
  const step = lastStep.get(secret);
  assert.ok(step !== undefined);
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * PERIOD_MS });
}

export async function metric(app: FastifyInstance, line: RegExp): Promise<number> {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  const match = new RegExp(`^${line.source} (\\d+)$`, 'm').exec(res.body);
  return match ? Number(match[1]) : 0;
}
