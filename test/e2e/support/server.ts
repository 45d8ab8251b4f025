// The real server with the built web app, on a random port and a fresh database, as `nilecare
// serve` runs it — and the people who use it, made straight in the database.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.ts';
import { startTestEnv, type TestEnv } from '../../support/app.ts';
import type { TestDialect } from '../../support/dialects.ts';
import { createFacility, createUser, type TestFacility, type TestUser } from '../../support/fixtures.ts';
import type { Role } from '../../../src/server/platform/access/roles.ts';
import { buildWebApp, isFresh } from '../../../scripts/web-build.ts';

export const PASSWORD = 'Correct-Horse-Battery-9';
const LOCK = path.join(import.meta.dirname, '..', '..', '..', 'dist', '.e2e-build.lock');

/** Builds dist/web when it is missing or stale; test files running in parallel build it once. */
export async function ensureWebBuilt(): Promise<void> {
  for (let waited = 0; !isFresh(); waited += 500) {
    fs.mkdirSync(path.dirname(LOCK), { recursive: true });
    let fd: number | undefined;
    try {
      fd = fs.openSync(LOCK, 'wx');
    } catch {
      if (waited > 180_000) throw new Error(`waited 3 minutes for another test's web build (${LOCK})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!isFresh()) await buildWebApp();
    } finally {
      fs.closeSync(fd);
      fs.rmSync(LOCK, { force: true });
    }
  }
}

export interface E2EServer {
  url: string;
  app: FastifyInstance;
  env: TestEnv;
  facility: TestFacility;
  user(role: Role, opts?: { name?: string; mustChangePassword?: boolean; facilities?: TestFacility[] }): Promise<TestUser>;
  close(): Promise<void>;
}

/** `port`: listen there (a test that needs APP_URL before start picks a free port); 0, any. */
export async function startE2EServer(dialect: TestDialect, config: Record<string, string> = {}, { port: wanted = 0 } = {}): Promise<E2EServer> {
  await ensureWebBuilt();
  const env = await startTestEnv(dialect, config);
  const app = await buildApp(env);
  await app.listen({ host: '127.0.0.1', port: wanted });
  const { port } = app.server.address() as { port: number };
  const facility = await createFacility(env.db, { name: 'Omdurman Teaching Hospital' });
  return {
    // "localhost", as a clinic would type it: Chromium treats it as secure, so the Secure cookie works over http.
    url: `http://localhost:${port}`,
    app, env, facility,
    async user(role, opts = {}) {
      const facilities = opts.facilities ?? [facility];
      const user = await createUser(env.db, facilities.map((f) => ({ facilityId: f.id, role })), { name: opts.name ?? 'Amira Hassan Mohamed', password: PASSWORD });
      if (opts.mustChangePassword) await env.db.kysely.updateTable('users').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
      return user;
    },
    async close() {
      await app.close();
      await env.close();
    },
  };
}
