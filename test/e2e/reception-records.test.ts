// A patient's record in Chromium, in English and Arabic: editing it when someone else saved first
// (the API's 409 version_conflict: the message, reloading with what was typed kept, saving again),
// merging a duplicate after seeing both records side by side, what roles without the write or merge
// permission see, and the keyboard alone. Every screen is checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/server/platform/access/roles.ts';
import { openDesk, registered, type Desk } from '../support/patients.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, documentLanguage, field, signIn, tabTo, withPage } from './support/page.ts';
import { RECEPTION, findPatient, isFocused, type Language } from './support/reception.ts';

const skip = skipWithoutBrowser();
const LANGUAGES = ['en', 'ar'] as const;

describe('reception patient records', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let desk: Desk;
  before(async () => {
    server = await startE2EServer({ client: 'sqlite' });
    browser = await launchBrowser();
    desk = await openDesk(server.app, 'receptionist', server.facility);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function start(page: Page, language: Language, path: string, role: Role = 'receptionist') {
    const user = await server.user(role, { name: 'Amira Hassan Mohamed' });
    await page.goto(`${server.url}${path}`);
    await signIn(page, user.email);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
  }

  for (const language of LANGUAGES) {
    test(`an edit that someone else overtook: the conflict is said, reloading keeps what was typed, saving again works (${language})`, async () => {
      const text = RECEPTION[language];
      const n = language === 'en' ? 1 : 2;
      const patient = await registered(server.app, desk, {
        firstNameAr: 'زينب', lastNameAr: 'حسن', firstName: 'Zainab', lastName: 'Hassan', sex: 'female', dateOfBirth: '1995-02-20',
        phone: `09120003${n}0`, address: { state: 'khartoum', locality: 'Omdurman' },
      });
      await withPage(browser, `reception-conflict-${language}`, { language }, async ({ page }) => {
        await start(page, language, `/reception/patients/${patient.id}`);
        await page.getByRole('link', { name: text.edit }).click();
        await page.getByRole('heading', { name: text.editTitle, level: 1 }).waitFor();
        const myPhone = `09120003${n}1`;
        await field(page, text.phone).fill(myPhone);

        // Meanwhile, at another desk: the phone and the locality change.
        const other = await server.app.inject({
          method: 'PATCH', url: `/api/v1/patients/${patient.id}`, headers: { ...desk.headers, 'if-match': '"1"' },
          payload: { phone: `09120003${n}9`, address: { state: 'khartoum', locality: 'Bahri' } },
        });
        assert.equal(other.statusCode, 200, other.body);

        await page.getByRole('button', { name: text.saveEdit }).click();
        const conflict = page.getByRole('alert').filter({ hasText: text.conflictTitle });
        await conflict.waitFor();
        const reload = conflict.getByRole('button', { name: text.reload });
        assert.equal(await isFocused(reload), true, 'the way out has the focus');
        assert.equal(await field(page, text.phone).inputValue(), myPhone, 'what was typed is still there');
        await assertAccessible(page, `edit conflict (${language})`);
        await capture(page, 'reception-edit-conflict');

        await reload.click();
        await conflict.waitFor({ state: 'detached' });
        assert.equal(await field(page, text.phone).inputValue(), myPhone, 'my change survives the reload');
        assert.equal(await field(page, text.locality).inputValue(), 'Bahri', "the other user's change comes in");
        await page.getByText(`${text.onRecordNow} +249 912 000 3${n}9`).waitFor(); // what they saved, under my value
        await assertAccessible(page, `edit after reload (${language})`);
        await page.getByRole('button', { name: text.saveEdit }).click();
        await page.getByRole('status').filter({ hasText: text.saved }).waitFor();
        const row = await server.env.db.kysely.selectFrom('patients').select(['phone', 'address_locality', 'version']).where('id', '=', patient.id).executeTakeFirstOrThrow();
        assert.deepEqual({ ...row, version: Number(row.version) }, { phone: `+2499120003${n}1`, address_locality: 'Bahri', version: 3 });
      });
    });

    test(`merge a duplicate: both records side by side, confirmed, then merged (${language})`, async () => {
      const text = RECEPTION[language];
      const n = language === 'en' ? 1 : 2;
      const keep = await registered(server.app, desk, {
        firstNameAr: 'عائشة', fatherNameAr: 'عمر', lastNameAr: 'النور', firstName: 'Aisha', fatherName: 'Omer', lastName: 'Elnour',
        sex: 'female', dateOfBirth: `198${n}-06-01`, phone: `09120004${n}0`,
      });
      const duplicate = await registered(server.app, desk, {
        firstName: 'Aysha', fatherName: 'Omar', lastName: `Alnoor${language === 'en' ? '' : 'e'}`, sex: 'female', birthYear: 1980 + n, birthDateEstimated: true,
      });
      await withPage(browser, `reception-merge-${language}`, { language }, async ({ page }) => {
        await start(page, language, `/reception/patients/${keep.id}`);
        await page.getByRole('link', { name: text.merge }).click();
        await page.getByRole('heading', { name: text.mergeTitle, level: 1 }).waitFor();
        const option = await findPatient(page, `Aysha Omar Alnoor`, duplicate.mrn as string, { label: text.findDuplicate });
        assert.equal(await page.getByRole('option').filter({ hasText: keep.mrn as string }).count(), 0, 'the record kept is not offered');
        await assertAccessible(page, `merge, finding the duplicate (${language})`);
        await option.click();
        const table = page.getByRole('table');
        await table.getByRole('columnheader', { name: new RegExp(keep.mrn as string) }).waitFor();
        await table.getByRole('columnheader', { name: new RegExp(duplicate.mrn as string) }).waitFor();
        const confirm = page.getByRole('button', { name: text.mergeConfirm });
        assert.equal(await confirm.isDisabled(), true, 'nothing happens before the user confirms they checked');
        await assertAccessible(page, `merge confirmation (${language})`);
        await capture(page, 'reception-merge');
        await page.getByRole('checkbox', { name: text.mergeChecked }).check();
        await confirm.click();
        await page.getByRole('status').filter({ hasText: text.merged }).waitFor();
        assert.equal(page.url(), `${server.url}/reception/patients/${keep.id}`);
        const row = await server.env.db.kysely.selectFrom('patients').select(['status', 'merged_into_id']).where('id', '=', duplicate.id).executeTakeFirstOrThrow();
        assert.deepEqual({ ...row }, { status: 'merged', merged_into_id: keep.id });

        // The duplicate's MRN (on an old paper file) still finds it; its page says where the patient is now, and offers no edit.
        await page.goto(`${server.url}/reception`);
        const old = await findPatient(page, duplicate.mrn as string, duplicate.mrn as string);
        assert.match(await old.innerText(), language === 'en' ? /Merged/ : /مدمج/);
        await old.click();
        await page.getByRole('link', { name: text.openSurvivor }).click();
        await page.waitForURL(`${server.url}/reception/patients/${keep.id}`);
        await page.goBack();
        await page.getByRole('link', { name: text.openSurvivor }).waitFor();
        assert.equal(await page.getByRole('link', { name: text.edit }).count(), 0);
        await assertAccessible(page, `merged record (${language})`);
      });
    });

    test(`a role that may only read patients sees no register, edit or merge, and is refused the register page (${language})`, async () => {
      const text = RECEPTION[language];
      const patient = await registered(server.app, desk, { firstName: 'Nafisa', lastName: 'Yousif', sex: 'female', dateOfBirth: '1960-09-09' });
      await withPage(browser, `reception-read-only-${language}`, { language }, async ({ page }) => {
        await start(page, language, '/reception', 'billing_clerk');
        await page.getByRole('heading', { name: text.searchTitle, level: 1 }).waitFor();
        await field(page, text.search).waitFor();
        assert.equal(await page.getByRole('link', { name: text.registerOpen }).count(), 0, 'no register button');
        await page.goto(`${server.url}/reception/patients/${patient.id}`);
        await page.getByTestId('patient-mrn').waitFor();
        assert.equal(await page.getByRole('link', { name: text.edit }).count(), 0, 'no edit');
        assert.equal(await page.getByRole('link', { name: text.merge }).count(), 0, 'no merge');
        await page.goto(`${server.url}/reception/register`);
        await page.getByRole('heading', { name: text.notAllowed }).waitFor();
        await assertAccessible(page, `register refused (${language})`);
      });
    });
  }

  test('a doctor edits but does not merge; a compliance officer has no reception at all', async () => {
    const text = RECEPTION.en;
    const patient = await registered(server.app, desk, { firstName: 'Musa', lastName: 'Abakar', sex: 'male', dateOfBirth: '1975-12-12' });
    await withPage(browser, 'reception-doctor', { language: 'en' }, async ({ page }) => {
      await start(page, 'en', `/reception/patients/${patient.id}`, 'doctor');
      await page.getByRole('link', { name: text.edit }).waitFor();
      assert.equal(await page.getByRole('link', { name: text.merge }).count(), 0);
      await page.goto(`${server.url}/reception/patients/${patient.id}/merge`);
      await page.getByRole('heading', { name: text.notAllowed }).waitFor();
    });
    await withPage(browser, 'reception-compliance', { language: 'en' }, async ({ page }) => {
      await start(page, 'en', '/', 'compliance_officer');
      assert.equal(await page.getByRole('navigation').getByRole('link', { name: text.nav }).count(), 0, 'not in the navigation');
      await page.goto(`${server.url}/reception`);
      await page.getByRole('heading', { name: text.notAllowed }).waitFor();
    });
  });

  test('the keyboard alone: find and open a patient, then go through the registration form; focus always visible', async () => {
    const text = RECEPTION.en;
    const patient = await registered(server.app, desk, { firstName: 'Ishraga', lastName: 'Mustafa', sex: 'female', dateOfBirth: '1988-04-04' });
    await withPage(browser, 'reception-keyboard', { language: 'en' }, async ({ page }) => {
      await start(page, 'en', '/reception');
      await page.keyboard.type('Ishraga Must');
      await page.getByRole('option').filter({ hasText: patient.mrn as string }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByTestId('patient-mrn').waitFor();
      assert.equal(page.url(), `${server.url}/reception/patients/${patient.id}`);

      await page.goto(`${server.url}/reception`);
      await field(page, text.search).waitFor();
      await tabTo(page, new RegExp(text.registerOpen));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: text.registerTitle, level: 1 }).waitFor();
      // Every field of the form is reached with Tab, each showing where the focus is, up to the button.
      await tabTo(page, /^\s*Register\s*$/, 40);
    });
  });
});
