import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type RedisClient = Redis;

/**
 * One connection per process, opened without waiting: a Redis that is down at start must not keep
 * the API from starting (it serves degraded, see redis-link.ts), and ioredis keeps reconnecting in
 * the background until it answers. Commands fail at once while there is no connection instead of
 * queueing, and a command whose fate is unknown after a disconnect is never sent again: its caller
 * was already told it failed (and, for a rate-limit hit, counted it locally).
 */
export function openRedis(url: string, log?: Logger): RedisClient {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    connectTimeout: 3000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let lastLogged = 0;
  client.on('error', (err: Error) => {
    if (Date.now() - lastLogged > 10_000) log?.warn({ err: err.message }, 'redis connection error');
    lastLogged = Date.now();
  });
  client.connect().catch(() => {}); // reported through 'error'; the retry strategy takes over
  return client;
}

/** openRedis, then waits until the connection is ready (tests and tools that need Redis now). */
export async function connectRedis(url: string, log?: Logger): Promise<RedisClient> {
  const client = openRedis(url, log);
  if (client.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { client.disconnect(); reject(new Error(`Redis at ${redactedUrl(url)} did not answer`)); }, 5000);
      client.once('ready', () => { clearTimeout(timer); resolve(); });
    });
  }
  return client;
}

/** Closes politely when Redis answers, at once when it does not: a hung Redis must not hold up a shutdown. */
export async function closeRedis(client: RedisClient, timeoutMs = 1000): Promise<void> {
  if (client.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); });
    await Promise.race([client.quit().then(() => {}, () => {}), late]).finally(() => clearTimeout(timer));
  }
  client.disconnect();
}

function redactedUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
