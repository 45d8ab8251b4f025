// The spec's clinical flow through the screens, in English and Arabic, on SQLite and PostgreSQL:
// a checked-in patient → the nurse starts the visit from the triage queue and records vitals (the
// abnormal ones flagged) → the doctor opens the encounter from the worklist, is told in plain
// words that completing needs a diagnosis, finds malaria by an Arabic search, writes the note and
// completes → the chart shows the encounter with its diagnosis and the vitals trend. Every screen
// is checked with axe-core and photographed at laptop and phone size.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, documentLanguage, field, signIn, withPage } from './support/page.ts';
import { CLINICAL, checkedInPatient } from './support/clinical.ts';
import { isFocused } from './support/reception.ts';

const skip = skipWithoutBrowser();
const LANGUAGES = ['en', 'ar'] as const;

async function signInAt(page: Page, server: E2EServer, email: string, path: string, language: 'en' | 'ar') {
  await page.goto(`${server.url}${path}`);
  await signIn(page, email);
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
}

// On all three databases: the "done when" asks for the clinical flow through the browser on each.
for (const dialect of configuredDialects()) {
  describe(`clinical flow on ${dialect.client}`, { skip }, () => {
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

    for (const language of LANGUAGES) {
      test(`check-in → triage vitals → diagnosis by Arabic search → note → complete → chart (${language})`, async () => {
        const words = CLINICAL[language];
        const shots = dialect.client === 'sqlite';
        const doctor = await server.user('doctor', { name: language === 'en' ? 'Khalid Omer Hassan' : 'Nafisa Ali Idris' });
        const nurse = await server.user('nurse', { name: 'Huda Ahmed Musa' });
        const person = language === 'en'
          ? { first: 'Zainab', last: 'Elnour', firstAr: 'زينب', lastAr: 'النور' }
          : { first: 'Maryam', last: 'Babiker', firstAr: 'مريم', lastAr: 'بابكر' };
        const visit = await checkedInPatient(server, doctor.id, person);
        const nameInScript = language === 'ar' ? `${person.firstAr} ${person.lastAr}` : `${person.first} ${person.last}`;

        // The nurse takes the patient from the queue (starting the visit opens its encounter) and records vitals.
        await withPage(browser, `clinical-triage-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAt(page, server, nurse.email, '/clinical/triage', language);
          const waiting = page.getByTestId('queue-item').filter({ hasText: visit.mrn });
          await waiting.waitFor();
          await waiting.getByText(nameInScript, { exact: true }).waitFor(); // the name in the interface's script
          await assertAccessible(page, `triage queue (${language})`);
          await waiting.getByRole('button').click();
          const banner = page.getByRole('region', { name: language === 'en' ? 'Patient' : 'المريض' });
          await banner.getByRole('heading', { level: 1, name: nameInScript }).waitFor();
          await banner.getByText(words.allergy).waitFor();
          assert.equal(await isFocused(field(page, words.temperature)), true, 'the first vital has the focus');
          // A typing error is caught while typing, with the possible range.
          await field(page, words.pulse).fill('720');
          await page.getByText(words.impossible).waitFor();
          await field(page, words.pulse).fill('112');
          await field(page, words.temperature).fill('39.2');
          await field(page, words.systolic).fill('118');
          await field(page, words.diastolic).fill('76');
          await field(page, words.weight).fill('64');
          await field(page, words.height).fill('170');
          await page.getByRole('button', { name: words.saveVitals }).click();
          await page.getByRole('status').filter({ hasText: words.savedAbnormal }).waitFor();
          const flagged = page.locator('.nc-vital[data-flag]');
          assert.deepEqual(await flagged.evaluateAll((els) => els.map((e) => e.getAttribute('data-field'))), ['temperatureC', 'pulse']);
          await flagged.first().getByText(words.high).waitFor();
          await page.locator('[data-field="bmi"]').getByText('22.1').waitFor(); // 64 kg / 1.70 m², the server's
          await assertAccessible(page, `triage vitals saved (${language})`);
          if (shots) await capture(page, 'clinical-triage');
        });

        // The doctor opens the encounter from the worklist and works through it.
        await withPage(browser, `clinical-workspace-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAt(page, server, doctor.email, '/clinical', language);
          const row = page.getByTestId('worklist-item').filter({ hasText: visit.mrn });
          await row.getByText(nameInScript, { exact: true }).waitFor();
          await assertAccessible(page, `worklist (${language})`);
          if (shots) await capture(page, 'clinical-worklist');
          await row.getByRole('link').click();
          await page.waitForURL(/\/clinical\/encounters\/[0-9a-f-]{36}$/);
          await page.getByTestId('vitals-card').waitFor();
          assert.equal(await page.locator('.nc-vital[data-flag]').count(), 2, 'the abnormal values are highlighted in the workspace too');

          // Completing without a diagnosis is refused, in plain words.
          await page.getByRole('button', { name: words.complete }).click();
          await page.getByRole('alert').filter({ hasText: words.needsDiagnosis }).waitFor();
          await assertAccessible(page, `workspace with the refusal (${language})`);

          // Malaria found by an Arabic search, whatever the interface language.
          const search = field(page, words.findDiagnosis);
          await search.pressSequentially('ملاريا المنجلية', { delay: 20 });
          const option = page.getByRole('option').filter({ hasText: 'B50.9' });
          await option.waitFor();
          // The keyboard walks the results (focus stays in the box) to the one wanted.
          for (let i = 0; i < 10 && await option.getAttribute('aria-selected') !== 'true'; i++) await search.press('ArrowDown');
          await search.press('Enter');
          await page.getByTestId('picked-diagnosis').getByText('B50.9').waitFor();
          await page.getByRole('button', { name: words.addDiagnosis }).click();
          await page.getByTestId('diagnosis').filter({ hasText: 'B50.9' }).waitFor();
          await page.getByTestId('diagnosis').getByText('ملاريا المتصورة المنجلية، غير محددة').waitFor();

          await field(page, words.subjective).fill(language === 'en' ? 'Fever and rigors for three days' : 'حمى ورعشة منذ ثلاثة أيام');
          await field(page, words.assessment).fill(language === 'en' ? 'Falciparum malaria' : 'ملاريا منجلية');
          await field(page, words.plan).fill('Artemether-lumefantrine, review in 3 days');
          await page.getByRole('button', { name: words.saveNote }).click();
          await page.getByTestId('note').waitFor();
          await assertAccessible(page, `workspace ready to complete (${language})`);
          if (shots) await capture(page, 'clinical-workspace');

          await page.getByRole('button', { name: words.complete }).click();
          await page.getByTestId('encounter-status').filter({ hasText: words.completed }).waitFor();
          const stored = await server.env.db.kysely.selectFrom('encounters').select(['status']).where('patient_id', '=', visit.patientId).executeTakeFirstOrThrow();
          assert.equal(stored.status, 'completed');
          const appointment = await server.env.db.kysely.selectFrom('appointments').select('status').where('id', '=', visit.appointmentId).executeTakeFirstOrThrow();
          assert.equal(appointment.status, 'completed', 'completing the encounter completes the appointment');
          await assertAccessible(page, `completed encounter (${language})`);

          // A completed encounter is frozen: a correction is an amendment with its reason, the original kept.
          await page.getByRole('button', { name: words.correctNote }).click();
          await field(page, words.plan).fill('Artemether-lumefantrine, review in 2 days');
          await page.getByRole('button', { name: words.saveCorrection }).click();
          await page.getByText(words.reasonRequired).waitFor();
          await field(page, words.reason).fill(language === 'en' ? 'Review date mistyped' : 'خطأ في موعد المراجعة');
          await page.getByRole('button', { name: words.saveCorrection }).click();
          await page.getByTestId('note').nth(1).getByText('review in 2 days').waitFor();
          assert.equal(await page.locator('[data-testid="note"].nc-superseded').count(), 1, 'the original note stays, marked corrected');

          // The chart shows it: the encounter with its diagnosis, the vitals trend.
          await page.getByRole('link', { name: words.chart }).click();
          await page.waitForURL(/\/clinical\/patients\/[0-9a-f-]{36}$/);
          const past = page.getByTestId('chart-encounter');
          await past.filter({ hasText: 'B50.9' }).filter({ hasText: words.completed }).waitFor();
          assert.equal(await page.getByTestId('trend-chart').locator('circle').count(), 4, 'weight, blood pressure (two) and temperature: one reading each');
          await assertAccessible(page, `patient chart (${language})`);
          if (shots) await capture(page, 'clinical-chart');
        });
      });
    }
  });
}
