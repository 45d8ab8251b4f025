// The worker role: drains the outbox. Several workers may run against one server database; each
// claims rows with FOR UPDATE SKIP LOCKED so no job runs twice at once. A claim expires, so a
// worker that dies mid-job does not strand it. A failing job is retried with exponential backoff
// and jitter (so jobs that failed together do not retry together), and after `maxAttempts` runs
// it is dead ('failed') with its last error kept. stop() lets the job in hand finish for a grace
// period and then releases the claims it still holds, so a restart does not wait out the claim.
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.ts';
import { uuidv7, nowIso } from '../ids.ts';
import { beat } from './heartbeat.ts';
import type { Tracing } from '../telemetry/tracing.ts';

/** `maxAttempts`: the run after which a failure is final (attempt === maxAttempts: the last try). */
export type JobHandler = (payload: unknown, job: { id: string; topic: string; attempt: number; maxAttempts: number }) => Promise<void>;

/** Housekeeping a worker runs every `everyMs` (each worker does; tasks must be idempotent). */
export interface MaintenanceTask { name: string; everyMs: number; run: () => Promise<number> }

/** `tracing`: each job runs in a span of its own (its database statements become its children). */
export interface WorkerOptions {
  pollMs?: number; batchSize?: number; claimMs?: number; maintenance?: MaintenanceTask[];
  /** Told the outcome of every job run (the worker's metrics count them). */
  onJob?: (topic: string, outcome: 'done' | 'retry' | 'failed') => void;
  tracing?: Tracing;
  /** Runs before a job is dead (OUTBOX_MAX_ATTEMPTS); a job's own max_attempts can only lower it. */
  maxAttempts?: number;
  /** How long stop() waits for the job in hand before releasing its claim (OUTBOX_STOP_GRACE). */
  stopGraceMs?: number;
}

/** Exponential backoff (2 s, 4 s, 8 s … capped at one hour) with ±20% jitter: still growing per attempt. */
export function retryDelayMs(attempt: number, random = Math.random()): number {
  return Math.round(Math.min(2 ** attempt * 1000, 3_600_000) * (0.8 + 0.4 * random));
}

const HEARTBEAT_MS = 5000;

export class OutboxWorker {
  readonly id = `${hostname()}-${process.pid}-${uuidv7().slice(-6)}`;
  readonly #db: Db;
  readonly #handlers: Map<string, JobHandler>;
  readonly #log: Logger;
  readonly #opts: Required<Omit<WorkerOptions, 'tracing'>> & Pick<WorkerOptions, 'tracing'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  #lastBeat = 0;

  constructor(db: Db, handlers: Map<string, JobHandler>, log: Logger, opts: WorkerOptions = {}) {
    this.#db = db;
    this.#handlers = handlers;
    this.#log = log;
    this.#opts = { pollMs: 1000, batchSize: 10, claimMs: 5 * 60_000, maintenance: [], onJob: () => {}, maxAttempts: 8, stopGraceMs: 5000, ...opts };
  }

