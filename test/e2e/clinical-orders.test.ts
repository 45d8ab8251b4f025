// Prescriptions and lab orders through the screens, in English and Arabic: the doctor is warned in
// plain words about the patient's penicillin allergy before amoxicillin, prescribes an antimalarial
// instead and orders a malaria test found by an Arabic search; a lab technician collects and enters
// the result, is told a second technician must verify, and a second one does; the pharmacist
// dispenses part of the prescription; the chart shows the medicine and the flagged result. Every
// screen is checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, field, signIn, withPage } from './support/page.ts';
import { ORDERS, api, as, checkedInPatient } from './support/clinical.ts';

const skip = skipWithoutBrowser();

async function open(page: Page, server: E2EServer, email: string, path: string) {
  await page.goto(`${server.url}${path}`);
  await signIn(page, email);
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** The text box labelled `label` (an autocomplete's list carries the same label). */
const input = (page: Page, label: string) => field(page, label).and(page.locator('input'));

async function pick(page: Page, label: string, query: string, option: RegExp | string) {
  await field(page, label).pressSequentially(query, { delay: 20 });
  await page.getByRole('option').filter({ hasText: option }).first().click();
}

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`prescriptions, lab and pharmacy screens on ${dialect.client}`, { skip }, () => {
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
      test(`prescribe with the allergy warning, order a lab test, result and verify it, dispense part (${language})`, async () => {
        const words = ORDERS[language];
        const shots = dialect.client === 'sqlite';
        const doctor = await server.user('doctor', { name: 'Khalid Omer Hassan' });
        const [tech1, tech2, pharmacist] = [await server.user('lab_technician', { name: 'Salma Yousif Adam' }), await server.user('lab_technician', { name: 'Omer Bashir Ali' }), await server.user('pharmacist', { name: 'Rania Tag Elsir' })];
        const visit = await checkedInPatient(server, doctor.id, { first: 'Amna', last: 'Hamid', firstAr: 'آمنة', lastAr: 'حامد' });
        const started = await api(server, await as(server, doctor.id), 'POST', `/appointments/${visit.appointmentId}/start`);
        const encounterId: string = started.links.encounterId;

        await withPage(browser, `clinical-orders-doctor-${language}`, { language }, async ({ page }) => {
          await open(page, server, doctor.email, `/clinical/encounters/${encounterId}`);
          // Amoxicillin for a patient allergic to penicillin: the warning in plain words, nothing saved.
          await pick(page, words.findMedicine, language === 'en' ? 'amoxicillin' : 'أموكسيسيلين', /500 mg · capsule/);
          await input(page, words.dose).fill('500');
          await input(page, words.unit).fill('mg');
          await input(page, words.frequency).fill('three times daily');
          await input(page, words.days).fill('5');
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: words.prescribe, exact: true }).click();
          await page.getByRole('alert').filter({ hasText: words.allergyWarning }).waitFor();
          await assertAccessible(page, `prescription warning (${language})`);
          if (shots) await capture(page, 'clinical-prescription-warning');
          assert.equal(await server.env.db.kysely.selectFrom('prescriptions').select('id').where('encounter_id', '=', encounterId).execute().then((r) => r.length), 0);
          // Going ahead needs a reason, which is kept; then the doctor thinks again and cancels it, with a reason too.
          await page.getByRole('button', { name: words.prescribeAnyway }).click();
          await page.getByText(words.overrideRequired).waitFor();
          await field(page, words.overrideReason).fill('Tolerated amoxicillin last year');
          await page.getByRole('button', { name: words.prescribeAnyway }).click();
          const amoxicillin = page.getByTestId('prescription').filter({ hasText: 'Amoxicillin' });
          await amoxicillin.getByText(words.overridden).waitFor();
          await amoxicillin.getByRole('button', { name: words.cancelRx }).click();
          await amoxicillin.getByRole('button', { name: words.cancelConfirm }).click();
          await amoxicillin.getByText(words.cancelReasonRequired).waitFor();
          await field(amoxicillin, words.cancelReason).fill('Allergy: choose another antibiotic');
          await amoxicillin.getByRole('button', { name: words.cancelConfirm }).click();
          await amoxicillin.getByText(words.cancelled).waitFor();
          const stored = await server.env.db.kysely.selectFrom('prescriptions').select(['status', 'override_reason']).where('encounter_id', '=', encounterId).executeTakeFirstOrThrow();
          assert.deepEqual({ ...stored }, { status: 'cancelled', override_reason: 'Tolerated amoxicillin last year' });

          await pick(page, words.findMedicine, 'artemether', /20 mg \+ 120 mg · tablet/);
          await input(page, words.dose).fill('4');
          await input(page, words.unit).fill('tablet');
          await input(page, words.frequency).fill('twice daily');
          await input(page, words.days).fill('3');
          await input(page, words.quantity).fill('24');
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: words.prescribe, exact: true }).click();
          await page.getByTestId('prescription').filter({ hasText: 'Artemether + lumefantrine' }).waitFor();

          await pick(page, words.findTest, 'الفحص السريع', /70569-9/);
          await page.getByRole('button', { name: words.order }).click();
          await page.getByTestId('lab-order').waitFor();
          await assertAccessible(page, `workspace with prescription and lab order (${language})`);
          if (shots) await capture(page, 'clinical-orders');
        });

        await withPage(browser, `clinical-lab-${language}`, { language }, async ({ page }) => {
          await open(page, server, tech1.email, '/lab');
          const card = page.getByTestId('lab-order').filter({ hasText: /70569-9|Malaria|الملاريا/ }).last();
          await card.getByRole('button', { name: words.collect }).click();
          await card.waitFor({ state: 'detached' });
          await page.getByText(words.toEnter).click();
          const entry = page.getByTestId('lab-order').last();
          await field(entry, 'Malaria rapid diagnostic test (RDT)').and(page.locator('input')).click();
          await page.getByRole('option', { name: 'P. falciparum positive' }).click();
          await entry.getByRole('button', { name: words.saveResult }).click();
          await entry.waitFor({ state: 'detached' });
          await page.getByText(words.toVerify).click();
          await page.getByTestId('lab-order').last().getByRole('button', { name: words.verify }).click();
          await page.getByRole('alert').filter({ hasText: words.verifySelf }).waitFor();
          await assertAccessible(page, `lab worklist (${language})`);
          if (shots) await capture(page, 'lab-worklist');
        });
        await withPage(browser, `clinical-lab-verify-${language}`, { language }, async ({ page }) => {
          await open(page, server, tech2.email, '/lab');
          await page.getByText(words.toVerify).click();
          await page.getByTestId('lab-order').last().getByRole('button', { name: words.verify }).click();
          await page.getByTestId('lab-order').last().waitFor({ state: 'detached' });
          const order = await server.env.db.kysely.selectFrom('lab_orders').select(['status', 'verified_by']).where('encounter_id', '=', encounterId).executeTakeFirstOrThrow();
          assert.deepEqual({ ...order }, { status: 'verified', verified_by: tech2.id });
        });

        await withPage(browser, `clinical-pharmacy-${language}`, { language }, async ({ page }) => {
          await open(page, server, pharmacist.email, '/pharmacy');
          const item = page.getByTestId('dispense-item').filter({ hasText: visit.mrn });
          await field(item, words.give).fill('12');
          await item.getByRole('button', { name: words.dispense, exact: true }).click();
          await item.getByRole('status').filter({ hasText: words.partly }).waitFor();
          await assertAccessible(page, `pharmacy queue (${language})`);
          if (shots) await capture(page, 'pharmacy-queue');
        });

        await withPage(browser, `clinical-orders-chart-${language}`, { language }, async ({ page }) => {
          await open(page, server, doctor.email, `/clinical/patients/${visit.patientId}`);
          await page.getByTestId('active-medicine').filter({ hasText: 'Artemether + lumefantrine' }).waitFor();
          await page.getByRole('region', { name: words.labResults }).locator('[data-flag="abnormal"]').first().waitFor();
          await assertAccessible(page, `chart with medicines and results (${language})`);
        });
      });
    }
  });
}
