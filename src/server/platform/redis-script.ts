// Lua scripts are sent as their SHA1 (40 bytes instead of the script); Redis forgets scripts when it
// restarts or on SCRIPT FLUSH, and then the script itself is sent once.
import { createHash } from 'node:crypto';
import type { RedisClient } from './redis.ts';

export interface RedisScript { source: string; sha: string }

export function redisScript(source: string): RedisScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

export async function runScript(client: RedisClient, script: RedisScript, keys: string[], args: (string | number)[]): Promise<unknown> {
  try {
    return await client.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return client.eval(script.source, keys.length, ...keys, ...args);
    throw err;
  }
}
