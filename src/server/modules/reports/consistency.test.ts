// The pre-aggregated daily totals stay exact on every database: after random sequences of issues
// (to covered and uncovered patients), payments by every method (card ones completed by a local
// Stripe's signed webhook), transfer confirmations, refunds, discounts, credit notes and voids
// (fast-check, over HTTP), the stored totals equal the ones recomputed from the raw invoices and
// payments, and the summary equals plain sums over the raw tables. Concurrent payments on different invoices (one
// daily row) lose no increment; the rebuild command repairs drift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, localDay, type Clinic, type TestPatient } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { insertCoverage } from '../../../../test/support/billing.ts';
import { startStripeServer, succeedCard, type StripeServer } from '../../../../test/support/stripe-server.ts';
import { rawDailyTotals, rebuildDailyTotals, storedDailyTotals } from '../billing/daily-totals-rebuild.ts';

const METHODS = ['cash', 'card', 'mobile_money', 'bank_transfer'] as const;
const op = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), amount: fc.integer({ min: 1, max: 5_000_000 }), usd: fc.boolean(), covered: fc.boolean() }),
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }), method: fc.constantFrom(...METHODS) }),
  fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant('discount' as const), pick: fc.nat(), bp: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('credit' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }), byLine: fc.boolean() }),
);
const SECRET_KEY = `sk_test_${uuidv7().replaceAll('-', '')}`;
const WEBHOOK_SECRET = `whsec_${uuidv7().replaceAll('-', '')}`;
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let patient: TestPatient;
  let covered: string;
  let stripe: StripeServer;
  const invoices: { id: string; total: number }[] = [];
  const payments: { id: string; amount: number; pending: boolean; card: string | null }[] = [];
  before(async () => {
    stripe = await startStripeServer(SECRET_KEY);
    t = await startTestApp(dialect, { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url });
    clinic = await createClinic(t.app);
    patient = await createPatient(t.app, clinic);
    // Covered by a payer paying 80% of services: every invoice of theirs has a payer's share.
    covered = (await insertCoverage(t.db, clinic.facility.id, clinic.admin.id)).id;
    const settings = await t.app.inject({ method: 'PUT', url: '/api/v1/billing/settings', headers: clinic.admin.headers, payload: { currencies: ['SDG', 'USD'] } });
    assert.equal(settings.statusCode, 200, settings.body);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).statusCode, 201);
  });
  after(async () => {
    await t.close();
    await stripe.close();
  });

  const pay = (invoiceId: string, payload: object) => t.app.inject({
    method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload,
  });

  async function run(o: Op): Promise<void> {
    const inv = invoices.length ? invoices[('pick' in o ? o.pick : 0) % invoices.length]! : undefined;
    const pm = payments.length ? payments[('pick' in o ? o.pick : 0) % payments.length]! : undefined;
    let res;
    switch (o.kind) {
      case 'issue':
        res = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: o.covered ? covered : patient.id, currency: o.usd ? 'USD' : 'SDG', lines: [{ description: 'Visit', quantity: 1, unitPrice: o.amount }] });
        if (res.statusCode === 201) invoices.push({ id: res.json().id, total: o.amount });
        break;
      case 'pay': {
        if (!inv) return;
        const due = (await call(t.app, clinic.billing, 'GET', `/invoices/${inv.id}`)).json().amountDue as number;
        const transfer = o.method === 'bank_transfer' || o.method === 'mobile_money' || o.method === 'card';
        res = await pay(inv.id, { amount: Math.max(1, Math.floor((due * o.share) / 100)), method: o.method, ...(transfer && o.method !== 'card' && { reference: `R-${uuidv7()}` }) });
        if (res.statusCode === 201) payments.push({ id: res.json().id, amount: res.json().amount, pending: transfer, card: o.method === 'card' ? res.json().reference : null });
        break;
      }
      case 'confirm':
        if (!pm?.pending) return;
        pm.pending = false;
        // A card payment completes when Stripe's signed webhook says so; a transfer when the clerk confirms it.
        if (pm.card) return succeedCard(t.app, stripe, pm.card, WEBHOOK_SECRET);
        res = await call(t.app, clinic.billing, 'POST', `/payments/${pm.id}/confirm`);
        break;
      case 'refund':
        if (!pm || pm.pending) return;
        res = await call(t.app, clinic.billing, 'POST', `/payments/${pm.id}/refunds`, { amount: Math.max(1, Math.floor((pm.amount * o.share) / 100)), reason: 'Property check' });
        break;
      case 'discount':
        if (!inv) return;
        res = await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/discount`, { percentBp: o.bp, reason: 'Property check' });
        break;
      case 'credit': {
        if (!inv) return;
        const total = (await call(t.app, clinic.billing, 'GET', `/invoices/${inv.id}`)).json().total as number;
        const amount = Math.max(1, Math.floor((total * o.share) / 100));
        res = await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/credit-notes`, { reason: 'Property check', ...(o.byLine ? { lines: [{ position: 1, amount }] } : { amount }) });
        break;
      }
      case 'void':
        if (!inv) return;
        res = await call(t.app, clinic.billing, 'POST', `/invoices/${inv.id}/void`, { reason: 'Property check' });
        break;
    }
    // Refused operations (overpaying, refunding a refund, voiding a paid invoice …) are part of the test: they must change nothing.
    assert.ok(res.statusCode < 500, `${o.kind}: ${res.statusCode} ${res.body}`);
  }

  /** The summary's billing sections against plain sums over the raw rows (all of them are today's). */
  async function assertSummaryMatchesRaw(): Promise<void> {
    const res = await call(t.app, clinic.admin, 'GET', `/reports/summary?from=${localDay(-1)}&to=${localDay(1)}`);
    assert.equal(res.statusCode, 200, res.body);
    const sections = res.json().sections as { id: string; rows: (string | number)[][] }[];
    const rows = (id: string) => sections.find((s) => s.id === id)!.rows;
    const pays = await t.db.kysely.selectFrom('payments').select(['currency', 'method', 'amount']).where('facility_id', '=', clinic.facility.id).where('status', '=', 'completed').execute();
    const revenue = new Map<string, [number, number, number]>();
    for (const p of pays) {
      const k = `${p.currency}|${p.method}`;
      const acc = revenue.get(k) ?? [0, 0, 0];
      const amount = Number(p.amount);
      if (amount > 0) { acc[0] += 1; acc[1] += amount; } else acc[2] -= amount;
      revenue.set(k, acc);
    }
    assert.deepEqual(new Map(rows('billing.revenueByMethod').map((r) => [`${r[0]}|${r[1]}`, [r[2], r[3], r[4]]])), revenue);
    const invs = await t.db.kysely.selectFrom('invoices').select(['currency', 'total', 'payer_share', 'amount_paid']).where('facility_id', '=', clinic.facility.id).where('status', '!=', 'void').execute();
    const outstanding = new Map<string, number[]>();
    const shares = new Map<string, number[]>();
    for (const i of invs) {
      const acc = outstanding.get(i.currency) ?? [0, 0, 0, 0, 0, 0];
      const [total, payer, paid] = [Number(i.total), Number(i.payer_share), Number(i.amount_paid)];
      // Patients pay total − payer share; that is what is outstanding and what keeps an invoice open.
      acc[0]! += 1; acc[1]! += total; acc[2]! += payer; acc[3]! += paid; acc[4]! += total - payer - paid; acc[5]! += total - payer > paid ? 1 : 0;
      outstanding.set(i.currency, acc);
      const s = shares.get(i.currency) ?? [0, 0, 0];
      s[0]! += total; s[1]! += payer; s[2]! += total - payer;
      shares.set(i.currency, s);
    }
    assert.deepEqual(new Map(rows('billing.outstanding').map((r) => [r[0], r.slice(1)])), outstanding);
    assert.deepEqual(new Map(rows('billing.payerShares').map((r) => [r[0], r.slice(1)])), shares);
  }

  test('after random billing operations the daily totals equal the raw tables', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
      for (const o of ops) await run(o);
      assert.deepEqual(await storedDailyTotals(t.db.kysely, clinic.facility.id), await rawDailyTotals(t.db.kysely, clinic.facility.id));
      await assertSummaryMatchesRaw();
    }), { numRuns: 12 });
  });

  test('concurrent payments on different invoices lose no increment', async () => {
    const ids = await Promise.all(Array.from({ length: 15 }, async () => (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: patient.id, lines: [{ description: 'Visit', quantity: 1, unitPrice: 777 }] })).json().id as string));
    const results = await Promise.all(ids.map((id, i) => pay(id, { amount: 777, method: i % 2 ? 'card' : 'cash' })));
    assert.deepEqual(results.map((r) => r.statusCode), Array(15).fill(201));
    // The card ones complete at once, by concurrent webhooks.
    await Promise.all(results.filter((r) => r.json().method === 'card').map((r) => succeedCard(t.app, stripe, r.json().reference, WEBHOOK_SECRET)));
    assert.deepEqual(await storedDailyTotals(t.db.kysely, clinic.facility.id), await rawDailyTotals(t.db.kysely, clinic.facility.id));
    await assertSummaryMatchesRaw();
  });

  test('the rebuild recomputes drifted totals from the raw rows', async () => {
    const exact = await storedDailyTotals(t.db.kysely, clinic.facility.id);
    await t.db.kysely.updateTable('billing_daily_totals').set({ collected: 1, payer_share: 1 }).where('facility_id', '=', clinic.facility.id).execute();
    assert.notDeepEqual(await storedDailyTotals(t.db.kysely, clinic.facility.id), exact);
    assert.ok(await rebuildDailyTotals(t.db.kysely, t.db.client, clinic.facility.id) > 0);
    assert.deepEqual(await storedDailyTotals(t.db.kysely, clinic.facility.id), exact);
    assert.equal(await rebuildDailyTotals(t.db.kysely, t.db.client, clinic.facility.id), 0, 'nothing drifted the second time');
  });
});
