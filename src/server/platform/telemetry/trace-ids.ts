// The trace of each request being traced, for the places that must quote it (5xx problem bodies,
// error reports). Keyed by the raw request, so it goes away with it; empty when tracing is off.
import type { IncomingMessage } from 'node:http';

export interface TraceRef { traceId: string; spanId: string }

const refs = new WeakMap<IncomingMessage, TraceRef>();

export function rememberTrace(raw: IncomingMessage, ref: TraceRef): void {
  refs.set(raw, ref);
}

export function traceOf(request: { raw: IncomingMessage }): TraceRef | undefined {
  return refs.get(request.raw);
}
