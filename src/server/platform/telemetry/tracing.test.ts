// Tracing on every database, with a local OTLP/HTTP receiver standing in for Jaeger: one request's
// HTTP span has the database statements as children, names and attributes carry route templates
// and SQL with placeholders, and nothing in any exported span is patient data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { eachDialect, TEST_SECRETS } from '../../../../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { openDesk, type Desk } from '../../../../test/support/patients.ts';
import { otlpSpans, startReceiver, type Receiver } from '../../../../test/support/receiver.ts';
import { parseConfig } from '../../config.ts';
import { connectDatabase, type Db } from '../../db/connect.ts';
import { migrateUp } from '../../db/migrate.ts';
import { buildApp } from '../../app.ts';
import { startTracing, type Tracing } from './tracing.ts';
import { maskSql } from './db-spans.ts';

const PHI = { firstName: 'Amna', fatherName: 'Khidir', lastName: 'Elsheikh', nationalId: '19876543210', phone: '0912345678' };
const SERVER = 1 + 1; // OTLP span kinds: 2 = server, 3 = client
const CLIENT = 3;

test('SQL in spans keeps placeholders and masks literals written into the text', () => {
  assert.equal(maskSql(`select * from patients where phone = '0912345678' and id = $1 and mrn like 'KTH%' limit 20`), 'select * from patients where phone = ? and id = $1 and mrn like ? limit 20');
  assert.equal(maskSql('update t set n = 19876543210 where id = ?'), 'update t set n = ? where id = ?');
});

eachDialect((dialect) => {
  let receiver: Receiver;
  let database: TestDatabase;
  let tracing: Tracing;
  let db: Db;
  let app: FastifyInstance;
  let desk: Desk;
  let base = '';

  before(async () => {
    receiver = await startReceiver();
    database = await createTestDatabase(dialect);
    const config = parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, RATE_LIMIT_MAX: '1000000', ...database.env, JAEGER_ENDPOINT: receiver.url });
    tracing = (await startTracing(config, pino({ level: 'silent' }), 'api'))!;
    db = connectDatabase(config.db, { tracing });
    await migrateUp(db);
    app = await buildApp({ config, db, tracing });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    desk = await openDesk(app);
  });
  after(async () => {
    await app.close();
    await tracing.shutdown();
    await db.destroy();
    await database.drop();
    await receiver.close();
  });

  test('one request: an HTTP span named by its route, the database statements its children, no patient data anywhere', async () => {
    const call = (method: string, path: string, body?: object) => fetch(`${base}${path}`, {
      method, headers: { ...desk.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    const created = await call('POST', '/api/v1/patients', { ...PHI, dateOfBirth: '1984-02-03', confirmNew: true });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = await created.json() as { id: string };
    const read = await call('GET', `/api/v1/patients/${id}`);
    assert.equal(read.status, 200);
    assert.equal((await call('GET', `/api/v1/patients?q=${encodeURIComponent(`${PHI.firstName} ${PHI.lastName}`)}`)).status, 200);
    assert.equal((await call('GET', `/api/v1/patients?q=${PHI.nationalId}`)).status, 200);
    await tracing.shutdown(); // flushes what is queued to the receiver

    const spans = otlpSpans(receiver.received);
    const httpSpan = spans.find((s) => s.kind === SERVER && s.name === 'GET /api/v1/patients/:id');
    assert.ok(httpSpan, `spans: ${spans.map((s) => s.name).join(', ')}`);
    assert.deepEqual([httpSpan.attributes['http.route'], httpSpan.attributes['http.request.method'], httpSpan.attributes['http.response.status_code']], ['/api/v1/patients/:id', 'GET', 200]);
    const children = spans.filter((s) => s.parentSpanId === httpSpan.spanId);
    const dbSpans = children.filter((s) => s.kind === CLIENT && s.name.startsWith('db '));
    assert.ok(dbSpans.length >= 1, `children of the HTTP span: ${children.map((s) => s.name).join(', ')}`);
    for (const s of dbSpans) {
      assert.equal(s.traceId, httpSpan.traceId);
      assert.equal(s.attributes['db.system.name'], { sqlite: 'sqlite', postgres: 'postgresql', mysql: 'mysql' }[dialect.client]);
      assert.match(String(s.attributes['db.query.text']), /^(select|insert|update|begin|commit|with)/i);
    }
    assert.ok(dbSpans.some((s) => /from "?`?patients/i.test(String(s.attributes['db.query.text']))), 'the patient read is among them');
    assert.ok(spans.some((s) => s.name === 'GET /api/v1/patients' && s.attributes['http.route'] === '/api/v1/patients'));
    assert.ok(spans.some((s) => s.name === 'POST /api/v1/patients'));

    // Nothing that identifies the patient or the caller, in any span of any request.
    const everything = receiver.received.map((r) => r.body).join('\n');
    for (const value of [...Object.values(PHI), '912345678', id, 'q=', desk.headers.authorization!.slice(7, 40)]) {
      assert.ok(!everything.includes(value), `"${value}" was exported`);
    }
  });
});
