// Card payments against a local Stripe-like server, on every database: a PaymentIntent made with
// the secret key and the client's Idempotency-Key, the payment recorded pending with the intent id,
// the client secret answered (and again on a replay) but never stored; the processor down or
// hanging answers 503 with nothing written and the key released; without Stripe set up, 503.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { startStripeServer, type StripeServer } from '../../../../test/support/stripe-server.ts';
import { uuidv7 } from '../../platform/ids.ts';

const SECRET_KEY = `sk_test_${uuidv7().replaceAll('-', '')}`;

eachDialect((dialect) => {
  let t: TestApp;
  let stripe: StripeServer;
  let clinic: Clinic;
  before(async () => {
    stripe = await startStripeServer(SECRET_KEY);
    t = await startTestApp(dialect, { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: 'whsec_test', STRIPE_API_BASE: stripe.url, STRIPE_TIMEOUT: '400ms', STRIPE_MAX_NETWORK_RETRIES: '1' });
    clinic = await createClinic(t.app);
  });
  after(async () => {
    await t.close();
    await stripe.close();
  });

  async function invoiceOf(total: number): Promise<string> {
    const p = await createPatient(t.app, clinic);
    const res = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: total }] });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }
  const pay = (invoiceId: string, payload: object, key = uuidv7()) => t.app.inject({
    method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': key }, payload,
  });
  const rows = (invoiceId: string) => t.db.kysely.selectFrom('payments').selectAll().where('invoice_id', '=', invoiceId).execute();
  const keyRow = (key: string) => t.db.kysely.selectFrom('idempotency_keys').selectAll().where('idem_key', '=', key).executeTakeFirst();

  test('a card payment makes a PaymentIntent with the key and records it pending; a replay answers the same intent and secret', async () => {
    const id = await invoiceOf(1000);
    const key = uuidv7();
    const res = await pay(id, { amount: 1000, method: 'card' }, key);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    const intent = stripe.intents.get(body.reference)!;
    assert.ok(intent, 'the reference is the PaymentIntent id');
    assert.deepEqual([body.status, body.method, body.clientSecret], ['pending', 'card', intent.client_secret]);
    assert.deepEqual([intent.amount, intent.currency, intent.metadata.nilecare_facility_id, intent.metadata.nilecare_invoice_id], [1000, 'sdg', clinic.facility.id, id]);
    const sent = stripe.requests.find((r) => r.method === 'POST' && r.form['metadata[nilecare_invoice_id]'] === id)!;
    assert.equal(sent.authorization, `Bearer ${SECRET_KEY}`);
    assert.equal(sent.idempotencyKey, `nilecare:${clinic.facility.id}:${key}`);
    // Pending: the invoice is not paid yet, but the amount is spoken for.
    assert.equal((await call(t.app, clinic.billing, 'GET', `/invoices/${id}`)).json().status, 'issued');
    assert.equal((await pay(id, { amount: 1, method: 'cash' })).statusCode, 422);

    const again = await pay(id, { amount: 1000, method: 'card' }, key);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), body);
    assert.equal((await rows(id)).length, 1);
    assert.equal([...stripe.intents.values()].filter((i) => i.metadata.nilecare_invoice_id === id).length, 1);
    // The secret leaves only in the response: not in the stored replay, not in the payment row.
    assert.ok(!(await keyRow(key))!.response!.includes(intent.client_secret));
    assert.ok(!JSON.stringify(await rows(id)).includes('_secret_'));
  });

  test('twenty concurrent identical card requests: one PaymentIntent, one payment, the same answer', async () => {
    const id = await invoiceOf(1200);
    const key = uuidv7();
    const answers = await Promise.all(Array.from({ length: 20 }, () => pay(id, { amount: 1200, method: 'card' }, key)));
    assert.deepEqual(answers.map((a) => a.statusCode), Array(20).fill(201), answers.map((a) => a.body).join('\n'));
    assert.equal(new Set(answers.map((a) => a.body)).size, 1);
    assert.equal((await rows(id)).length, 1);
    assert.equal([...stripe.intents.values()].filter((i) => i.metadata.nilecare_invoice_id === id).length, 1);
  });

  test('a card payment takes no reference, and a clerk cannot confirm it by hand', async () => {
    const id = await invoiceOf(500);
    const withRef = await pay(id, { amount: 500, method: 'card', reference: 'ABC123' });
    assert.equal(withRef.statusCode, 400);
    assert.match(withRef.body, /body.reference/);
    const res = await pay(id, { amount: 500, method: 'card' });
    const confirm = await call(t.app, clinic.billing, 'POST', `/payments/${res.json().id}/confirm`);
    assert.equal(confirm.statusCode, 409);
    assert.match(confirm.json().detail, /card processor/);
  });

  test('more than is due or a void invoice never reaches Stripe', async () => {
    const id = await invoiceOf(300);
    const before = stripe.requests.length;
    assert.equal((await pay(id, { amount: 301, method: 'card' })).statusCode, 422);
    assert.equal(stripe.requests.length, before);
  });

  test('Stripe down or hanging: 503, nothing written, the key released; the retry with the key succeeds', async (tc) => {
    const id = await invoiceOf(700);
    for (const mode of ['down', 'hang'] as const) {
      const key = uuidv7();
      stripe.mode = mode;
      const before = stripe.requests.length;
      const started = Date.now();
      const res = await pay(id, { amount: 700, method: 'card' }, key);
      const ms = Date.now() - started;
      stripe.mode = 'ok';
      assert.equal(res.statusCode, 503, res.body);
      assert.match(res.json().detail, /did not answer/);
      assert.equal(stripe.requests.length - before, 2, 'one try and one retry (STRIPE_MAX_NETWORK_RETRIES=1)');
      assert.ok(ms < 5000, `bounded by the timeout: ${ms} ms`);
      assert.equal((await rows(id)).length, 0);
      assert.equal(await keyRow(key), undefined);
      tc.diagnostic(`Stripe ${mode}: 503 after ${ms} ms (STRIPE_TIMEOUT=400ms, one retry)`);
      if (mode === 'hang') {
        const retry = await pay(id, { amount: 700, method: 'card' }, key);
        assert.equal(retry.statusCode, 201, retry.body);
        assert.equal((await rows(id)).length, 1);
      }
    }
  });

  test('a wrong secret key is a 503 saying card payments are not set up', async () => {
    const other = await startTestApp(dialect, { STRIPE_SECRET_KEY: 'sk_test_wrong', STRIPE_API_BASE: stripe.url });
    try {
      const c = await createClinic(other.app);
      const p = await createPatient(other.app, c);
      const inv = (await call(other.app, c.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'X-ray', quantity: 1, unitPrice: 900 }] })).json();
      const res = await other.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.id}/payments`, headers: { ...c.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 900, method: 'card' } });
      assert.equal(res.statusCode, 503);
      assert.match(res.json().detail, /not set up/);
      assert.equal((await other.db.kysely.selectFrom('payments').select('id').where('invoice_id', '=', inv.id).execute()).length, 0);
    } finally {
      await other.close();
    }
  });
});

eachDialect((dialect) => {
  test('without STRIPE_SECRET_KEY, card payments and the webhook answer 503 "not set up"', async () => {
    const t = await startTestApp(dialect);
    try {
      const c = await createClinic(t.app);
      const p = await createPatient(t.app, c);
      const inv = (await call(t.app, c.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'X-ray', quantity: 1, unitPrice: 900 }] })).json();
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.id}/payments`, headers: { ...c.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 900, method: 'card' } });
      assert.equal(res.statusCode, 503);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.match(res.json().detail, /Card payments are not set up/);
      const hook = await t.app.inject({ method: 'POST', url: '/api/v1/payments/stripe/webhook', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' }, payload: '{}' });
      assert.equal(hook.statusCode, 503);
    } finally {
      await t.close();
    }
  });
});
