// Notification tests' shared set-up: an app whose config points at a real SMTP server and a local
// SMS gateway started for the file, and outbox workers running the real delivery handlers.
import pino from 'pino';
import { Registry } from 'prom-client';
import { startTestApp, type TestApp } from './app.ts';
import type { TestDialect } from './dialects.ts';
import { startTestSmtp, type TestSmtp } from './smtp-server.ts';
import { startTestSmsGateway, type TestSmsGateway } from './sms-gateway.ts';
import { OutboxWorker, type WorkerOptions } from '../../src/server/platform/outbox/worker.ts';
import { jobHandlers } from '../../src/server/modules/jobs.ts';
import { notificationChannels } from '../../src/server/modules/notifications/index.ts';

export interface NotifyEnv { t: TestApp; smtp: TestSmtp; sms: TestSmsGateway; registry: Registry; worker(opts?: WorkerOptions): OutboxWorker; close(): Promise<void> }

export async function startNotifyEnv(dialect: TestDialect, env: Record<string, string> = {}): Promise<NotifyEnv> {
  const smtp = await startTestSmtp();
  const sms = await startTestSmsGateway();
  const t = await startTestApp(dialect, { ...smtp.env(), ...sms.env(), ...env });
  const registry = new Registry();
  const log = pino({ level: 'silent' });
  // One set of handlers (one pooled SMTP transport), as in one worker process; each worker claims on its own.
  const channels = notificationChannels(t.config);
  const handlers = jobHandlers({ config: t.config, db: t.db, redis: undefined, log }, registry, channels);
  return {
    t, smtp, sms, registry,
    worker: (opts = {}) => new OutboxWorker(t.db, handlers, log, opts),
    async close() {
      for (const c of Object.values(channels)) await c.close();
      await t.close(); await smtp.close(); await sms.close();
    },
  };
}

/** Ticks the workers together until a round runs nothing. */
export async function drain(workers: OutboxWorker[], maxRounds = 50): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxRounds; i++) {
    const ran = (await Promise.all(workers.map((w) => w.tick()))).reduce((a, b) => a + b, 0);
    total += ran;
    if (ran === 0) return total;
  }
  return total;
}
