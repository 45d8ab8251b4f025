// Redis as it looks during an outage, and a logger that keeps what it was told, for tests of the
// code that must keep working (or fail closed) without Redis.
import { Redis } from 'ioredis';
import type { RedisClient } from '../../src/server/platform/redis.ts';

/** Nothing listens on this port, so every command fails the way it does while Redis is down. */
export const DEAD_REDIS_URL = 'redis://127.0.0.1:6390';

/** A client configured like connectRedis() makes it, that never gets a connection. Call disconnect() when done. */
export function deadRedis(): RedisClient {
  const client = new Redis(DEAD_REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 500, lazyConnect: true });
  client.on('error', () => {});
  client.connect().catch(() => {});
  return client;
}

export function recordingLog() {
  const warnings: Record<string, unknown>[] = [];
  return {
    warnings,
    warn(obj: object, msg: string) { warnings.push({ ...obj, msg }); },
  };
}
