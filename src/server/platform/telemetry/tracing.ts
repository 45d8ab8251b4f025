// OpenTelemetry tracing, loaded only when JAEGER_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT is set:
// without them no OpenTelemetry package is even imported, no hook is installed, and nothing is
// slower. With them, spans of HTTP requests, database queries and outbox jobs are batched and sent
// over OTLP/HTTP (JSON). Export is best effort: a slow or absent collector costs at most a
// bounded queue (spans beyond it are dropped) and a rate-limited warning — never a request.
import { hostname } from 'node:os';
import type { Logger, LoggerOptions } from 'pino';
import type * as OtelApi from '@opentelemetry/api';
import type { Config } from '../../config.ts';
import { TRACED_LOGGER } from './log-ids.ts';

type MixinFn = NonNullable<LoggerOptions['mixin']>;

export interface Tracing {
  api: typeof OtelApi;
  tracer: OtelApi.Tracer;
  propagator: OtelApi.TextMapPropagator;
  /** A pino mixin: the active trace and span ids on every line written inside a span. */
  logMixin: MixinFn;
  /** Runs `fn` in a new span, a child of the active one; marks the span failed if `fn` throws. */
  inSpan<T>(name: string, kind: OtelApi.SpanKind, attributes: OtelApi.Attributes, fn: () => Promise<T>): Promise<T>;
  /** Sends what is queued (within the export timeout) and stops. */
  shutdown(): Promise<void>;
}

export const EXPORT_TIMEOUT_MS = 5000;
const WARN_EVERY_MS = 60_000;
const NO_IDS: Record<string, string> = {};

export async function startTracing(config: Config, log: Logger, role: string): Promise<Tracing | undefined> {
  const url = config.monitoring.tracesUrl;
  if (!url) return undefined;
  const [api, { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler }, { OTLPTraceExporter }, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/api'), import('@opentelemetry/sdk-trace-base'), import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/context-async-hooks'), import('@opentelemetry/core'), import('@opentelemetry/resources'),
  ]);

  // The exporter reports failures through the diagnostic logger: one warning a minute at most.
  let lastWarn = 0;
  const warn = (message: string) => {
    if (Date.now() - lastWarn < WARN_EVERY_MS) return;
    lastWarn = Date.now();
    log.warn({ endpoint: url, detail: message.slice(0, 300) }, 'trace export failed; spans are being dropped');
  };
  api.diag.setLogger({ error: warn, warn, info: () => {}, debug: () => {}, verbose: () => {} }, api.DiagLogLevel.WARN);
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

  const exporter = new OTLPTraceExporter({ url, timeoutMillis: EXPORT_TIMEOUT_MS, concurrencyLimit: 2 });
  // A request's spans are all kept or all dropped (parent-based), TRACES_SAMPLE_PERCENT of requests kept.
  const sampler = new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.monitoring.tracesSampleRatio) });
  const provider = new BasicTracerProvider({
    sampler,
    resource: resourceFromAttributes({
      'service.name': 'nilecare', 'service.namespace': 'nilecare', 'service.instance.id': `${hostname()}-${process.pid}`,
      'nilecare.role': role, 'deployment.environment.name': config.nodeEnv,
    }),
    spanProcessors: [new BatchSpanProcessor(exporter, { maxQueueSize: 4096, maxExportBatchSize: 512, scheduledDelayMillis: 2000, exportTimeoutMillis: EXPORT_TIMEOUT_MS })],
    // Attribute values are short by design (no bodies); this bounds a runaway SQL text.
    generalLimits: { attributeValueLengthLimit: 2048 },
  });
  const tracer = provider.getTracer('nilecare');

  return {
    api, tracer, propagator: new W3CTraceContextPropagator(),
    logMixin(_merge, _level, logger) {
      const span = api.trace.getActiveSpan();
      if (!span || (logger as unknown as Record<symbol, boolean>)[TRACED_LOGGER]) return NO_IDS;
      const { traceId, spanId } = span.spanContext();
      return { traceId, spanId };
    },
    inSpan(name, kind, attributes, fn) {
      return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
        try {
          return await fn();
        } catch (err) {
          // The error's class only: messages can quote data.
          span.setStatus({ code: api.SpanStatusCode.ERROR, message: err instanceof Error ? err.name : 'error' });
          throw err;
        } finally {
          span.end();
        }
      });
    },
    async shutdown() {
      // The last spans are sent if the collector answers in time; if it does not, they are lost, not the shutdown.
      const done = provider.shutdown().catch((err: unknown) => warn(err instanceof Error ? err.message : String(err)));
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, EXPORT_TIMEOUT_MS + 1000).unref())]);
    },
  };
}
