import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DestinationStream, Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { RedisClient } from './platform/redis.ts';
import { RedisLink } from './platform/redis-link.ts';
import type { AppContext } from './platform/context.ts';
import { Health, healthRoutes } from './platform/health.ts';
import { errorHandler, frameworkErrors, notFoundHandler } from './platform/http/problem.ts';
import { clientErrorHandler } from './platform/http/client-errors.ts';
import { refuseWhileClosing } from './platform/http/closing.ts';
import { acceptEmptyJson } from './platform/http/json-body.ts';
import { genReqId } from './platform/http/request-id.ts';
import { guardedValidatorCompiler } from './platform/http/input-guard.ts';
import { noStore } from './platform/http/cache-control.ts';
import { loggerOptions } from './platform/http/logger.ts';
import { createMetricsRegistry, metricsPlugin } from './platform/http/metrics.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { enforceRouteAccess, type RouteEntry } from './platform/http/route-access.ts';
import { webAppRoutes } from './platform/http/web-app.ts';
import { addShutdownGate } from './platform/http/shutdown.ts';
import { queueFresh, workerAlive } from './platform/outbox/heartbeat.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import { AccessTokens } from './platform/auth/access-tokens.ts';
import { SessionStates } from './platform/auth/session-state.ts';
import { authenticate } from './platform/auth/authenticate.ts';
import { createRateLimitStore } from './platform/rate-limit/fallback-store.ts';
import { generalLimit } from './platform/rate-limit/general-limit.ts';
import { LoginThrottle } from './platform/rate-limit/login-throttle.ts';
import { createCache } from './platform/cache/cache.ts';
import { modules } from './modules/index.ts';
import { collectExtensions } from './platform/modules.ts';
import type { Tracing } from './platform/telemetry/tracing.ts';
import type { ErrorReporter } from './platform/telemetry/error-reporter.ts';
import { traceHttp } from './platform/telemetry/http-spans.ts';
import { reportRequestErrors } from './platform/telemetry/report-errors.ts';

export interface AppDeps {
  config: Config; db: Db; redis?: RedisClient;
  /** Where the request log goes (stdout when absent); tests read it. */
  logStream?: DestinationStream;
  /** The built web app (default dist/web). */
  webDir?: string;
  tracing?: Tracing;
  errors?: ErrorReporter;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
    ctx: AppContext;
  }
}

export async function buildApp({ config, db, redis, logStream, webDir, tracing, errors }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel, tracing?.logMixin), ...(logStream ? { stream: logStream } : {}) },
    genReqId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    return503OnClosing: false, // refuseWhileClosing answers those with a problem
    clientErrorHandler,
    frameworkErrors,
    // verbose: a failed pattern's schema description becomes the human message (i18n/field-messages.ts)
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true, verbose: true } },
    schemaController: { compilersFactory: { buildValidator: guardedValidatorCompiler() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // First, so every later hook and handler runs inside the request's span.
  if (tracing) traceHttp(app, tracing);
  if (errors) reportRequestErrors(app, errors);
  refuseWhileClosing(app);
  acceptEmptyJson(app);
  const routeTable: RouteEntry[] = [];
  enforceRouteAccess(app, routeTable);
  app.decorate('routeTable', routeTable);

  const log = app.log as unknown as Logger;
  const metrics = createMetricsRegistry(db.poolStats);
  // One link per app: the cache and the rate limits share its timeout and circuit breaker.
  const redisLink = redis && new RedisLink(redis, { timeoutMs: config.redisTimeoutMs, registry: metrics }, log);
  const rateLimits = createRateLimitStore(redisLink, app.log);
  const ctx: AppContext = {
    config, db, redis: redisLink,
    health: new Health(db, redisLink),
    log,
    metrics,
    audit: new AuditLog(db),
    tokens: new AccessTokens({ secret: config.jwt.secret, previousSecret: config.jwt.previousSecret, issuer: config.jwt.issuer, audience: config.jwt.audience, expirySeconds: config.jwt.expirySeconds }),
    sessions: new SessionStates(db),
    rateLimits,
    loginThrottle: new LoginThrottle(rateLimits),
    cache: createCache(db.client, redisLink),
    extensions: collectExtensions(modules),
  };
  app.decorate('ctx', ctx);
  addShutdownGate(app, ctx.health);
  if (redisLink) {
    // Ready means Redis was tried once (and its recovery hooks ran) — not that it answered.
    app.addHook('onReady', () => redisLink.probe());
    app.addHook('onClose', async () => redisLink.stop());
  }
  ctx.health.addTables('notification', ['outbox']);
  ctx.health.add('notification', 'worker', () => workerAlive(db));
  ctx.health.add('notification', 'queue', () => queueFresh(db, config.notificationQueueMaxAgeMs));

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', noStore);

  await app.register(helmet, { global: true });
  await app.register(cors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    credentials: true,
    // The plugin's default allows only GET, HEAD and POST; the web app also edits and deletes.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'x-facility-id', 'x-request-id', 'accept-language'],
    maxAge: 600, // seconds a browser may reuse a preflight answer
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
  await app.register(webAppRoutes, { dir: webDir });
  return app;
}
