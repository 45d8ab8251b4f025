// The summary report on every database: each module's section counts the facility's own records of
// the period (another facility's never) on the facility's local days, the period is checked with
// clear 400s, and the CSV downloads carry a BOM, quoting and defused formulas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, insertAppointment, localDay, type Clinic } from '../../../../test/support/scheduling.ts';
import { call, insertDiagnosis, insertEncounter } from '../../../../test/support/clinical.ts';
import { insertCoverage } from '../../../../test/support/billing.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { csvDocument } from './csv.ts';
import { startStripeServer, succeedCard, type StripeServer } from '../../../../test/support/stripe-server.ts';

const SECRET_KEY = `sk_test_${uuidv7().replaceAll('-', '')}`;
const WEBHOOK_SECRET = `whsec_${uuidv7().replaceAll('-', '')}`;

type Section = { id: string; columns: string[]; rows: (string | number | null)[][] };

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let other: Clinic;
  let stripe: StripeServer;
  before(async () => {
    stripe = await startStripeServer(SECRET_KEY);
    t = await startTestApp(dialect, { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url });
    clinic = await createClinic(t.app);
    other = await createClinic(t.app);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).statusCode, 201);
  });
  after(async () => {
    await t.close();
    await stripe.close();
  });
  /** A card payment completed by Stripe's webhook (card money is revenue once Stripe says it succeeded). */
  const payByCard = async (who: Clinic, invoiceId: string, amount: number) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments`, headers: { ...who.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount, method: 'card' } });
    assert.equal(res.statusCode, 201, res.body);
    await succeedCard(t.app, stripe, res.json().reference, WEBHOOK_SECRET);
  };

  const summary = async (who = clinic, query = '') => {
    const res = await call(t.app, who.admin, 'GET', `/reports/summary${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ from: string; to: string; timeZone: string; sections: Section[] }>();
  };
  const rowsOf = (s: { sections: Section[] }, id: string) => s.sections.find((x) => x.id === id)!.rows;
  const pay = (invoiceId: string, payload: object) => t.app.inject({
    method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload,
  });

  test('every module\'s section counts this facility\'s records of the period', async () => {
    const patient = await createPatient(t.app, clinic);
    await createPatient(t.app, clinic, { first: 'Omer', last: 'Bashir' });
    await insertAppointment(t.db, clinic.facility.id, { at: Date.now() });
    await insertAppointment(t.db, clinic.facility.id, { at: Date.now(), checkedInAt: nowIso() });
    const enc = await insertEncounter(t.db, clinic.facility.id);
    const er = await insertEncounter(t.db, clinic.facility.id, { type: 'emergency' });
    await insertDiagnosis(t.db, clinic.facility.id, enc, 'B54');
    await insertDiagnosis(t.db, clinic.facility.id, er, 'B54');
    const wrong = await insertDiagnosis(t.db, clinic.facility.id, er, 'J06.9');
    // The J06.9 entry is amended into A09: only the amendment counts.
    await t.db.kysely.insertInto('encounter_diagnoses').values({
      id: uuidv7(), facility_id: clinic.facility.id, encounter_id: er, code: 'A09', title: 'Infectious gastroenteritis', type: 'secondary', note: null,
      amends_id: wrong, amend_reason: 'Wrong code', recorded_by: uuidv7(), recorded_at: nowIso(),
    }).execute();
    await insertEncounter(t.db, other.facility.id);

    const issue = async (total: number) => (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: patient.id, lines: [{ description: 'Visit', quantity: 1, unitPrice: total }] })).json().id as string;
    const a = await issue(1000);
    const b = await issue(500);
    await issue(300);
    const cash = await pay(a, { amount: 1000, method: 'cash' });
    assert.equal(cash.statusCode, 201, cash.body);
    await payByCard(clinic, b, 200);
    const transfer = await pay(b, { amount: 100, method: 'bank_transfer', reference: `BK-${uuidv7()}` });
    assert.equal(transfer.statusCode, 201);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${cash.json().id}/refunds`, { amount: 50, reason: 'Overcharged' })).statusCode, 201);
    // A covered patient (80% of services): 1000 → payer 800, patient 200; a credit of 500 comes off
    // both in proportion (payer 400, patient 100), leaving 500 = payer 400 + patient 100.
    const covered = await insertCoverage(t.db, clinic.facility.id, clinic.admin.id);
    const c = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: covered.id, lines: [{ description: 'Visit', quantity: 1, unitPrice: 1000 }] })).json().id as string;
    const note = await call(t.app, clinic.admin, 'POST', `/invoices/${c}/credit-notes`, { reason: 'Overcharged', amount: 500 });
    assert.equal(note.statusCode, 201, note.body);
    const voided = await issue(700);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/invoices/${voided}/void`, { reason: 'Issued twice' })).statusCode, 200);

    const s = await summary();
    assert.equal(s.timeZone, 'Africa/Khartoum');
    assert.equal(s.to, localDay(0));
    assert.deepEqual(s.sections.map((x) => x.id), ['patients.registered', 'scheduling.appointmentsByStatus', 'clinical.encountersByType', 'clinical.topDiagnoses',
      'billing.revenueByMethod', 'billing.revenueByDay', 'billing.outstanding', 'billing.payerShares']);
    // Two registered here, one covered, and one with each appointment and encounter written above.
    assert.deepEqual(rowsOf(s, 'patients.registered'), [[7]]);
    assert.deepEqual(rowsOf(s, 'scheduling.appointmentsByStatus'), [['scheduled', 1], ['checked_in', 1], ['in_progress', 0], ['completed', 0], ['cancelled', 0], ['no_show', 0]]);
    assert.deepEqual(rowsOf(s, 'clinical.encountersByType'), [['outpatient', 1], ['emergency', 1], ['inpatient', 0]]);
    assert.deepEqual(rowsOf(s, 'clinical.topDiagnoses'), [['B54', 'Unspecified malaria', 2], ['A09', 'Infectious gastroenteritis', 1]]);
    // The pending transfer is not revenue until confirmed; the refund is.
    assert.deepEqual(rowsOf(s, 'billing.revenueByMethod'), [['SDG', 'cash', 1, 1000, 50, 950], ['SDG', 'card', 1, 200, 0, 200]]);
    assert.deepEqual(rowsOf(s, 'billing.revenueByDay'), [[localDay(0), 'SDG', 'cash', 950], [localDay(0), 'SDG', 'card', 200]]);
    // 1000 + 500 + 300 + 500 live (the 700 is void), 400 of it the payer's; patients paid 950 + 200
    // and still owe 2300 − 400 − 1150; all four still have something due from the patient.
    assert.deepEqual(rowsOf(s, 'billing.outstanding'), [['SDG', 4, 2300, 400, 1150, 750, 4]]);
    assert.deepEqual(rowsOf(s, 'billing.payerShares'), [['SDG', 2300, 400, 1900]]);

    await call(t.app, clinic.billing, 'POST', `/payments/${transfer.json().id}/confirm`);
    const after = await summary();
    assert.deepEqual(rowsOf(after, 'billing.revenueByMethod')[1], ['SDG', 'bank_transfer', 1, 100, 0, 100]);
    assert.deepEqual(rowsOf(after, 'billing.outstanding'), [['SDG', 4, 2300, 400, 1250, 650, 4]]);
    // The patient pays their 100: the covered invoice is no longer open, the payer's 400 is not outstanding.
    assert.equal((await pay(c, { amount: 100, method: 'cash' })).statusCode, 201);
    assert.deepEqual(rowsOf(await summary(), 'billing.outstanding'), [['SDG', 4, 2300, 400, 1350, 550, 3]]);

    const elsewhere = await summary(other);
    assert.deepEqual(rowsOf(elsewhere, 'clinical.encountersByType'), [['outpatient', 1], ['emergency', 0], ['inpatient', 0]]);
    assert.deepEqual(rowsOf(elsewhere, 'billing.revenueByMethod'), []);
    assert.deepEqual(rowsOf(elsewhere, 'patients.registered'), [[1]]);
    // Another period sees none of today's records.
    const lastYear = await summary(clinic, `?from=${localDay(-400)}&to=${localDay(-370)}`);
    assert.deepEqual(rowsOf(lastYear, 'billing.outstanding'), []);
    assert.deepEqual(rowsOf(lastYear, 'clinical.topDiagnoses'), []);
  });

  test('days are the facility\'s: money and periods follow its time zone', async () => {
    // UTC+14: from 10:00 UTC the local day is already tomorrow's UTC day.
    const zone = 'Pacific/Kiritimati';
    const far = await createClinic(t.app, { timeZone: zone });
    const patient = await createPatient(t.app, far);
    const inv = await call(t.app, far.billing, 'POST', '/invoices', { patientId: patient.id, lines: [{ description: 'Visit', quantity: 1, unitPrice: 4200 }] });
    await payByCard(far, inv.json().id, 4200);
    const today = localDay(0, zone);
    const s = await summary(far, `?from=${today}&to=${today}`);
    assert.equal(s.timeZone, zone);
    assert.deepEqual(rowsOf(s, 'billing.revenueByDay'), [[today, 'SDG', 'card', 4200]]);
    assert.deepEqual(rowsOf(s, 'patients.registered'), [[1]]);
    const yesterday = await summary(far, `?from=${localDay(-1, zone)}&to=${localDay(-1, zone)}`);
    assert.deepEqual(rowsOf(yesterday, 'billing.revenueByDay'), []);
    assert.deepEqual(rowsOf(yesterday, 'patients.registered'), [[0]]);
  });

  test('the period is checked: real dates, in order, at most 366 days', async () => {
    const cases: [string, RegExp][] = [
      ['?from=2026-02-30', /from: is not a calendar date/],
      ['?from=2026-13-01&to=2026-12-01', /from/],
      ['?from=2026-03-01&to=2026-02-01', /to: is before from/],
      ['?from=2025-01-01&to=2026-01-02', /at most 366/],
      ['?from=26-01-01', /from/],
      ['?from=2026-01-01&extra=1', /extra/],
    ];
    for (const [query, message] of cases) {
      const res = await call(t.app, clinic.admin, 'GET', `/reports/summary${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.match(res.headers['content-type'] as string, /problem\+json/);
      assert.match(res.body, message, query);
    }
    assert.equal((await call(t.app, clinic.admin, 'GET', '/reports/summary?from=2024-01-01&to=2024-12-31')).statusCode, 200, 'a leap year is 366 days');
    assert.equal((await call(t.app, clinic.billing, 'GET', '/reports/summary')).statusCode, 403);
  });

  test('each section downloads as CSV with a BOM; all of them one after another', async () => {
    const one = await call(t.app, clinic.admin, 'GET', '/reports/summary.csv?section=billing.revenueByMethod');
    assert.equal(one.statusCode, 200, one.body);
    assert.match(one.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.match(one.headers['content-disposition'] as string, /attachment; filename="summary-billing\.revenueByMethod-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = one.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const json = await summary();
    const section = json.sections.find((x) => x.id === 'billing.revenueByMethod')!;
    assert.equal(one.body, csvDocument([section.columns, ...section.rows]));
    assert.match(one.body, /^\uFEFFcurrency,method,payments,collected,refunded,net\r\nSDG,cash,/);

    const all = await call(t.app, clinic.admin, 'GET', '/reports/summary.csv');
    for (const s of json.sections) assert.ok(all.body.includes(`\r\n${s.id}\r\n${s.columns.join(',')}\r\n`) || all.body.startsWith(`\uFEFF${s.id}\r\n`), s.id);
    assert.equal((await call(t.app, clinic.admin, 'GET', '/reports/summary.csv?section=billing.nothing')).statusCode, 404);
    assert.equal((await call(t.app, clinic.admin, 'GET', '/reports/summary.csv?section=x;drop')).statusCode, 400);
  });

  test('CSV cells are quoted when they need it and formulas are defused', () => {
    assert.equal(csvDocument([['a,b', 'say "hi"', 'line\nbreak', '=SUM(A1)', '-2+3', -5, null, 'التهاب']]),
      '\uFEFF"a,b","say ""hi""","line\nbreak",\'=SUM(A1),\'-2+3,-5,,التهاب\r\n');
  });
});
