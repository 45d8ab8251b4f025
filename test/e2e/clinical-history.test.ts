// Allergies and problems recorded through the screens, in English and Arabic: from the encounter's
// patient banner the doctor records an allergy written freely ("Penicillin", "بنسلين" — the form
// first says what is missing), and prescribing amoxicillin is then warned about; a problem is found
// by an ICD-10 search with its onset checked while typing; on the chart the problem is marked
// resolved and the allergy entered in error. Every screen is checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, field, signIn, withPage } from './support/page.ts';
import { ORDERS, api, as } from './support/clinical.ts';

const skip = skipWithoutBrowser();

const WORDS = {
  en: {
    banner: 'Patient', none: 'No known allergies', addAllergy: 'Record allergy', allergen: 'Allergic to', reaction: 'Reaction', severe: 'severe',
    saveAllergy: 'Record the allergy', allergenRequired: 'Say what the patient is allergic to.', severityRequired: 'Choose how severe the reaction is.',
    typed: 'Penicillin', addProblem: 'Add problem', findProblem: 'Find the condition in ICD-10 (optional)', problemQuery: 'type 2 diabetes',
    onset: 'Since', onsetInvalid: /Write the year \(2019\)/, saveProblem: 'Add to the problem list', resolved: 'Resolved', enteredInError: 'Entered in error',
  },
  ar: {
    banner: 'المريض', none: 'لا حساسية معروفة', addAllergy: 'تسجيل حساسية', allergen: 'الحساسية من', reaction: 'التفاعل', severe: 'شديدة',
    saveAllergy: 'تسجيل الحساسية', allergenRequired: 'اذكر ما يتحسس منه المريض.', severityRequired: 'اختر شدة التفاعل.',
    typed: 'بنسلين', addProblem: 'إضافة مشكلة', findProblem: 'ابحث عن الحالة في ICD-10 (اختياري)', problemQuery: 'السكري الثاني',
    onset: 'منذ', onsetInvalid: /اكتب السنة \(2019\)/, saveProblem: 'إضافة إلى قائمة المشكلات', resolved: 'زالت', enteredInError: 'أُدخلت خطأً',
  },
} as const;

