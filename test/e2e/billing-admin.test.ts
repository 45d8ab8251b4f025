// Prices and payers through the screens, in English and Arabic: a facility admin adds a
// consultation price, changes it and reads its two versions in the history; adds the insurance
// fund with its coverage per category and changes it; reception records a patient's insurance
// cover on the patient page; an invoice for that patient is then split with the fund. Every
// screen is checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, field, signIn, withPage } from './support/page.ts';
import { api, as } from './support/clinical.ts';

const skip = skipWithoutBrowser();

const WORDS = {
  en: {
    prices: 'Price list', code: 'Code', name: 'Name on the invoice', price: 'Price', add: 'Add price', save: 'Save new price', history: 'History: Outpatient consultation',
    change: 'Change price: Outpatient consultation', saved: /version 2 saved/, current: 'Current', payers: 'Payers', addPayer: 'Add payer', nameLabel: 'Name',
    service: 'Consultations & procedures', lab: 'Lab tests', medicine: 'Medicines', percentRule: 'Enter a percentage from 0 to 100, e.g. 80 or 12.5.',
    payerName: 'National Health Insurance Fund', added: 'National Health Insurance Fund added.', cover: 'Insurance cover', payer: 'Payer', member: 'Membership number', saveCover: 'Save cover',
    currentCover: 'Current', amountRule: 'Enter an amount such as 1500 or 1500.50.',
  },
  ar: {
    prices: 'قائمة الأسعار', code: 'الرمز', name: 'الاسم في الفاتورة', price: 'السعر', add: 'إضافة السعر', save: 'حفظ السعر الجديد', history: 'السجل: Outpatient consultation',
    change: 'تغيير السعر: Outpatient consultation', saved: /حُفظ الإصدار 2/, current: 'الحالي', payers: 'جهات الدفع', addPayer: 'إضافة جهة دفع', nameLabel: 'الاسم',
    service: 'الاستشارات والإجراءات', lab: 'الفحوص المختبرية', medicine: 'الأدوية', percentRule: 'أدخل نسبة من 0 إلى 100، مثل 80 أو 12.5.',
    payerName: 'الصندوق القومي للتأمين الصحي - ولاية الخرطوم', added: 'تمت إضافة الصندوق القومي للتأمين الصحي - ولاية الخرطوم.', cover: 'التغطية التأمينية', payer: 'جهة الدفع', member: 'رقم العضوية', saveCover: 'حفظ التغطية',
    currentCover: 'سارية', amountRule: 'أدخل مبلغًا مثل 1500 أو 1500.50.',
  },
} as const;

