// Compliance in Chromium, in English and Arabic, on SQLite and PostgreSQL: a compliance officer
// reads the audit log (no administration offered to the role), pages through it, filters it by a
// patient — only that patient's events, the ID checked while typing — and by who did it, and opens
// an event's details. Every screen is checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { authHeaders, tokenFor } from '../support/fixtures.ts';
import { registered, type Desk } from '../support/patients.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, documentLanguage, field, signIn, withPage } from './support/page.ts';
import { words } from './support/administration.ts';

const skip = skipWithoutBrowser();
const PAGE = 50; // src/web/features/compliance/queries.ts

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`compliance on ${dialect.client}`, { skip }, () => {
    let server: E2EServer;
    let browser: Browser;
    let desk: Desk;
    let receptionistName: string;
    let hawa: { id: string; mrn: string };
    let other: { id: string; mrn: string };
    before(async () => {
      server = await startE2EServer(dialect);
      browser = await launchBrowser();
      const receptionist = await server.user('receptionist', { name: 'Amira Hassan Mohamed' });
      receptionistName = receptionist.name;
      desk = { facility: server.facility, userId: receptionist.id, headers: authHeaders(await tokenFor(server.app, receptionist.id), server.facility.id) };
      hawa = await registered(server.app, desk, { firstNameAr: 'حواء', lastNameAr: 'الطيب', firstName: 'Hawa', lastName: 'Eltayeb', sex: 'female', dateOfBirth: '1990-05-12' });
      other = await registered(server.app, desk, { firstNameAr: 'مريم', lastNameAr: 'بشير', sex: 'female', dateOfBirth: '1978-11-02' });
      // Enough reads for more than one page of the log.
      for (let i = 0; i < PAGE; i++) {
        const res = await server.app.inject({ method: 'GET', url: `/api/v1/patients/${i % 2 ? hawa.id : other.id}`, headers: desk.headers });
        assert.equal(res.statusCode, 200);
      }
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const language of ['en', 'ar'] as const) {
      const w = (key: string, values?: Record<string, string | number>) => words(language, key, values);

      test(`the audit log pages, filters by patient and by who, and shows an event's details (${language})`, async () => {
        const officer = await server.user('compliance_officer', { name: 'Nadia Salih' });
        await withPage(browser, `compliance-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await page.goto(`${server.url}/compliance`);
          await signIn(page, officer.email);
          await page.getByRole('heading', { name: w('compliance:title'), level: 1 }).waitFor();
          assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
          const nav = page.getByRole('navigation');
          await nav.getByRole('link', { name: w('compliance:nav') }).waitFor();
          assert.equal(await nav.getByRole('link', { name: w('administration:nav') }).count(), 0, 'a compliance officer administers nothing');

          const table = page.getByRole('table', { name: w('compliance:title') });
          const rows = table.locator('tbody tr');
          await rows.first().waitFor();
          assert.equal(await rows.count(), PAGE, 'the first page');
          await page.getByRole('button', { name: w('compliance:more') }).click();
          await expectEventually(async () => (await rows.count()) > PAGE, 'the next page is added below');
          await assertAccessible(page, `audit log (${language})`);

          // A patient ID is checked while typing; the list follows the filter once applied.
          const patient = field(page, w('compliance:filters.patient'));
          await patient.fill(hawa.mrn);
          await page.getByText(w('compliance:rules.uuidInvalid')).waitFor();
          assert.equal(await page.getByRole('button', { name: w('compliance:filters.apply') }).isDisabled(), true);
          await patient.fill(hawa.id);
          await page.getByRole('button', { name: w('compliance:filters.apply') }).click();
          await page.waitForURL((url) => url.searchParams.get('patientId') === hawa.id);
          await expectEventually(async () => (await rows.count()) > 0 && (await rows.count()) < PAGE, 'the filtered list');
          const patientCells = await rows.locator('td:nth-child(5)').allInnerTexts();
          assert.ok(patientCells.every((c) => c.includes(hawa.id.slice(-8))), `only Hawa's events: ${patientCells.join(', ')}`);
          assert.ok(!patientCells.some((c) => c.includes(other.id.slice(-8))));
          const actions = await rows.locator('td:nth-child(3)').allInnerTexts();
          assert.ok(actions.includes('patient.create') && actions.includes('patient.read'), actions.join(', '));
          if (dialect.client === 'sqlite') await capture(page, 'compliance-log');

          // The registration's details.
          const created = rows.filter({ hasText: 'patient.create' });
          await created.getByRole('button', { name: new RegExp(w('compliance:columns.details')) }).click();
          const dialog = page.getByRole('dialog', { name: w('compliance:details.title') });
          await dialog.getByText(hawa.id, { exact: true }).waitFor();
          await dialog.getByText(receptionistName).waitFor();
          assert.match(await dialog.getByTestId('event-details').innerText(), new RegExp(hawa.mrn));
          await assertAccessible(page, `audit event details (${language})`);
          if (dialect.client === 'sqlite') await capture(page, 'compliance-event');
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden' });

          // Who: the receptionist, found by the start of her name.
          await page.getByRole('button', { name: w('compliance:filters.clear') }).click();
          await page.waitForURL((url) => url.search === '');
          await expectEventually(async () => (await rows.count()) >= PAGE, 'the whole log again');
          const who = page.getByRole('combobox', { name: w('compliance:filters.who') });
          await who.fill('Amira');
          await page.getByRole('option', { name: new RegExp(receptionistName) }).click();
          await page.getByRole('button', { name: w('compliance:filters.apply') }).click();
          await page.waitForURL((url) => url.searchParams.get('actorId') === desk.userId);
          await expectEventually(async () => {
            const cells = await rows.locator('td:nth-child(2)').allInnerTexts();
            return cells.length > 0 && cells.every((c) => c.trim() === receptionistName);
          }, 'only the receptionist\'s events');
          await assertAccessible(page, `audit log by who (${language})`);
        });
      });
    }
  });
}

async function expectEventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`not reached: ${what}`);
}