  start(): void {
    const loop = async () => {
      if (this.#stopped) return;
      this.#running = this.tick().then(() => undefined, (err: unknown) => this.#log.error({ err }, 'outbox worker tick failed'));
      await this.#running;
      if (!this.#stopped) this.#timer = setTimeout(loop, this.#opts.pollMs);
    };
    void loop();
  }

  /**
   * Stops polling; waits up to stopGraceMs for the pass in hand, then releases the claims this
   * worker still holds (back to pending, the attempt not counted) so another worker runs them at
   * once. A handler still running past the grace may yet finish; its job is then run again, which
   * handlers must tolerate (at-least-once; the notifications log makes sending idempotent).
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), this.#opts.stopGraceMs); });
    const outcome = await Promise.race([this.#running?.then(() => 'done' as const) ?? 'done' as const, grace]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      const released = await this.#release();
      this.#log.warn({ workerId: this.id, released }, 'outbox worker stopped with jobs in hand; claims released');
    }
  }

  async #release(): Promise<number> {
    const r = await this.#db.kysely.updateTable('outbox')
      .set((eb) => ({ status: 'pending', locked_by: null, locked_until: null, attempts: eb('attempts', '-', 1) }))
      .where('locked_by', '=', this.id).where('status', '=', 'processing').executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** One pass: heartbeat, claim a batch, run it. Returns how many jobs ran. */
  async tick(): Promise<number> {
    if (Date.now() - this.#lastBeat >= HEARTBEAT_MS) {
      await beat(this.#db, this.id);
      this.#lastBeat = Date.now();
    }
    await this.#maintain();
    const jobs = await this.#claim();
    const tracing = this.#opts.tracing;
    for (const [i, job] of jobs.entries()) {
      // Stopping: the rest of the batch goes back to the queue untouched.
      if (this.#stopped) {
        await this.#db.kysely.updateTable('outbox').set((eb) => ({ status: 'pending', locked_by: null, locked_until: null, attempts: eb('attempts', '-', 1) }))
          .where('id', 'in', jobs.slice(i).map((j) => j.id)).where('locked_by', '=', this.id).where('status', '=', 'processing').execute();
        return i;
      }
      if (!tracing) await this.#run(job);
      else {
        await tracing.inSpan(`outbox ${job.topic}`, tracing.api.SpanKind.CONSUMER, { 'messaging.system': 'nilecare-outbox', 'messaging.operation.type': 'process', 'messaging.destination.name': job.topic, 'messaging.message.id': job.id, 'nilecare.job.attempt': job.attempts }, async () => {
          if (!await this.#run(job)) tracing.api.trace.getActiveSpan()?.setStatus({ code: tracing.api.SpanStatusCode.ERROR });
        });
      }
    }
    return jobs.length;
  }

  readonly #lastMaintained = new Map<string, number>();

  async #maintain() {
    for (const task of this.#opts.maintenance) {
      if (Date.now() - (this.#lastMaintained.get(task.name) ?? 0) < task.everyMs) continue;
      this.#lastMaintained.set(task.name, Date.now());
      try {
        const affected = await task.run();
        if (affected) this.#log.info({ task: task.name, affected }, 'maintenance done');
      } catch (err) {
        this.#log.error({ err, task: task.name }, 'maintenance task failed');
      }
    }
  }

  async #claim() {
    const now = nowIso();
    const until = new Date(Date.now() + this.#opts.claimMs).toISOString();
    // On MySQL the default REPEATABLE READ makes SKIP LOCKED take gap locks on the status index,
    // so two workers claiming at once deadlock; READ COMMITTED takes record locks only.
    const tx = this.#db.client === 'mysql' ? this.#db.kysely.transaction().setIsolationLevel('read committed') : this.#db.kysely.transaction();
    return tx.execute(async (trx) => {
      let query = trx.selectFrom('outbox').select(['id', 'topic', 'payload', 'attempts', 'max_attempts'])
        .where((eb) => eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'processing'), eb('locked_until', '<', now)]),
        ]))
        .orderBy('run_at').limit(this.#opts.batchSize);
      if (this.#db.client !== 'sqlite') query = query.forUpdate().skipLocked();
      const rows = await query.execute();
      if (rows.length === 0) return [];
      await trx.updateTable('outbox')
        .set((eb) => ({ status: 'processing', locked_by: this.id, locked_until: until, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', rows.map((r) => r.id)).execute();
      return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
    });
  }

  /** Runs one job and records its outcome; answers whether it succeeded. */
  async #run(job: { id: string; topic: string; payload: string; attempts: number; max_attempts: number }): Promise<boolean> {
    const handler = this.#handlers.get(job.topic);
    try {
      if (!handler) throw new PermanentJobError(`no handler for topic ${job.topic}`);
      await handler(JSON.parse(job.payload), { id: job.id, topic: job.topic, attempt: job.attempts, maxAttempts: Math.min(job.max_attempts, this.#opts.maxAttempts) });
      // Only while this worker still holds the claim: a released job (stop() past its grace) stays pending.
      await this.#db.kysely.updateTable('outbox').set({ status: 'done', processed_at: nowIso(), locked_until: null, last_error: null })
        .where('id', '=', job.id).where('locked_by', '=', this.id).execute();
      this.#opts.onJob(job.topic, 'done');
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = err instanceof PermanentJobError || job.attempts >= Math.min(job.max_attempts, this.#opts.maxAttempts);
      const retryAt = new Date(Date.now() + retryDelayMs(job.attempts)).toISOString();
      await this.#db.kysely.updateTable('outbox')
        .set({ status: final ? 'failed' : 'pending', run_at: final ? nowIso() : retryAt, locked_until: null, last_error: message.slice(0, 2000) })
        .where('id', '=', job.id).where('locked_by', '=', this.id).execute();
      this.#opts.onJob(job.topic, final ? 'failed' : 'retry');
      this.#log.warn({ jobId: job.id, topic: job.topic, attempt: job.attempts, final, err: message }, 'outbox job failed');
      return false;
    }
  }
}

/** Thrown by a handler when retrying cannot help (bad payload, unknown recipient). */
export class PermanentJobError extends Error {}
