// Rotating JWT_SECRET and JWT_REFRESH_SECRET without signing everyone out: instances started with
// the new secret and the old one as *_PREVIOUS accept sessions begun under the old secret, and
// hand out tokens under the new one; without *_PREVIOUS the old sessions end — on every database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, TEST_SECRETS, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser } from '../../../../test/support/fixtures.ts';
import { parseConfig } from '../../config.ts';
import { buildApp } from '../../app.ts';
import { me, post, signIn } from './test-helpers.ts';

const NEW = { JWT_SECRET: randomBytes(48).toString('base64url'), JWT_REFRESH_SECRET: randomBytes(48).toString('base64url') };
const PREVIOUS = { JWT_SECRET_PREVIOUS: TEST_SECRETS.JWT_SECRET!, JWT_REFRESH_SECRET_PREVIOUS: TEST_SECRETS.JWT_REFRESH_SECRET! };

eachDialect((dialect) => {
  let old: TestApp;
  let rotating: FastifyInstance;
  let rotated: FastifyInstance;
  before(async () => {
    old = await startTestApp(dialect);
    const app = async (env: Record<string, string>) => {
      const a = await buildApp({ config: parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, RATE_LIMIT_MAX: '1000000', ...old.database.env, ...env }), db: old.db });
      await a.ready();
      return a;
    };
    rotating = await app({ ...NEW, ...PREVIOUS }); // step 2 of the runbook: new secret, old still accepted
    rotated = await app(NEW); // step 3: the old secret removed
  });
  after(async () => {
    await rotating.close();
    await rotated.close();
    await old.close();
  });

  const newUser = async () => (await createUser(old.db, [{ facilityId: (await createFacility(old.db)).id, role: 'nurse' }])).email;

  test('an access token signed with the previous secret is accepted for the rest of its life', async () => {
    const session = await signIn(old.app, await newUser());
    assert.equal((await me(rotating, session.accessToken)).statusCode, 200);
    assert.equal((await me(rotated, session.accessToken)).statusCode, 401, 'without JWT_SECRET_PREVIOUS it is refused');
  });

  test('new tokens are signed with the new secret only', async () => {
    const session = await signIn(rotating, await newUser());
    assert.equal((await me(rotated, session.accessToken)).statusCode, 200);
    assert.equal((await me(old.app, session.accessToken)).statusCode, 401, 'the old secret cannot verify it');
  });

  test('a refresh token issued under the previous refresh secret still refreshes, into tokens under the new secrets', async () => {
    const session = await signIn(old.app, await newUser());
    const res = await post(rotating, '/auth/refresh', { refreshToken: session.refreshToken });
    assert.equal(res.statusCode, 200, res.body);
    const next = res.json<{ accessToken: string; refreshToken: string }>();
    assert.equal((await me(rotated, next.accessToken)).statusCode, 200);
    assert.equal((await post(rotated, '/auth/refresh', { refreshToken: next.refreshToken })).statusCode, 200, 'stored under the new refresh secret');

    const other = await signIn(old.app, await newUser());
    assert.equal((await post(rotated, '/auth/refresh', { refreshToken: other.refreshToken })).statusCode, 401, 'without JWT_REFRESH_SECRET_PREVIOUS it is refused');
  });

  test('a spent token presented under the previous secret is still caught as reuse', async () => {
    const session = await signIn(old.app, await newUser());
    assert.equal((await post(rotating, '/auth/refresh', { refreshToken: session.refreshToken })).statusCode, 200);
    const again = await post(rotating, '/auth/refresh', { refreshToken: session.refreshToken });
    assert.equal(again.statusCode, 401);
    const family = await old.db.kysely.selectFrom('refresh_tokens').select('status').where('status', '=', 'revoked').execute();
    assert.ok(family.length >= 1, 'the family was revoked');
  });
});
