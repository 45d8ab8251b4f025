// The HTTP platform on every database: health, metrics, OpenAPI, request ids, and a clear 4xx
// problem for every kind of bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { enqueue } from '../outbox/enqueue.ts';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';

const ID = '0194f7a0-0000-7000-8000-000000000001';

eachDialect((dialect) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(dialect, { BODY_LIMIT: '2048' }, {
      beforeReady: (app) => {
        // A route shaped like the real ones, so the platform's input handling is tested on its own.
        app.withTypeProvider<TypeBoxTypeProvider>().post('/api/v1/echo/:id', {
          config: { access: 'public' },
          schema: {
            params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
            body: Type.Object({ name: Type.String({ minLength: 1 }), age: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
          },
        }, async (req) => ({ id: req.params.id, ...req.body }));
        app.get('/api/v1/boom', { config: { access: 'public' } }, async () => { throw new Error('secret database detail'); });
      },
    });
  });
  after(() => t.close());

  const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }, id = ID) =>
    t.app.inject({ method: 'POST', url: `/api/v1/echo/${id}`, payload, headers });

  const problem = (res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, code: string) => {
    assert.equal(res.statusCode, status);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.code, code);
    assert.equal(body.status, status);
    assert.ok(body.requestId);
    return body;
  };

  test('a valid request passes', async () => {
    const res = await post(JSON.stringify({ name: 'Amna', age: 30 }));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { id: ID, name: 'Amna', age: 30 });
  });

  test('malformed JSON → 400 malformed_json', async () => {
    problem(await post('{"name": "Amna",'), 400, 'malformed_json');
  });

  test('wrong content type → 415', async () => {
    problem(await post('name=Amna', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
  });

  test('wrong field type → 400 naming the field', async () => {
    const body = problem(await post(JSON.stringify({ name: 'Amna', age: 'thirty' })), 400, 'validation_failed');
    assert.deepEqual((body.errors as { field: string }[]).map((e) => e.field), ['body.age']);
  });

  test('missing field → 400 naming it', async () => {
    const body = problem(await post(JSON.stringify({ name: 'Amna' })), 400, 'validation_failed');
    assert.deepEqual((body.errors as { field: string }[]).map((e) => e.field), ['body.age']);
  });

  test('unknown field → 400 naming it', async () => {
    const body = problem(await post(JSON.stringify({ name: 'Amna', age: 3, isAdmin: true })), 400, 'validation_failed');
    assert.deepEqual((body.errors as { field: string }[]).map((e) => e.field), ['body.isAdmin']);
  });

  test('prototype pollution attempt → 400', async () => {
    const res = await post('{"name":"x","age":1,"__proto__":{"admin":true}}');
    assert.equal(res.statusCode, 400);
  });

  test('oversized body → 413', async () => {
    problem(await post(JSON.stringify({ name: 'x'.repeat(5000), age: 1 })), 413, 'payload_too_large');
  });

  test('bad UUID in the path → 400 naming params.id', async () => {
    const body = problem(await post(JSON.stringify({ name: 'Amna', age: 30 }), undefined, 'not-a-uuid'), 400, 'validation_failed');
    assert.deepEqual((body.errors as { field: string }[]).map((e) => e.field), ['params.id']);
  });

  test('unknown route → 404 problem', async () => {
    problem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?q=x' }), 404, 'route_not_found');
  });

  test('a 500 carries no internals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/boom' });
    const body = problem(res, 500, 'internal_error');
    assert.doesNotMatch(res.body, /secret database detail|at .*\.ts/);
    assert.equal(body.detail, 'An unexpected error occurred. Quote the request id when reporting it.');
  });

  test('X-Request-Id is honoured when sane and made otherwise', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    assert.equal(mine.headers['x-request-id'], 'abc-123');
    const evil = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'a b\nc' } });
    assert.match(String(evil.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  test('security headers are set', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['content-security-policy']);
    assert.ok(res.headers['strict-transport-security']);
  });

  test('liveness and readiness', async () => {
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/health' })).json(), { status: 'healthy' });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().checks.database, 'ok');
  });

  test('each part reports healthy when its tables answer', async () => {
    for (const part of ['auth', 'business', 'clinical', 'billing']) {
      const res = await t.app.inject({ method: 'GET', url: `/health/${part}` });
      assert.equal(res.statusCode, 200, part);
      assert.equal(res.json().status, 'healthy');
    }
  });

  test('notification health names the missing worker, then passes once one beats', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/notification' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json().failing, ['worker']);
    const now = new Date().toISOString();
    await t.db.kysely.insertInto('worker_heartbeats').values({ worker_id: 'w1', started_at: now, beat_at: now }).execute();
    assert.equal((await t.app.inject({ method: 'GET', url: '/health/notification' })).json().status, 'healthy');
  });

  test('notification health fails on a due job older than NOTIFICATION_QUEUE_MAX_AGE, and passes once it is taken', async () => {
    const now = new Date().toISOString();
    await t.db.kysely.insertInto('worker_heartbeats').values({ worker_id: 'w-queue', started_at: now, beat_at: now }).execute();
    const late = await enqueue(t.db.kysely, 'test.late', {}, { runAt: new Date(Date.now() - 20 * 60_000) });
    await enqueue(t.db.kysely, 'test.future', {}, { runAt: new Date(Date.now() + 3_600_000) });
    const res = await t.app.inject({ method: 'GET', url: '/health/notification' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json().failing, ['queue']);
    await t.db.kysely.updateTable('outbox').set({ status: 'done' }).where('id', '=', late).execute();
    assert.equal((await t.app.inject({ method: 'GET', url: '/health/notification' })).json().status, 'healthy', 'a job not yet due does not count');
  });

  test('metrics use the spec names and route templates, not raw URLs', async () => {
    await post(JSON.stringify({ name: 'Amna', age: 30 }));
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /http_requests_total\{method="POST",route="\/api\/v1\/echo\/:id",status="200"\} \d+/);
    assert.match(res.body, /http_request_duration_seconds_bucket\{le="0.5",method="POST",route="\/api\/v1\/echo\/:id"/);
    assert.doesNotMatch(res.body, new RegExp(ID));
    assert.match(res.body, /process_cpu_user_seconds_total/);
    assert.match(res.body, /db_pool_connections_max \d+/);
  });

  test('OpenAPI 3.1 document and docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    assert.equal(doc.json().openapi, '3.1.0');
    assert.ok(doc.json().paths['/api/v1/echo/{id}']);
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    assert.ok([200, 302].includes(page.statusCode));
  });
});
