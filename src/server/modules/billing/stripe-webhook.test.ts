// The Stripe webhook on every database, with events signed the way Stripe documents: succeeded pays
// the invoice; the same event twice, or ten times at once, is applied once; a bad signature, an
// altered body or a stale timestamp is a 400 that changes nothing; an amount that does not match is
// ignored and logged; failed and canceled free the amount; another facility's intent is ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { intentEvent, signStripe, startStripeServer, type Intent, type StripeServer } from '../../../../test/support/stripe-server.ts';
import { uuidv7 } from '../../platform/ids.ts';

const SECRET_KEY = `sk_test_${uuidv7().replaceAll('-', '')}`;
const WEBHOOK_SECRET = `whsec_${uuidv7().replaceAll('-', '')}`;

eachDialect((dialect) => {
  let t: TestApp;
  let stripe: StripeServer;
  let clinic: Clinic;
  before(async () => {
    stripe = await startStripeServer(SECRET_KEY);
    t = await startTestApp(dialect, { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url });
    clinic = await createClinic(t.app);
  });
  after(async () => {
    await t.close();
    await stripe.close();
  });

  /** An invoice of `total` with a pending card payment of `amount`: its id, the payment id and the intent. */
  async function cardPayment(total: number, amount = total): Promise<{ invoiceId: string; paymentId: string; intent: Intent }> {
    const p = await createPatient(t.app, clinic);
    const inv = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: total }] });
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/invoices/${inv.json().id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount, method: 'card' },
    });
    assert.equal(res.statusCode, 201, res.body);
    return { invoiceId: inv.json().id, paymentId: res.json().id, intent: stripe.intents.get(res.json().reference)! };
  }
  const deliver = (payload: string, signature: string | undefined = signStripe(payload, WEBHOOK_SECRET)) => t.app.inject({
    method: 'POST', url: '/api/v1/payments/stripe/webhook',
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', ...(signature ? { 'stripe-signature': signature } : {}) },
    payload,
  });
  const invoice = async (id: string) => (await call(t.app, clinic.billing, 'GET', `/invoices/${id}`)).json();
  const payment = async (id: string) => t.db.kysely.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const succeeded = (intent: Intent, changes: Partial<Intent> = {}, id?: string) =>
    intentEvent('payment_intent.succeeded', intent, { status: 'succeeded', amount_received: intent.amount, ...changes }, id);

  test('payment_intent.succeeded completes the payment and the invoice reads back paid', async () => {
    const { invoiceId, paymentId, intent } = await cardPayment(1000);
    const res = await deliver(succeeded(intent));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { received: true, outcome: 'applied' });
    const inv = await invoice(invoiceId);
    assert.deepEqual([inv.status, inv.amountPaid, inv.amountDue], ['paid', 1000, 0]);
    const p = await payment(paymentId);
    assert.equal(p.status, 'completed');
    assert.ok(p.confirmed_at);
    const audit = await t.db.kysely.selectFrom('audit_events').select(['action', 'actor_id', 'facility_id']).where('target_id', '=', paymentId).where('action', '=', 'payment.card_succeeded').execute();
    assert.deepEqual(audit.map((a) => ({ ...a })), [{ action: 'payment.card_succeeded', actor_id: null, facility_id: clinic.facility.id }]);
  });

  test('a succeeded card payment queues the receipt email once, when the patient has an address', async () => {
    const { paymentId, intent } = await cardPayment(1000);
    await t.db.kysely.updateTable('patients').set({ email: 'card.patient@example.com' })
      .where('id', '=', (await payment(paymentId)).patient_id).execute();
    const receipts = async () => t.db.kysely.selectFrom('notification_deliveries').select(['channel', 'status'])
      .where('event', '=', 'billing.receipt').where('subject_ref', '=', `payment:${paymentId}`).execute();
    assert.equal((await receipts()).length, 0, 'nothing while the card payment is pending');
    const event = succeeded(intent);
    assert.equal((await deliver(event)).json().outcome, 'applied');
    assert.equal((await deliver(event, signStripe(event, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) + 1))).json().outcome, 'duplicate');
    assert.deepEqual((await receipts()).map((r) => ({ ...r })), [{ channel: 'email', status: 'queued' }]);
  });

  test('the same event delivered twice is applied once', async () => {
    const { invoiceId, intent } = await cardPayment(1000, 400);
    const event = succeeded(intent);
    assert.equal((await deliver(event)).json().outcome, 'applied');
    const again = await deliver(event, signStripe(event, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) + 1)); // Stripe re-signs each attempt
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().outcome, 'duplicate');
    const inv = await invoice(invoiceId);
    assert.deepEqual([inv.status, inv.amountPaid], ['partially_paid', 400]);
  });

  test('ten concurrent deliveries of one event: one applied, nine duplicates, paid once', async () => {
    const { invoiceId, intent } = await cardPayment(1000, 400);
    const event = succeeded(intent);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    assert.deepEqual(answers.map((a) => a.statusCode), Array(10).fill(200), answers.map((a) => a.body).join('\n'));
    const outcomes = answers.map((a) => a.json().outcome).sort();
    assert.deepEqual(outcomes, ['applied', ...Array(9).fill('duplicate')]);
    assert.equal((await invoice(invoiceId)).amountPaid, 400);
  });

  test('a second, different succeeded event for a completed payment changes nothing', async () => {
    const { invoiceId, intent } = await cardPayment(1000, 400);
    assert.equal((await deliver(succeeded(intent))).json().outcome, 'applied');
    assert.equal((await deliver(succeeded(intent))).json().outcome, 'ignored');
    assert.equal((await invoice(invoiceId)).amountPaid, 400);
  });

  test('a wrong secret, an altered body, a missing header or a stale timestamp is a 400 and changes nothing', async () => {
    const { invoiceId, paymentId, intent } = await cardPayment(1000);
    const event = succeeded(intent);
    const now = Math.floor(Date.now() / 1000);
    const bad = [
      await deliver(event, signStripe(event, 'whsec_not_the_secret')),
      await deliver(event.replace('"amount":1000', '"amount":1'), signStripe(event, WEBHOOK_SECRET)),
      await deliver(event, null as unknown as undefined),
      await deliver(event, signStripe(event, WEBHOOK_SECRET, now - 301)), // outside the five-minute tolerance
      await deliver(event, `t=${now},v1=${'0'.repeat(64)}`),
    ];
    for (const res of bad) {
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, 'bad_request');
    }
    assert.equal((await payment(paymentId)).status, 'pending');
    assert.equal((await invoice(invoiceId)).amountPaid, 0);
    // Within the tolerance, an older signature still verifies.
    assert.equal((await deliver(event, signStripe(event, WEBHOOK_SECRET, now - 200))).json().outcome, 'applied');
  });

  test('a body that is not JSON is refused before anything is applied', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/payments/stripe/webhook', headers: { 'content-type': 'text/plain', 'stripe-signature': 't=1,v1=00' }, payload: 'hello' });
    assert.equal(res.statusCode, 415);
  });

  test('a succeeded event for another amount or currency is ignored and logged', async () => {
    const { invoiceId, paymentId, intent } = await cardPayment(1000);
    for (const changes of [{ amount_received: 999 }, { currency: 'usd' }]) {
      const res = await deliver(succeeded(intent, changes));
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().outcome, 'ignored');
    }
    assert.equal((await payment(paymentId)).status, 'pending');
    assert.equal((await invoice(invoiceId)).amountPaid, 0);
    const recorded = await t.db.kysely.selectFrom('payment_provider_events').select(['outcome', 'payment_id']).where('payment_id', '=', paymentId).execute();
    assert.deepEqual(recorded.map((r) => r.outcome), ['ignored', 'ignored']);
  });

  test('payment_failed and canceled mark the payment failed and free the amount; a later success still counts', async () => {
    const a = await cardPayment(1000);
    assert.equal((await deliver(intentEvent('payment_intent.payment_failed', a.intent, { status: 'requires_payment_method' }))).json().outcome, 'applied');
    assert.equal((await payment(a.paymentId)).status, 'failed');
    // The patient tried another card on the same intent and it went through.
    assert.equal((await deliver(succeeded(a.intent))).json().outcome, 'applied');
    assert.equal((await invoice(a.invoiceId)).status, 'paid');

    const b = await cardPayment(800);
    assert.equal((await deliver(intentEvent('payment_intent.canceled', b.intent, { status: 'canceled' }))).json().outcome, 'applied');
    assert.equal((await payment(b.paymentId)).status, 'failed');
    await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 });
    const cash = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${b.invoiceId}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 800, method: 'cash' } });
    assert.equal(cash.statusCode, 201, cash.body);
    // Paid in cash since: a late success of the cancelled card would overpay, so it is not applied.
    assert.equal((await deliver(succeeded(b.intent))).json().outcome, 'ignored');
    assert.equal((await invoice(b.invoiceId)).amountPaid, 800);
  });

  test('unknown event types, unknown intents and another facility\'s metadata are acknowledged and ignored', async () => {
    const { paymentId, intent } = await cardPayment(500);
    assert.deepEqual((await deliver(intentEvent('customer.created', intent))).json(), { received: true, outcome: 'ignored' });
    assert.equal((await deliver(succeeded({ ...intent, id: 'pi_unknown' }))).json().outcome, 'ignored');
    const other = { ...intent, metadata: { ...intent.metadata, nilecare_facility_id: uuidv7() } };
    assert.equal((await deliver(succeeded(other))).json().outcome, 'ignored');
    assert.equal((await payment(paymentId)).status, 'pending');
  });
});
