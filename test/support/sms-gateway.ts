// A local HTTP SMS gateway for tests: checks the API key, keeps every message it accepts, and
// honours Idempotency-Key the way a real gateway does (a repeated key answers the first message's
// id and sends nothing), so tests count what a phone would have received.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayMessage { from: string; to: string; text: string; encoding: string; segments: number; idempotencyKey: string; id: string }

export interface TestSmsGateway {
  url: string;
  apiKey: string;
  /** Messages sent to phones (one per idempotency key). */
  messages: GatewayMessage[];
  /** Every POST, repeats included. */
  requests: number;
  /** Answer the next n requests with this status (or hang for `delayMs` first). */
  failNext(n: number, status: number): void;
  delayMs: number;
  env(): Record<string, string>;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmsGateway(): Promise<TestSmsGateway> {
  const apiKey = 'sms-test-key';
  const byKey = new Map<string, GatewayMessage>();
  let failing = { n: 0, status: 0 };
  let seq = 0;
  const g: TestSmsGateway = {
    url: '', apiKey, messages: [], requests: 0, delayMs: 0,
    failNext(n, status) { failing = { n, status }; },
    env: () => ({ SMS_GATEWAY_URL: g.url, SMS_API_KEY: apiKey, SMS_SENDER_ID: 'NileCare', SMS_TIMEOUT: '2s' }),
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (g.messages.length < n) {
        if (Date.now() > until) throw new Error(`SMS gateway has ${g.messages.length} message(s), expected ${n}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => {
      g.requests++;
      const answer = (status: number, json: unknown) => setTimeout(() => { if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json)); }, g.delayMs);
      if (req.headers.authorization !== `Bearer ${apiKey}`) return answer(401, { error: 'bad api key' });
      if (failing.n > 0) { failing.n--; return answer(failing.status, { error: 'injected failure' }); }
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!key) return answer(400, { error: 'Idempotency-Key required' });
      const seen = byKey.get(key);
      if (seen) return answer(200, { id: seen.id, duplicate: true });
      const m = JSON.parse(body) as Omit<GatewayMessage, 'idempotencyKey' | 'id'>;
      const msg = { ...m, idempotencyKey: key, id: `gw-${++seq}` };
      byKey.set(key, msg);
      g.messages.push(msg);
      answer(200, { id: msg.id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  g.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
  return g;
}
