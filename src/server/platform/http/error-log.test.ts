// A database error is logged so it can be diagnosed (code, constraint, stack) but without a value
// that was bound to the query: mysql2 writes them into err.sql, PostgreSQL into err.detail, and
// both quote them in the message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { uuidv7, nowIso } from '../ids.ts';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';

eachDialect((dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  const lines: string[] = [];
  const id = uuidv7();
  const SECRET = 'Secret-Bound-Value-4711';

  before(async () => {
    env = await startTestEnv(dialect, { LOG_LEVEL: 'info' });
    app = await buildApp({ ...env, logStream: new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }) });
    app.post('/api/v1/fail', { config: { access: 'public' } }, async () => {
      const row = { id, code: 'X1', name: SECRET, type: 'clinic', state: null, locality: SECRET, time_zone: 'Africa/Khartoum', status: 'active' as const, created_at: nowIso(), updated_at: nowIso() };
      await env.db.kysely.insertInto('facilities').values(row).execute();
      await env.db.kysely.insertInto('facilities').values({ ...row, code: 'X2' }).execute(); // the same id again
      return {};
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await env.close();
  });

  test('a failing query is logged without its bound values', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/fail' });
    assert.equal(res.statusCode, 500);
    const logged = lines.filter((l) => l.includes('unhandled error'));
    assert.equal(logged.length, 1, 'the error is logged once');
    const entry = JSON.parse(logged[0]!) as { err: Record<string, unknown> };
    assert.ok(entry.err.type && entry.err.stack, 'with what is needed to diagnose it');
    assert.doesNotMatch(logged[0]!, new RegExp(SECRET));
    assert.doesNotMatch(logged[0]!, new RegExp(id), 'the duplicated key is a bound value too');
  });
});
