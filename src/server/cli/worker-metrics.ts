// The worker role has no API to scrape, so with WORKER_METRICS_PORT set it listens there for
// Prometheus: GET /metrics (same access rule as the API's) and GET /health for probes.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { metricsRoute } from '../platform/http/metrics.ts';

export async function listenWorkerMetrics(config: Config, registry: Registry, port: number): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: config.trustProxy.length ? config.trustProxy : false, return503OnClosing: true });
  metricsRoute(app, { registry, token: config.metrics.token, allow: config.metrics.allow });
  app.get('/health', async () => ({ status: 'healthy' }));
  await app.listen({ host: config.host, port });
  return app;
}
