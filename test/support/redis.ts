// Redis as it looks during an outage, links for tests, and a logger that keeps what it was told,
// for tests of the code that must keep working (or fail closed) without Redis.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { connectRedis, type RedisClient } from '../../src/server/platform/redis.ts';
import { RedisLink } from '../../src/server/platform/redis-link.ts';
import { until } from './wait.ts';

/**
 * A client that can never connect: it points at a Unix socket in a fresh private directory, so
 * nothing — another test, another developer's throwaway redis-server — can be listening there.
 * (A fixed TCP port such as 6390 can be taken by anyone on a shared machine, and then "Redis down"
 * silently was not.) Call disconnect() when done.
 */
export function deadRedis(): RedisClient {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-dead-redis-'));
  const client = new Redis({ path: path.join(dir, 'redis.sock'), maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => 200 });
  client.on('error', () => {});
  client.on('end', () => fs.rmSync(dir, { recursive: true, force: true }));
  client.connect().catch(() => {});
  return client;
}

const quiet = pino({ level: 'silent' });

/** A link as the app makes one; with a connected client, resolved once its first probe has run. */
export async function testLink(client: RedisClient, timeoutMs = 250): Promise<RedisLink> {
  const link = new RedisLink(client, { timeoutMs }, quiet);
  await link.probe();
  return link;
}

/** A link to the test Redis (TEST_REDIS_URL), with its circuit closed. Close with closeLink(). */
export async function liveLink(url: string, timeoutMs = 2000): Promise<RedisLink> {
  const link = await testLink(await connectRedis(url), timeoutMs);
  await until(`the test Redis at ${url} to answer`, async () => { await link.probe(); return link.state === 'closed'; });
  return link;
}

export async function closeLink(link: RedisLink): Promise<void> {
  link.stop();
  await link.client.quit().catch(() => link.client.disconnect());
}

export function recordingLog() {
  const warnings: Record<string, unknown>[] = [];
  return {
    warnings,
    warn(obj: object, msg: string) { warnings.push({ ...obj, msg }); },
  };
}
