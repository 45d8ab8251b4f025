// The reports dashboard in the browser, in English and Arabic, on every configured database: a
// facility admin opens the month's summary after real billing (invoices, a covered patient's
// invoice, and payments through the API, card ones completed by a local Stripe's signed webhook, so
// the daily totals are the server's own), and every figure, table cell and the chart's
// bars equal the API's numbers; a CSV button downloads the same bytes as the API. Every screen is
// checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, documentLanguage, signIn, withPage } from './support/page.ts';
import { authHeaders, tokenFor } from '../support/fixtures.ts';
import { insertPatient } from '../support/patients.ts';
import { insertEncounter } from '../support/clinical.ts';
import { insertCoverage } from '../support/billing.ts';
import { startStripeServer, succeedCard, type StripeServer } from '../support/stripe-server.ts';
import { localDay } from '../support/scheduling.ts';
import { uuidv7 } from '../../src/server/platform/ids.ts';

const skip = skipWithoutBrowser();
const SECRET_KEY = `sk_test_${uuidv7().replaceAll('-', '')}`;
const WEBHOOK_SECRET = `whsec_${uuidv7().replaceAll('-', '')}`;
const WORDS = {
  en: { title: 'Reports', chart: 'Revenue by day and method', csvOf: 'Download CSV: Revenue by method', net: 'Revenue (SDG)' },
  ar: { title: 'التقارير', chart: 'الإيرادات حسب اليوم وطريقة الدفع', csvOf: 'تنزيل CSV: الإيرادات حسب طريقة الدفع', net: 'الإيرادات (SDG)' },
} as const;

type Section = { id: string; columns: string[]; rows: (string | number | null)[][] };

