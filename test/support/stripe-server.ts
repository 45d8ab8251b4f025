// A local HTTP server that answers the Stripe endpoints NileCare uses the way Stripe does: form-encoded
// requests, Bearer secret-key authentication, Idempotency-Key (the same key with the same
// parameters answers the same PaymentIntent; with others, an idempotency_error), Stripe's error
// shape. `mode` makes it fail: 'down' answers 500 api_error, 'hang' never answers. It also signs
// webhook payloads as Stripe documents: Stripe-Signature t=<unix seconds>,v1=HMAC-SHA256(secret, "t.payload").
import http from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface Intent {
  id: string; object: 'payment_intent'; amount: number; amount_received: number; currency: string; status: string;
  client_secret: string; metadata: Record<string, string>; livemode: false; created: number;
}
export interface StripeRequest { method: string; path: string; authorization?: string; idempotencyKey?: string; form: Record<string, string> }

export interface StripeServer {
  url: string;
  mode: 'ok' | 'down' | 'hang';
  requests: StripeRequest[];
  intents: Map<string, Intent>;
  close(): Promise<void>;
}

const stripeError = (res: http.ServerResponse, status: number, type: string, message: string) =>
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` }).end(JSON.stringify({ error: { type, message } }));

export async function startStripeServer(secretKey: string): Promise<StripeServer> {
  const byKey = new Map<string, { params: string; intent: Intent }>();
  const s: StripeServer = {
    url: '', mode: 'ok', requests: [], intents: new Map(),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      const form = Object.fromEntries(new URLSearchParams(body));
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      s.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, idempotencyKey, form });
      if (s.mode === 'hang') return; // the client's timeout has to end it
      if (s.mode === 'down') return stripeError(res, 500, 'api_error', 'An unknown error occurred');
      if (req.headers.authorization !== `Bearer ${secretKey}`) return stripeError(res, 401, 'invalid_request_error', 'Invalid API Key provided');
      if (req.method === 'POST' && path === '/v1/payment_intents') {
        const params = JSON.stringify(Object.entries(form).sort());
        const earlier = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
        if (earlier && earlier.params !== params) {
          return stripeError(res, 400, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.');
        }
        if (earlier) return res.writeHead(200, { 'content-type': 'application/json', 'idempotent-replayed': 'true' }).end(JSON.stringify(earlier.intent));
        const amount = Number(form.amount);
        if (!Number.isInteger(amount) || amount < 1 || !form.currency) return stripeError(res, 400, 'invalid_request_error', 'Missing required param: amount.');
        const id = `pi_${randomBytes(12).toString('hex')}`;
        const metadata = Object.fromEntries(Object.entries(form).flatMap(([k, v]) => { const m = /^metadata\[(.+)\]$/.exec(k); return m ? [[m[1]!, v]] : []; }));
        const intent: Intent = {
          id, object: 'payment_intent', amount, amount_received: 0, currency: form.currency, status: 'requires_payment_method',
          client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`, metadata, livemode: false, created: Math.floor(Date.now() / 1000),
        };
        s.intents.set(id, intent);
        if (idempotencyKey) byKey.set(idempotencyKey, { params, intent });
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(intent));
      }
      const get = /^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/.exec(path);
      if (req.method === 'GET' && get) {
        const intent = s.intents.get(get[1]!);
        return intent ? res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(intent))
          : stripeError(res, 404, 'invalid_request_error', `No such payment_intent: '${get[1]}'`);
      }
      return stripeError(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return s;
}

/** An event as Stripe sends it, about a PaymentIntent (its state after the event). */
export function intentEvent(type: string, intent: Intent, changes: Partial<Intent> = {}, id = `evt_${randomBytes(12).toString('hex')}`): string {
  return JSON.stringify({
    id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), livemode: false, type,
    data: { object: { ...intent, ...changes } }, pending_webhooks: 1, request: { id: null, idempotency_key: null },
  });
}

/** The Stripe-Signature header for `payload`, as Stripe's documentation describes it. */
export function signStripe(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** Delivers a signed payment_intent.succeeded for the intent behind a card payment's reference: the payment completes. */
export async function succeedCard(app: FastifyInstance, stripe: StripeServer, reference: string, webhookSecret: string): Promise<void> {
  const intent = stripe.intents.get(reference);
  if (!intent) throw new Error(`no intent ${reference}`);
  const payload = intentEvent('payment_intent.succeeded', intent, { status: 'succeeded', amount_received: intent.amount });
  const res = await app.inject({
    method: 'POST', url: '/api/v1/payments/stripe/webhook', payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signStripe(payload, webhookSecret) },
  });
  if (res.statusCode !== 200 || res.json().outcome !== 'applied') throw new Error(`webhook: ${res.statusCode} ${res.body}`);
}
