import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Health } from './health.ts';
import type { RedisLink } from './redis-link.ts';
import type { AuditLog } from './audit/audit-log.ts';
import type { AccessTokens } from './auth/access-tokens.ts';
import type { SessionStates } from './auth/session-state.ts';
import type { RateLimitStore } from './rate-limit/store.ts';
import type { LoginThrottle } from './rate-limit/login-throttle.ts';
import type { Cache } from './cache/cache.ts';
import type { Extensions } from './modules.ts';

/** What every module is given when it is registered: passed in, never imported as a global. */
export interface AppContext {
  config: Config;
  db: Db;
  /** Redis behind its timeout and circuit breaker; undefined without REDIS_URL. */
  redis: RedisLink | undefined;
  health: Health;
  log: Logger;
  metrics: Registry;
  audit: AuditLog;
  tokens: AccessTokens;
  sessions: SessionStates;
  rateLimits: RateLimitStore;
  loginThrottle: LoginThrottle;
  /** Undefined where caching would be unsafe: PostgreSQL/MySQL without Redis (see cache/cache.ts). */
  cache: Cache | undefined;
  /** What the modules contribute to each other: merge participants, appointment and encounter hooks. */
  extensions: Extensions;
}
