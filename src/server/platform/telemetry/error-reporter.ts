// Unhandled errors (5xx responses, crashes) sent to Sentry — or anything that speaks its envelope
// protocol (GlitchTip, a self-hosted Sentry) — when SENTRY_DSN is set. A small client of our own
// rather than @sentry/node: that SDK instruments http, databases and the console of the whole
// process and attaches request data by default, where NileCare must send nothing it did not pick
// (docs/decisions/0018-error-reporting-client.md).
//
// What is sent: the error's class, its message with quoted text, e-mails and long numbers removed,
// the stack, the route template, method, status, request id, trace id, user id and facility id.
// Never: bodies, query strings, headers, names, e-mail addresses, client addresses.
// Sending is fire-and-forget with a timeout, a cap on requests in flight and on events per minute;
// a failure is a rate-limited warning in the log and never fails a request.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { scrubMessage, stackFrames } from './scrub.ts';
import type { TraceRef } from './trace-ids.ts';

export const SEND_TIMEOUT_MS = 5000;
const MAX_IN_FLIGHT = 5;
const MAX_PER_MINUTE = 30;
const APP_ROOT = path.resolve(import.meta.dirname, '../../../..');

export interface RequestFacts { method: string; route?: string; status: number; requestId: string; trace?: TraceRef; userId?: string; facilityId?: string | null }

export interface ErrorReporter {
  captureRequestError(err: unknown, facts: RequestFacts): void;
  captureProcessError(err: unknown, origin: string): void;
  /** Waits (at most `timeoutMs`) for events in flight: before the process exits. */
  flush(timeoutMs: number): Promise<void>;
}

interface Dsn { endpoint: string; publicKey: string; raw: string }

export function parseDsn(raw: string): Dsn {
  const u = new URL(raw);
  const parts = u.pathname.split('/').filter(Boolean);
  const project = parts.pop();
  const prefix = parts.length ? `/${parts.join('/')}` : '';
  return { endpoint: `${u.protocol}//${u.host}${prefix}/api/${project}/envelope/`, publicKey: decodeURIComponent(u.username), raw };
}

export function startErrorReporting(config: Config, log: Logger, role: string): ErrorReporter | undefined {
  if (!config.monitoring.sentryDsn) return undefined;
  const dsn = parseDsn(config.monitoring.sentryDsn);
  const inFlight = new Set<Promise<void>>();
  let windowStart = 0;
  let sentInWindow = 0;
  let pausedUntil = 0;
  let lastWarn = 0;
  const warn = (detail: string) => {
    if (Date.now() - lastWarn < 60_000) return;
    lastWarn = Date.now();
    log.warn({ detail }, 'error report not delivered (SENTRY_DSN); continuing without it');
  };

  function send(event: Record<string, unknown>) {
    const now = Date.now();
    if (now < pausedUntil) return;
    if (now - windowStart > 60_000) { windowStart = now; sentInWindow = 0; }
    if (sentInWindow >= MAX_PER_MINUTE || inFlight.size >= MAX_IN_FLIGHT) return warn('too many errors at once; some were not reported');
    sentInWindow++;
    const body = JSON.stringify(event);
    const envelope = `${JSON.stringify({ event_id: event.event_id, sent_at: new Date().toISOString(), dsn: dsn.raw })}\n${JSON.stringify({ type: 'event', length: Buffer.byteLength(body) })}\n${body}\n`;
    const p = fetch(dsn.endpoint, {
      method: 'POST', body: envelope, signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      headers: { 'content-type': 'application/x-sentry-envelope', 'x-sentry-auth': `Sentry sentry_version=7, sentry_key=${dsn.publicKey}, sentry_client=nilecare/1` },
    }).then(async (res) => {
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 429) pausedUntil = Date.now() + 1000 * (Number(res.headers.get('retry-after')) || 60);
      if (!res.ok) warn(`HTTP ${res.status} from the error tracker`);
    }, (err: unknown) => warn(err instanceof Error ? err.message : String(err)))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  function event(err: unknown, level: 'error' | 'fatal', mechanism: string, extra: Record<string, unknown>) {
    const e = err instanceof Error ? err : new Error(typeof err === 'string' ? err : 'non-error thrown');
    return {
      event_id: randomUUID().replaceAll('-', ''), timestamp: Date.now() / 1000, platform: 'node', level, logger: 'nilecare',
      server_name: hostname(), environment: config.nodeEnv, ...(config.monitoring.sentryRelease ? { release: config.monitoring.sentryRelease } : {}),
      exception: { values: [{ type: e.name, value: scrubMessage(e.message), mechanism: { type: mechanism, handled: false }, stacktrace: { frames: stackFrames(e.stack, APP_ROOT) } }] },
      ...extra,
    };
  }

  return {
    captureRequestError(err, f) {
      send(event(err, 'error', 'fastify', {
        tags: { role, method: f.method, route: f.route ?? '(no route)', status_code: String(f.status), request_id: f.requestId, ...(f.facilityId ? { facility_id: f.facilityId } : {}) },
        // The route template, not the URL: paths and query strings carry identifiers and names.
        request: { method: f.method, url: f.route ?? '' },
        ...(f.userId ? { user: { id: f.userId } } : {}),
        ...(f.trace ? { contexts: { trace: { trace_id: f.trace.traceId, span_id: f.trace.spanId } } } : {}),
      }));
    },
    captureProcessError(err, origin) {
      send(event(err, 'fatal', origin, { tags: { role } }));
    },
    async flush(timeoutMs) {
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}
