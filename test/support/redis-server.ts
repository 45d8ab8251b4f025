// A redis-server of the test's own, on a free port, that the test can pause (SIGSTOP), kill and
// start again (with its data, when persistence is on) — the shared test Redis is never touched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REDIS_SERVER_SKIP = spawnSync('redis-server', ['--version']).status === 0 ? false : 'redis-server is not installed';

export interface OwnRedis {
  url: string;
  port: number;
  /** Starts (again) on the same port and data directory; resolves once it answers PING. */
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  /** SIGKILL: no shutdown save, as in a crash. */
  kill(): Promise<void>;
  /** Kills it if running and removes its data. */
  destroy(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function ownRedis(opts: { appendOnly?: boolean; port?: number } = {}): Promise<OwnRedis> {
  const port = opts.port ?? await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-redis-'));
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', opts.appendOnly ? 'yes' : 'no', '--appendfsync', 'always'];
  const self: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn('redis-server', args, { stdio: 'ignore' });
      for (let i = 0; i < 200; i++) {
        if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited with ${child.exitCode}`);
        if (await answers(port)) return;
        await sleep(25);
      }
      throw new Error(`redis-server on port ${port} did not answer`);
    },
    pause() { child?.kill('SIGSTOP'); },
    resume() { child?.kill('SIGCONT'); },
    async kill() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited;
    },
    async destroy() {
      await self.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}

/** Whether something on the port answers a PING with PONG. */
async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.on('connect', () => socket.write('PING\r\n'));
  });
}
