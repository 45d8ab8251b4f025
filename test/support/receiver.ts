// A local HTTP server standing in for a collector (OTLP/HTTP JSON) or an error tracker (Sentry
// envelopes): it records every request and answers 200, or whatever `status` says at the time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }

export interface Receiver { url: string; received: Received[]; status: number; close(): Promise<void>; waitFor(n: number, timeoutMs?: number): Promise<void> }

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const r: Receiver = {
    url: '', received, status: 200,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`received ${received.length} request(s), expected ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      res.writeHead(r.status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return r;
}

interface OtlpAttr { key: string; value: { stringValue?: string; intValue?: string | number; boolValue?: boolean } }
export interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: Record<string, string | number | boolean | undefined>; status?: { code?: number } }

/** Every span in the OTLP/HTTP JSON exports a receiver got. */
export function otlpSpans(received: Received[]): OtlpSpan[] {
  const out: OtlpSpan[] = [];
  for (const r of received) {
    const doc = JSON.parse(r.body) as { resourceSpans: { scopeSpans: { spans: (Omit<OtlpSpan, 'attributes'> & { attributes?: OtlpAttr[] })[] }[] }[] };
    for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) {
      const attributes = Object.fromEntries((s.attributes ?? []).map((a) => [a.key, a.value.stringValue ?? (a.value.intValue !== undefined ? Number(a.value.intValue) : a.value.boolValue)]));
      out.push({ ...s, attributes });
    }
  }
  return out;
}
