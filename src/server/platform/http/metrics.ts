// Prometheus metrics with the names the spec's alert rules and dashboard query. Routes are
// labelled by their template (/api/v1/patients/:id), never the raw URL, to keep cardinality bounded.
import { BlockList, isIPv6 } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Registry, Counter, Histogram, Gauge, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from '../../db/connect.ts';
import { sendProblem } from './problem.ts';
import { safeEqual } from '../crypto.ts';

export interface MetricsOptions { token?: string; allow: string[]; poolStats: () => PoolStats }

export function createMetricsRegistry(poolStats: () => PoolStats): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(pick(poolStats())); } });
  gauge('db_pool_connections', 'Open database connections in the pool', (s) => s.size);
  gauge('db_pool_connections_idle', 'Idle database connections in the pool', (s) => s.idle);
  gauge('db_pool_requests_waiting', 'Queries waiting for a free database connection', (s) => s.waiting);
  gauge('db_pool_connections_max', 'Configured maximum pool size (DB_POOL_MAX)', (s) => s.max);
  return registry;
}

/**
 * GET /metrics, served only to METRICS_ALLOW networks or with `Bearer METRICS_TOKEN`. The API and
 * the worker's metrics listener (WORKER_METRICS_PORT) both use it.
 */
export function metricsRoute(app: FastifyInstance, opts: { registry: Registry; token?: string; allow: string[] }): void {
  const { registry } = opts;
  const allowed = allowList(opts.allow);
  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const ip = request.ip.replace(/^::ffff:/, '');
    const byNetwork = allowed.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
    const bearer = request.headers.authorization?.replace(/^Bearer /, '');
    const byToken = Boolean(opts.token && bearer && safeEqual(bearer, opts.token));
    if (!byNetwork && !byToken) return sendProblem(reply, 'forbidden', 'Metrics are served only to allowed networks or with METRICS_TOKEN.');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

function allowList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [addr, bits] = cidr.split('/');
    const type = isIPv6(addr!) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr!, type);
    else list.addSubnet(addr!, Number(bits), type);
  }
  return list;
}

async function metrics(app: FastifyInstance, opts: MetricsOptions & { registry: Registry }) {
  const { registry } = opts;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  metricsRoute(app, opts);
}

// Not encapsulated: the timing hook must see every route of the app.
export const metricsPlugin = fp(metrics, { name: 'nilecare-metrics' });
