// One SERVER span per HTTP request, named by method and route template (`GET /api/v1/patients/:id`),
// never by the raw URL: query strings and path values carry names, phone numbers and IDs. Its only
// attributes are the method, route, status and request id — no headers, bodies or client address.
//
// The span starts with the request's logger, so every line that logger writes — "incoming
// request" and "request completed" included — carries its trace id. Its context is entered when
// the request's hooks begin and again after the body is read (the body arrives on socket events,
// outside it), so database spans made by hooks and handlers are its children, and lines written
// through other loggers inside it carry the trace id too (tracing.logMixin).
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Span, Context } from '@opentelemetry/api';
import type { Tracing } from './tracing.ts';
import { rememberTrace } from './trace-ids.ts';
import { TRACED_LOGGER } from './log-ids.ts';

export function traceHttp(app: FastifyInstance, tracing: Tracing): void {
  const { api, tracer, propagator } = tracing;
  const spans = new WeakMap<IncomingMessage, { span: Span; ctx: Context }>();
  const headerGetter = {
    keys: (h: IncomingMessage['headers']) => Object.keys(h),
    get: (h: IncomingMessage['headers'], key: string) => h[key],
  };
  const start = (raw: IncomingMessage) => {
    // A caller's W3C traceparent (the gateway's, another service's) makes this span its child.
    const parent = propagator.extract(api.ROOT_CONTEXT, raw.headers, headerGetter);
    const span = tracer.startSpan(raw.method ?? 'HTTP', { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': raw.method ?? '' } }, parent);
    const entry = { span, ctx: api.trace.setSpan(parent, span) };
    spans.set(raw, entry);
    rememberTrace(raw, span.spanContext());
    return entry;
  };

  app.setChildLoggerFactory((logger, bindings, opts, raw) => {
    const { traceId, spanId } = start(raw as IncomingMessage).span.spanContext();
    const child = logger.child({ ...bindings, traceId, spanId }, opts);
    (child as unknown as Record<symbol, boolean>)[TRACED_LOGGER] = true;
    return child;
  });
  app.addHook('onRequest', (request, _reply, done) => {
    const entry = spans.get(request.raw) ?? start(request.raw);
    const route = request.routeOptions.url;
    if (route) {
      entry.span.updateName(`${request.method} ${route}`);
      entry.span.setAttribute('http.route', route);
    }
    entry.span.setAttribute('nilecare.request_id', request.id);
    api.context.with(entry.ctx, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const entry = spans.get(request.raw);
    if (entry) api.context.with(entry.ctx, done);
    else done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const entry = spans.get(request.raw);
    if (entry) {
      entry.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) entry.span.setStatus({ code: api.SpanStatusCode.ERROR });
      entry.span.end();
    }
    done();
  });
}