async function open(page: Page, server: E2EServer, email: string, path: string) {
  await page.goto(`${server.url}${path}`);
  await signIn(page, email);
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`allergies and problems from the screens on ${dialect.client}`, { skip }, () => {
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
      test(`record a free-text allergy and be warned prescribing; add, resolve and correct (${language})`, async () => {
        const words = WORDS[language];
        const rx = ORDERS[language];
        const shots = dialect.client === 'sqlite';
        const doctor = await server.user('doctor', { name: 'Khalid Omer Hassan' });
        const desk = await as(server, (await server.user('receptionist', { name: 'Sara Osman Ali' })).id);
        const patient = await api(server, desk, 'POST', '/patients', { firstName: 'Hawa', lastName: 'Adam', firstNameAr: 'حواء', lastNameAr: 'آدم', sex: 'female', dateOfBirth: '1979-11-20', confirmNew: true });
        const encounter = await api(server, await as(server, doctor.id), 'POST', '/encounters', { patientId: patient.id });
        const allergies = () => server.env.db.kysely.selectFrom('patient_allergies').select(['substance', 'medication_code', 'severity', 'reaction', 'status']).where('patient_id', '=', patient.id).execute();

        await withPage(browser, `clinical-history-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await open(page, server, doctor.email, `/clinical/encounters/${encounter.id}`);
          const banner = page.getByRole('region', { name: words.banner });
          await banner.getByText(words.none).waitFor();

          // The form says what is missing before anything is sent.
          await banner.getByRole('button', { name: words.addAllergy }).click();
          const dialog = page.getByRole('dialog');
          await dialog.getByRole('button', { name: words.saveAllergy }).click();
          await dialog.getByText(words.allergenRequired).waitFor();
          await dialog.getByText(words.severityRequired).waitFor();
          assert.equal((await allergies()).length, 0);
          // Written freely, not chosen from the classes: the server still knows it is the penicillin class.
          await field(dialog, words.allergen).fill(words.typed);
          await page.keyboard.press('Escape');
          await field(dialog, words.reaction).fill(language === 'en' ? 'Hives' : 'شرى');
          await dialog.getByRole('radio', { name: words.severe }).check();
          await assertAccessible(page, `allergy form (${language})`);
          if (shots) await capture(page, 'clinical-allergy-form');
          await dialog.getByRole('button', { name: words.saveAllergy }).click();
          await dialog.waitFor({ state: 'detached' });
          await banner.getByText(new RegExp(`${words.typed} · ${words.severe}`)).waitFor();
          assert.deepEqual((await allergies()).map((a) => ({ ...a })), [{ substance: words.typed, medication_code: null, severity: 'severe', reaction: language === 'en' ? 'Hives' : 'شرى', status: 'active' }]);

          // Amoxicillin is now warned about in plain words, and nothing is prescribed.
          await field(page, rx.findMedicine).pressSequentially('amoxicillin', { delay: 20 });
          await page.getByRole('option').filter({ hasText: /500 mg · capsule/ }).first().click();
          for (const [label, value] of [[rx.dose, '500'], [rx.unit, 'mg'], [rx.frequency, 'three times daily'], [rx.days, '5']] as const) {
            await field(page, label).and(page.locator('input')).fill(value);
          }
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: rx.prescribe, exact: true }).click();
          await page.getByRole('alert').filter({ hasText: rx.allergyWarning }).waitFor();
          assert.equal((await server.env.db.kysely.selectFrom('prescriptions').select('id').where('encounter_id', '=', encounter.id).execute()).length, 0);

          // A problem found in ICD-10; its onset is checked while typing.
          await banner.getByRole('button', { name: words.addProblem }).click();
          await field(dialog, words.findProblem).pressSequentially(words.problemQuery, { delay: 20 });
          await page.getByRole('option').filter({ hasText: 'E11.9' }).click();
          await field(dialog, words.onset).fill('20199');
          await dialog.getByText(words.onsetInvalid).waitFor();
          await field(dialog, words.onset).fill('2019');
          await assertAccessible(page, `problem form (${language})`);
          if (shots) await capture(page, 'clinical-problem-form');
          await dialog.getByRole('button', { name: words.saveProblem }).click();
          await dialog.waitFor({ state: 'detached' });
          const problem = await server.env.db.kysely.selectFrom('patient_problems').select(['code', 'onset_date', 'status']).where('patient_id', '=', patient.id).executeTakeFirstOrThrow();
          assert.deepEqual({ ...problem }, { code: 'E11.9', onset_date: '2019', status: 'active' });
        });

        await withPage(browser, `clinical-history-chart-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await open(page, server, doctor.email, `/clinical/patients/${patient.id}`);
          const line = page.getByTestId('problem').filter({ hasText: 'E11.9' });
          await line.waitFor();
          await assertAccessible(page, `chart with the problem and allergy (${language})`);
          if (shots) await capture(page, 'clinical-chart-history');
          await line.getByRole('button', { name: new RegExp(words.resolved, 'i') }).click();
          await line.waitFor({ state: 'detached' });
          // The allergy was a mistake after all: marked, not deleted.
          const banner = page.getByRole('region', { name: words.banner });
          await banner.getByRole('button', { name: words.addAllergy }).click();
          await page.getByRole('dialog').getByRole('button', { name: new RegExp(words.enteredInError, 'i') }).click();
          await page.keyboard.press('Escape');
          await banner.getByText(words.none).waitFor();
          assert.deepEqual((await allergies()).map((a) => a.status), ['entered_in_error']);
          const resolved = await server.env.db.kysely.selectFrom('patient_problems').select('status').where('patient_id', '=', patient.id).executeTakeFirstOrThrow();
          assert.equal(resolved.status, 'resolved');
        });
      });
    }
  });
}