async function open(page: Page, server: E2EServer, email: string, path: string) {
  await page.goto(`${server.url}${path}`);
  await signIn(page, email);
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`price list, payers and patient cover screens on ${dialect.client}`, { skip }, () => {
    let server: E2EServer;
    let browser: Browser;
    before(async () => {
      server = await startE2EServer(dialect);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const language of ['en', 'ar'] as const) {
      test(`set a price and change it, add the insurance fund, record a patient's cover (${language})`, async () => {
        const w = WORDS[language];
        const shots = dialect.client === 'sqlite';
        const admin = await server.user('facility_admin', { name: 'Nadia Salih Ahmed' });
        const desk = await server.user('receptionist', { name: 'Sara Osman Ali' });
        const code = `consultation-${language}`;
        const payerName = w.payerName;

        await withPage(browser, `billing-admin-${language}`, { language }, async ({ page }) => {
          await open(page, server, admin.email, '/billing-admin');
          await field(page, w.code).fill(code);
          await field(page, w.name).fill('Outpatient consultation');
          await field(page, w.price).fill('15OO');
          await page.getByRole('button', { name: w.add, exact: true }).click();
          await page.getByText(w.amountRule).waitFor();
          await field(page, w.price).fill('1500');
          await page.getByRole('button', { name: w.add, exact: true }).click();
          const row = page.getByRole('row').filter({ hasText: code });
          await row.waitFor();
          await row.getByRole('button', { name: w.change }).click();
          await field(page, w.price).fill('1750.50');
          await page.getByRole('button', { name: w.save, exact: true }).click();
          await page.getByRole('status').filter({ hasText: w.saved }).waitFor();
          await assertAccessible(page, `price list (${language})`);
          if (shots) await capture(page, 'billing-admin-prices');
          await row.getByRole('button', { name: w.history }).click();
          const dialog = page.getByRole('dialog');
          await dialog.getByText(w.current).waitFor();
          assert.equal(await dialog.getByRole('row').count(), 3, 'a header and two versions');
          await assertAccessible(page, `price history (${language})`);
          if (shots) await capture(page, 'billing-admin-price-history');
          await page.keyboard.press('Escape');

          await page.getByRole('link', { name: w.payers, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: w.payers }).waitFor();
          await page.getByRole('button', { name: w.addPayer }).click();
          const form = page.getByRole('dialog');
          await field(form, w.nameLabel).fill(payerName);
          await field(form, w.service).fill('80');
          await field(form, w.lab).fill('150');
          await field(form, w.medicine).fill('100');
          await form.getByRole('button', { name: w.addPayer }).click();
          await form.getByText(w.percentRule).waitFor();
          await field(form, w.lab).fill('50');
          if (shots) await capture(page, 'billing-admin-payer-form');
          await form.getByRole('button', { name: w.addPayer }).click();
          await page.getByRole('status').filter({ hasText: w.added }).waitFor();
          await page.getByTestId('payer-row').filter({ hasText: payerName }).waitFor();
          await assertAccessible(page, `payers (${language})`);
          if (shots) await capture(page, 'billing-admin-payers');
          const payer = await server.env.db.kysely.selectFrom('payers').selectAll().where('facility_id', '=', server.facility.id).where('name', '=', payerName).executeTakeFirstOrThrow();
          assert.deepEqual([payer.service_bp, payer.lab_test_bp, payer.medicine_bp].map(Number), [8000, 5000, 10000]);
          const price = await server.env.db.kysely.selectFrom('billing_prices').select(['unit_price', 'version']).where('facility_id', '=', server.facility.id).where('code', '=', code).where('superseded_at', 'is', null).executeTakeFirstOrThrow();
          assert.deepEqual([Number(price.unit_price), Number(price.version)], [175050, 2]);
        });

        const deskHeaders = await as(server, desk.id);
        const patient = await api(server, deskHeaders, 'POST', '/patients', { firstName: 'Amna', lastName: 'Hamid', firstNameAr: 'آمنة', lastNameAr: 'حامد', sex: 'female', dateOfBirth: '1988-04-02', confirmNew: true });
        await withPage(browser, `patient-cover-${language}`, { language }, async ({ page }) => {
          await open(page, server, desk.email, `/reception/patients/${patient.id}`);
          const panel = page.getByRole('region', { name: w.cover });
          await field(panel, w.payer).click();
          await page.getByRole('option', { name: payerName }).click();
          await field(panel, w.member).fill('NHIF-2026-0042');
          await panel.getByRole('button', { name: w.saveCover }).click();
          await panel.getByTestId('coverage').filter({ hasText: w.currentCover }).waitFor();
          await assertAccessible(page, `patient cover (${language})`);
          if (shots) await capture(page, 'reception-patient-cover');
        });
        const billing = await as(server, (await server.user('billing_clerk', { name: 'Omer Ali Hassan' })).id);
        const invoice = await api(server, billing, 'POST', '/invoices', { patientId: patient.id, lines: [{ description: 'Outpatient consultation', quantity: 1, unitPrice: 175050, serviceCode: code }] });
        assert.deepEqual([invoice.payerShare, invoice.patientShare, invoice.memberNumber], [140040, 35010, 'NHIF-2026-0042']);
      });
    }
  });
}
