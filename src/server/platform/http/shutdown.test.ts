// The shutdown gate over real sockets: once draining, a connection from before is still served
// (told to close), a new one is answered 503 problem+json, readiness fails. And the accept-queue
// count it relies on, read from the kernel while a process is too busy to accept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { until } from '../../../../test/support/wait.ts';
import { acceptQueueLength } from './accept-queue.ts';

let t: TestApp;
let port: number;
before(async () => {
  t = await startTestApp({ client: 'sqlite' });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as net.AddressInfo).port;
});
after(() => t.close());

function get(path: string, agent: http.Agent | false): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    }).on('error', reject);
  });
}

test('draining: connections from before are served and closed, new ones get 503, readiness fails', async () => {
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    assert.equal((await get('/health', keepAlive)).headers.connection, 'keep-alive');
    t.app.shutdown.begin();

    const old = await get('/health', keepAlive);
    assert.deepEqual([old.status, old.headers.connection], [200, 'close']);

    const fresh = await get('/health', false);
    assert.deepEqual([fresh.status, fresh.headers.connection], [503, 'close']);
    assert.match(String(fresh.headers['content-type']), /^application\/problem\+json/);
    assert.equal(JSON.parse(fresh.body).code, 'service_unavailable');
    assert.ok(Number(fresh.headers['retry-after']) >= 1);

    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(ready.statusCode, 503);
    assert.deepEqual(ready.json().failing, ['accepting']);
  } finally {
    keepAlive.destroy();
  }
});

test('the accept queue of a listener whose process is too busy to accept is counted', async () => {
  // A child that listens, says where, then blocks its event loop so the kernel queues connections.
  const child = spawn(process.execPath, ['-e', `
    const s = require('node:net').createServer(() => {});
    s.listen(0, '127.0.0.1', () => {
      console.log(s.address().port);
      const end = Date.now() + 3000; while (Date.now() < end) {}
      process.exit(0);
    });`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const childPort = Number(await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()))));
  const sockets = Array.from({ length: 3 }, () => net.connect(childPort, '127.0.0.1').on('error', () => {}));
  try {
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once('connect', resolve))));
    const length = acceptQueueLength(childPort);
    if (length === undefined) return; // no /proc here: the gate serves every connection of the drain instead
    assert.equal(length, 3);
    assert.equal(acceptQueueLength(port), 0, 'a listener that keeps up has none');
  } finally {
    for (const s of sockets) s.destroy();
    await until('the child to exit', () => child.exitCode !== null);
  }
});
