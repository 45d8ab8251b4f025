import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type RedisClient = Redis;

/**
 * One connection per process. Commands fail fast while Redis is down instead of queueing forever,
 * so callers can fail closed (sign-in limits) or fall back (caches) at once.
 */
export async function connectRedis(url: string, log?: Logger): Promise<RedisClient> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000, lazyConnect: true });
  let lastLogged = 0;
  client.on('error', (err: Error) => {
    if (Date.now() - lastLogged > 10_000) log?.warn({ err: err.message }, 'redis connection error');
    lastLogged = Date.now();
  });
  await client.connect();
  return client;
}
