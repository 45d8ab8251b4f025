import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { RedisClient } from './platform/redis.ts';
import type { AppContext } from './platform/context.ts';
import { Health, healthRoutes } from './platform/health.ts';
import { errorHandler, notFoundHandler } from './platform/http/problem.ts';
import { genReqId } from './platform/http/request-id.ts';
import { loggerOptions } from './platform/http/logger.ts';
import { createMetricsRegistry, metricsPlugin } from './platform/http/metrics.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { enforceRouteAccess, type RouteEntry } from './platform/http/route-access.ts';
import { workerAlive } from './platform/outbox/heartbeat.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import { AccessTokens } from './platform/auth/access-tokens.ts';
import { SessionStates } from './platform/auth/session-state.ts';
import { authenticate } from './platform/auth/authenticate.ts';
import { createRateLimitStore } from './platform/rate-limit/fallback-store.ts';
import { generalLimit } from './platform/rate-limit/general-limit.ts';
import { LoginThrottle } from './platform/rate-limit/login-throttle.ts';
import { createCache } from './platform/cache/cache.ts';
import { modules } from './modules/index.ts';
import type { Tracing } from './platform/telemetry/tracing.ts';
import type { ErrorReporter } from './platform/telemetry/error-reporter.ts';
import { traceHttp } from './platform/telemetry/http-spans.ts';
import { reportRequestErrors } from './platform/telemetry/report-errors.ts';

export interface AppDeps { config: Config; db: Db; redis?: RedisClient; tracing?: Tracing; errors?: ErrorReporter }

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
    ctx: AppContext;
  }
}

export async function buildApp({ config, db, redis, tracing, errors }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, tracing?.logMixin),
    genReqId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // First, so every later hook and handler runs inside the request's span.
  if (tracing) traceHttp(app, tracing);
  if (errors) reportRequestErrors(app, errors);
  const routeTable: RouteEntry[] = [];
  enforceRouteAccess(app, routeTable);
  app.decorate('routeTable', routeTable);

  const rateLimits = createRateLimitStore(redis, app.log);
  const ctx: AppContext = {
    config, db, redis,
    health: new Health(db, redis),
    log: app.log as unknown as Logger,
    metrics: createMetricsRegistry(db.poolStats),
    audit: new AuditLog(db),
    tokens: new AccessTokens({ secret: config.jwt.secret, previousSecret: config.jwt.previousSecret, issuer: config.jwt.issuer, audience: config.jwt.audience, expirySeconds: config.jwt.expirySeconds }),
    sessions: new SessionStates(db),
    rateLimits,
    loginThrottle: new LoginThrottle(rateLimits),
    cache: createCache(db.client, redis),
  };
  app.decorate('ctx', ctx);
  ctx.health.addTables('notification', ['outbox']);
  ctx.health.add('notification', 'worker', () => workerAlive(db));

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, { global: true });
  await app.register(cors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'etag', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
  });
  await app.register(metricsPlugin, { registry: ctx.metrics, token: config.metrics.token, allow: config.metrics.allow, poolStats: db.poolStats });
  await registerOpenApi(app, config.appUrl);
  await app.register(healthRoutes, { health: ctx.health });
  await app.register(generalLimit, { store: rateLimits, windowMs: config.rateLimit.windowMs, max: config.rateLimit.max });
  await app.register(authenticate, { db, tokens: ctx.tokens, sessions: ctx.sessions, audit: ctx.audit });

  for (const mod of modules) {
    await app.register(mod.routes, { prefix: '/api/v1', ctx });
  }
  return app;
}
