// The nilecare command with REDIS_URL set but nothing answering there: `start` serves at once
// (degraded) and takes Redis into use when it comes up; `migrate` and `audit verify` do not need
// Redis and never connect to it. (Before: all three hung after "Connection is closed.")
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { cleanUpProcesses, listening, nilecare, nilecareRun, tempDir } from './support/process.ts';
import { freePort, ownRedis, REDIS_SERVER_SKIP, type OwnRedis } from './support/redis-server.ts';
import { until } from './support/wait.ts';

let redis: OwnRedis | undefined;
after(async () => {
  cleanUpProcesses();
  await redis?.destroy();
});

async function ready(url: string): Promise<{ status: number; body: { status: string; checks: Record<string, string> } }> {
  const res = await fetch(`${url}/health/ready`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string> } };
}

test('start with Redis unreachable listens, serves degraded, and uses Redis once it is up', { skip: REDIS_SERVER_SKIP }, async () => {
  const port = await freePort();
  const p = nilecare(['start'], { DATA_DIR: tempDir(), PORT: '0', HOST: '127.0.0.1', REDIS_URL: `redis://127.0.0.1:${port}` });
  const url = await listening(p);
  const down = await ready(url);
  assert.equal(down.status, 200);
  assert.equal(down.body.status, 'degraded');
  assert.match(down.body.checks.redis!, /^degraded: circuit open/);
  assert.equal((await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.sd","password":"Wrong-Password-1"}' })).status, 401);

  redis = await ownRedis({ port });
  await redis.start();
  await until('readiness to report Redis in use', async () => (await ready(url)).body.checks.redis === 'ok');
  assert.equal((await ready(url)).body.status, 'healthy');

  p.child.kill('SIGTERM');
  assert.deepEqual(await p.exited, { code: 0, signal: null });
});

test('migrate and audit verify never connect to Redis', async () => {
  // A port that accepts connections and counts them, but never answers: a hung Redis.
  let connections = 0;
  const sink = net.createServer((socket) => { connections++; socket.on('error', () => {}); });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  try {
    const env = { DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${(sink.address() as net.AddressInfo).port}` };
    for (const args of [['migrate', 'status'], ['migrate', 'up'], ['audit', 'verify']]) {
      const r = await nilecareRun(args, env);
      assert.deepEqual({ code: r.code, signal: r.signal }, { code: 0, signal: null }, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.equal(connections, 0);
  } finally {
    sink.close();
  }
});
