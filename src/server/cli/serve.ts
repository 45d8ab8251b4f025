// `start` (API + worker), `serve` (API only) and `worker` (worker only), with graceful shutdown:
// drain (platform/http/shutdown.ts: what was sent before the signal is served, later requests get
// 503, for SHUTDOWN_DRAIN), stop listening, let in-flight requests and the current job finish,
// close the database — within SHUTDOWN_TIMEOUT, after which the process exits anyway.
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { ensureFirstAdmin } from '../modules/facilities/index.ts';
import { jobHandlers, recurringJobs } from '../modules/jobs.ts';
import { ensureRecurring } from '../platform/outbox/recurring.ts';
import { OutboxWorker } from '../platform/outbox/worker.ts';
import { outboxMetrics } from '../platform/outbox/outbox-metrics.ts';
import { auditChainCheck } from '../platform/audit/chain-monitor.ts';
import { createMetricsRegistry } from '../platform/http/metrics.ts';
import { listenWorkerMetrics } from './worker-metrics.ts';
import { openRuntime, closeRuntime, ensureSchema, type Runtime } from './runtime.ts';

export async function runProcess(config: Config, roles: { api: boolean; worker: boolean }): Promise<void> {
  const rt = await openRuntime(config, { redis: roles.api, statementTimeout: true, role: roles.api && roles.worker ? 'api+worker' : roles.api ? 'api' : 'worker' });
  reportCrashes(rt);
  let app: FastifyInstance | undefined;
  let worker: OutboxWorker | undefined;
  let metricsServer: FastifyInstance | undefined;
  try {
    await ensureSchema(rt);
    if (roles.api) {
      await ensureFirstAdmin(rt);
      app = await buildApp(rt);
      await app.listen({ host: config.host, port: config.port });
    }
    if (roles.worker) {
      // With the API in the same process its /metrics carries the worker's metrics too.
      const registry = app?.ctx.metrics ?? createMetricsRegistry(rt.db.poolStats);
      const log = rt.log.child({ role: 'worker' });
      worker = new OutboxWorker(rt.db, jobHandlers(rt, registry), log, {
        // The chain check stays in-process: it sets this worker's own gauge. Other periodic work is recurring outbox jobs.
        maintenance: [auditChainCheck(rt.db, registry, log, config.auditVerifyIntervalMs)],
        onJob: outboxMetrics(registry, rt.db),
        tracing: rt.tracing,
        maxAttempts: config.outbox.maxAttempts,
        stopGraceMs: config.outbox.stopGraceMs,
        claimMs: config.outbox.claimMs,
      });
      if (!app && config.workerMetricsPort !== undefined) metricsServer = await listenWorkerMetrics(config, registry, config.workerMetricsPort);
      await ensureRecurring(rt.db, recurringJobs(rt));
      worker.start();
      rt.log.info({ workerId: worker.id, metricsPort: (metricsServer?.server.address() as AddressInfo | null)?.port }, 'worker started');
    }
  } catch (err) {
    await metricsServer?.close();
    await closeRuntime(rt);
    throw err;
  }
  onSignals(rt, async () => {
    app?.shutdown.begin();
    await Promise.all([worker?.stop(), app && sleep(config.shutdownDrainMs)]);
    // Whatever is still queued in the kernel would be reset by closing the listener; it gets its
    // 503 first. Bounded, leaving the rest of SHUTDOWN_TIMEOUT for requests in flight.
    await app?.shutdown.acceptQueueEmpty(Math.max(0, (config.shutdownTimeoutMs - config.shutdownDrainMs) / 2));
    await app?.close();
    await metricsServer?.close();
  });
}

/**
 * A crash (an exception nothing caught, or a rejected promise nothing handled) is logged, sent to
 * the error tracker when SENTRY_DSN is set (waiting a moment for it), and ends the process with 1,
 * as Node would: the orchestrator restarts it rather than it running on in an unknown state.
 */
function reportCrashes(rt: Runtime) {
  process.once('uncaughtException', (err, origin) => {
    rt.log.fatal({ err, origin }, 'crashed');
    rt.errors?.captureProcessError(err, origin);
    void (rt.errors?.flush(2000) ?? Promise.resolve()).finally(() => process.exit(1));
  });
}

function onSignals(rt: Runtime, stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    rt.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      rt.log.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, rt.config.shutdownTimeoutMs);
    force.unref();
    try {
      await stop();
      await closeRuntime(rt);
      rt.log.info('stopped');
      process.exit(0);
    } catch (err) {
      rt.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
