// The circuit breaker on its own, against a redis-server of the test's own that it stops (SIGSTOP)
// and resumes: who waits, who is released, what closes the circuit again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ownRedis, REDIS_SERVER_SKIP, type OwnRedis } from '../../../test/support/redis-server.ts';
import { until } from '../../../test/support/wait.ts';
import { connectRedis, type RedisClient } from './redis.ts';
import { RedisLink, RedisUnavailable } from './redis-link.ts';

const TIMEOUT_MS = 1000;
let redis: OwnRedis;
let client: RedisClient;
let link: RedisLink;
const recovered: string[] = [];

before(async () => {
  if (REDIS_SERVER_SKIP) return;
  redis = await ownRedis();
  await redis.start();
  client = await connectRedis(redis.url);
  link = new RedisLink(client, { timeoutMs: TIMEOUT_MS }, pino({ level: 'silent' }));
  link.onRecovery(async (c) => { recovered.push(String(await c.incr('recoveries'))); });
});
after(async () => {
  link?.stop();
  redis?.resume();
  client?.disconnect();
  await redis?.destroy();
});

test('the circuit is open until the first probe has run the recovery hooks', { skip: REDIS_SERVER_SKIP }, async () => {
  await assert.rejects(link.run((c) => c.ping()), RedisUnavailable);
  await until('the first probe to close the circuit', async () => { await link.probe(); return link.state === 'closed'; });
  assert.deepEqual(recovered, ['1']);
  assert.equal(await link.run((c) => c.ping()), 'PONG');
});

test('an error Redis answers is passed on and leaves the circuit closed', { skip: REDIS_SERVER_SKIP }, async () => {
  await client.set('a-string', 'x');
  await assert.rejects(link.run((c) => c.incr('a-string')), /not an integer/);
  assert.equal(link.state, 'closed');
});

test('a hung Redis: the calls waiting together are released by the first timeout, later calls do not wait', { skip: REDIS_SERVER_SKIP }, async () => {
  redis.pause();
  const started = Array.from({ length: 5 }, () => link.run((c) => c.ping()));
  const results = await Promise.allSettled(started);
  assert.ok(results.every((r) => r.status === 'rejected' && r.reason instanceof RedisUnavailable));
  assert.equal(link.state, 'open');
  assert.match(link.outage!.reason, new RegExp(`no answer within ${TIMEOUT_MS} ms`));
  // Refused without waiting: the promise is already rejected when run() returns.
  let settled = false;
  const refused = link.run((c) => c.ping()).catch(() => { settled = true; });
  await Promise.resolve();
  await Promise.resolve();
  assert.ok(settled, 'an open circuit answers at once');
  await refused;

  await link.probe(); // still hung: stays open, and the hooks do not run
  assert.equal(link.state, 'open');
  assert.deepEqual(recovered, ['1']);

  redis.resume();
  await until('the circuit to close', () => link.state === 'closed');
  assert.deepEqual(recovered, ['1', '2'], 'the hooks ran again before it closed');
});

test('a lost connection opens the circuit at once; the reconnect closes it', { skip: REDIS_SERVER_SKIP }, async () => {
  await redis.kill();
  await until('the circuit to open', () => link.state === 'open');
  await assert.rejects(link.run((c) => c.ping()), RedisUnavailable);
  await redis.start();
  await until('the circuit to close', () => link.state === 'closed');
  assert.equal(await link.run((c) => c.ping()), 'PONG');
});