for (const dialect of configuredDialects()) {
  describe(`reports dashboard on ${dialect.client}`, { skip }, () => {
    let server: E2EServer;
    let browser: Browser;
    let adminEmail: string;
    let adminHeaders: Record<string, string>;
    let stripe: StripeServer;
    before(async () => {
      stripe = await startStripeServer(SECRET_KEY);
      server = await startE2EServer(dialect, { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url });
      browser = await launchBrowser();
      const admin = await server.user('facility_admin', { name: 'Samia Abdelrahman' });
      const clerk = await server.user('billing_clerk', { name: 'Omer Yousif' });
      adminEmail = admin.email;
      adminHeaders = authHeaders(await tokenFor(server.app, admin.id), server.facility.id);
      const clerkHeaders = authHeaders(await tokenFor(server.app, clerk.id), server.facility.id);
      const api = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) => {
        const res = await server.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload && { payload }) });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      await api('POST', '/cash-shifts', clerkHeaders, { openingFloat: 0 });
      const fid = server.facility.id;
      const titles = { B54: 'Unspecified malaria', A09: 'Infectious gastroenteritis and colitis, unspecified', 'J06.9': 'Acute upper respiratory infection, unspecified' };
      for (const [code, n] of [['B54', 3], ['A09', 2], ['J06.9', 1]] as const) {
        for (let i = 0; i < n; i++) {
          const encounterId = await insertEncounter(server.env.db, fid, { type: i === 0 ? 'emergency' : 'outpatient' });
          await server.env.db.kysely.insertInto('encounter_diagnoses').values({
            id: uuidv7(), facility_id: fid, encounter_id: encounterId, code, title: titles[code], type: 'primary', note: null,
            amends_id: null, amend_reason: null, recorded_by: uuidv7(), recorded_at: new Date().toISOString(),
          }).execute();
        }
      }
      const patient = await insertPatient(server.env.db, fid);
      const pay = (id: string, body: object) => api('POST', `/invoices/${id}/payments`, { ...clerkHeaders, 'idempotency-key': uuidv7() }, body);
      const issue = async (total: number) => (await api('POST', '/invoices', clerkHeaders, { patientId: patient.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: total }] })).id as string;
      const a = await issue(150000);
      const b = await issue(82550);
      await pay(a, { amount: 150000, method: 'cash' });
      await succeedCard(server.app, stripe, (await pay(b, { amount: 50000, method: 'card' })).reference, WEBHOOK_SECRET);
      // A covered patient (80% of services): the payer's 80000 of the 100000 is not outstanding.
      const covered = await insertCoverage(server.env.db, fid, admin.id);
      await api('POST', '/invoices', clerkHeaders, { patientId: covered.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 100000 }] });
      const transfer = await pay(b, { amount: 20000, method: 'bank_transfer', reference: `BK-${uuidv7().slice(-12)}` });
      await api('POST', `/payments/${transfer.id}/confirm`, clerkHeaders);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await stripe?.close();
    });

    for (const language of ['en', 'ar'] as const) {
      test(`the dashboard shows the API's numbers; CSV downloads (${language})`, async () => {
        const words = WORDS[language];
        const from = `${localDay(0).slice(0, 8)}01`, to = localDay(0);
        const apiRes = await server.app.inject({ method: 'GET', url: `/api/v1/reports/summary?from=${from}&to=${to}`, headers: adminHeaders });
        const summary = apiRes.json<{ sections: Section[] }>();
        const section = (id: string) => summary.sections.find((s) => s.id === id)!;
        await withPage(browser, `reports-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await page.goto(`${server.url}/reports`);
          await signIn(page, adminEmail);
          await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
          assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
          await page.getByRole('heading', { name: words.chart }).waitFor();

          // Every table cell carries the API's value, and shows it.
          for (const s of summary.sections.filter((x) => x.id !== 'patients.registered' && x.id !== 'billing.revenueByDay')) {
            const cells = await page.locator(`[data-section="${s.id}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-value'))));
            assert.deepEqual(cells, s.rows.map((r) => r.map((c) => String(c ?? ''))), s.id);
          }
          const net = section('billing.revenueByMethod').rows.reduce((sum, r) => sum + Number(r[5]), 0);
          assert.equal(net, 220000);
          const figure = page.locator('[data-figure="net"]');
          assert.equal(await figure.getAttribute('data-value'), String(net));
          await figure.getByText(words.net).waitFor();
          const shown = new Intl.NumberFormat(language === 'ar' ? 'ar-SD-u-nu-latn' : 'en-GB-u-nu-latn', { style: 'currency', currency: 'SDG', currencyDisplay: 'code', minimumFractionDigits: 2 }).format(net / 100);
          assert.equal((await figure.locator('p').nth(1).textContent())?.replace(/\s/g, ' '), shown.replace(/\s/g, ' '));
          const outstanding = section('billing.outstanding');
          assert.equal(outstanding.rows[0]![outstanding.columns.indexOf('outstanding')], 332550 - 80000 - 220000);
          assert.equal(await page.locator('[data-figure="outstanding"]').getAttribute('data-value'), String(332550 - 80000 - 220000));
          assert.equal(await page.locator('[data-figure="encounters"]').getAttribute('data-value'), String(section('clinical.encountersByType').rows.reduce((s, r) => s + Number(r[1]), 0)));
          // The chart draws one bar segment per method with money today, as the API gives them.
          const bars = await page.locator(`[data-testid="revenue-chart"] g[data-day="${to}"] rect`).count();
          assert.equal(bars, section('billing.revenueByDay').rows.filter((r) => r[0] === to && r[1] === 'SDG').length);

          await assertAccessible(page, `reports dashboard (${language})`);
          if (dialect.client === 'sqlite') await capture(page, 'reports-dashboard');

          const download = page.waitForEvent('download');
          await page.getByRole('button', { name: words.csvOf }).click();
          const file = await (await download).path();
          const csv = await server.app.inject({ method: 'GET', url: `/api/v1/reports/summary.csv?from=${from}&to=${to}&section=billing.revenueByMethod`, headers: adminHeaders });
          assert.deepEqual(fs.readFileSync(file), csv.rawPayload);
        });
      });
    }
  });
}
