// Reception in Chromium, in English and Arabic: the search box (results as you type, debounced,
// stale searches cancelled, arrow keys, "more results"), registering a patient with Arabic and
// Latin names and finding her again by another spelling (SQLite and PostgreSQL), the rules checked
// while typing and the server's refusals put on their fields, and the duplicate check's candidates
// side by side with "register as new" and "this is the same person". Every screen is checked with
// axe-core and photographed at laptop and phone size.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Route } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { openDesk, registered, type Desk } from '../support/patients.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, documentLanguage, field, signIn, withPage } from './support/page.ts';
import { RECEPTION, describedBy, fillPatientForm, findPatient, isFocused, openPatient, registerPatient, type Language } from './support/reception.ts';

const skip = skipWithoutBrowser();
const LANGUAGES = ['en', 'ar'] as const;
const DEBOUNCE_MS = 300; // src/web/features/reception/PatientSearch.tsx

async function start(page: Page, server: E2EServer, language: Language, path = '/reception') {
  const user = await server.user('receptionist', { name: 'Amira Hassan Mohamed' });
  await page.goto(`${server.url}${path}`);
  await signIn(page, user.email);
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
}

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`reception registration and search on ${dialect.client}`, { skip }, () => {
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

    const PEOPLE = {
      en: { firstNameAr: 'فاطمة', fatherNameAr: 'محمد', grandfatherNameAr: 'أحمد', lastNameAr: 'الأمين', firstName: 'Fatima', fatherName: 'Mohamed', grandfatherName: 'Ahmed', lastName: 'Elamin', phone: '0912345601', variant: 'Fatma Elameen', nationalId: '123-4567-8901' },
      ar: { firstNameAr: 'حواء', fatherNameAr: 'إبراهيم', grandfatherNameAr: 'آدم', lastNameAr: 'الطيب', firstName: 'Hawa', fatherName: 'Ibrahim', grandfatherName: 'Adam', lastName: 'Eltayeb', phone: '+249 912 345 602', variant: 'حوا ابراهيم', nationalId: '23456789012' },
    } as const;

    for (const language of LANGUAGES) {
      test(`register a patient with Arabic and Latin names, then find her by another spelling (${language})`, async () => {
        const text = RECEPTION[language];
        const person = PEOPLE[language];
        await withPage(browser, `reception-register-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await start(page, server, language);
          await page.getByRole('link', { name: text.registerOpen }).click();
          await page.getByRole('heading', { name: text.registerTitle, level: 1 }).waitFor();

          // A name typed in the wrong script is refused while typing, before leaving the field.
          await field(page, text.names.firstName).fill('فاطمة');
          await page.getByText(language === 'en' ? /This is in Arabic letters/ : /هذا مكتوب بالحروف العربية/).waitFor();
          // Leaving the form half-done names what is missing, in the fields that need it.
          await field(page, text.names.firstName).fill('');
          await page.getByRole('button', { name: text.register, exact: true }).click();
          await page.getByText(language === 'en' ? /Enter the family name/ : /اكتب اسم العائلة/).first().waitFor();
          assert.equal(await isFocused(page.locator('[aria-invalid="true"]').first()), true, 'the first field in error has the focus');
          await assertAccessible(page, `registration form with errors (${language})`);

          await fillPatientForm(page, { ...person, sex: 'female', dateOfBirth: '1990-05-12', state: 'khartoum', locality: 'Omdurman' });
          if (dialect.client === 'sqlite') await capture(page, 'reception-register');
          await page.getByRole('button', { name: text.register, exact: true }).click();
          await page.waitForURL(/\/reception\/patients\/[0-9a-f-]{36}$/);
          await page.getByRole('status').filter({ hasText: text.registered }).waitFor();
          const mrn = (await page.getByTestId('patient-mrn').innerText()).trim();

          // The name in the interface's script is the heading; the other script beside it.
          const arabic = `${person.firstNameAr} ${person.fatherNameAr} ${person.grandfatherNameAr} ${person.lastNameAr}`;
          const latin = `${person.firstName} ${person.fatherName} ${person.grandfatherName} ${person.lastName}`;
          const heading = page.getByRole('heading', { level: 1 });
          assert.equal((await heading.innerText()).trim(), language === 'ar' ? arabic : latin);
          assert.equal(await heading.getAttribute('lang'), language);
          await page.getByText(language === 'ar' ? latin : arabic, { exact: true }).waitFor();
          await page.getByText('+249 912 345 60').first().waitFor(); // the phone, normalised by the API and grouped
          const row = await server.env.db.kysely.selectFrom('patients').select(['mrn', 'phone', 'first_name_ar', 'last_name', 'address_state']).where('mrn', '=', mrn).executeTakeFirstOrThrow();
          assert.deepEqual({ ...row }, { mrn, phone: `+249${person.phone.replace(/\D/g, '').slice(-9)}`, first_name_ar: person.firstNameAr, last_name: person.lastName, address_state: 'khartoum' });
          await assertAccessible(page, `patient page (${language})`);
          if (dialect.client === 'sqlite') await capture(page, 'reception-patient');

          // Found again from the search box by another spelling of her name.
          await page.getByRole('link', { name: text.nav }).first().click();
          await openPatient(page, person.variant, mrn);
          assert.equal((await page.getByTestId('patient-mrn').innerText()).trim(), mrn);

          // The steps other tests reuse: an Arabic-only registration with only an estimated birth year.
          const mother = await registerPatient(page, server.url, {
            firstNameAr: language === 'en' ? 'ست النفر' : 'مستورة', fatherNameAr: 'علي', lastNameAr: person.lastNameAr, sex: 'female', birthYear: 1950,
          }, { confirmNew: true });
          assert.notEqual(mother.mrn, mrn);
          await page.goto(`${server.url}/reception`);
          const found = await findPatient(page, `${language === 'en' ? 'ست' : 'مستوره'} ${person.lastNameAr}`, mother.mrn);
          assert.match(await found.innerText(), language === 'en' ? /about 7\d years/ : /نحو/);
        });
      });
    }
  });
}

describe('reception search and duplicates', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let desk: Desk;
  before(async () => {
    server = await startE2EServer({ client: 'sqlite' });
    browser = await launchBrowser();
    desk = await openDesk(server.app, 'receptionist', server.facility);
    // 22 Babikers: more than one page of 20 results.
    for (let i = 0; i < 22; i++) {
      await registered(server.app, desk, {
        firstName: `Amna${String.fromCharCode(97 + i)}`, lastName: 'Babiker', firstNameAr: 'آمنة', lastNameAr: 'بابكر',
        sex: 'female', dateOfBirth: `19${60 + i}-03-04`,
      });
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const language of LANGUAGES) {
    test(`results as you type: debounced, the overtaken search cancelled, the arrow keys, more results (${language})`, async () => {
      const text = RECEPTION[language];
      await withPage(browser, `reception-search-${language}`, { language }, async ({ page }) => {
        await page.clock.install();
        await start(page, server, language);
        const queries: string[] = [];
        const aborted: string[] = [];
        const searchOf = (url: string) => new URL(url).searchParams.get('q');
        page.on('request', (r) => r.url().includes('/api/v1/patients?') && queries.push(searchOf(r.url())!));
        page.on('requestfailed', (r) => r.url().includes('/api/v1/patients?') && aborted.push(`${searchOf(r.url())} ${r.failure()?.errorText}`));
        // The answer to "Amn" is held back, as on a slow network, so that newer typing overtakes it.
        let held: Route | undefined;
        await page.route((url) => url.pathname === '/api/v1/patients' && url.searchParams.get('q') === 'Amn', (route) => {
          held = route;
        });

        const box = field(page, text.search);
        assert.equal(await isFocused(box), true, 'the search box has the focus');
        // The page's clock stands still while typing, so the debounce is measured in its time, not the
        // machine's. (Paused a little ahead of the page's now: its clock runs on while this is sent.)
        const pause = async () => page.clock.pauseAt(await page.evaluate(() => Date.now()) + 2000);
        await pause();
        await box.pressSequentially('Am');
        await page.clock.runFor(DEBOUNCE_MS - 50);
        assert.deepEqual(queries, [], 'nothing is sent while the user is still typing');
        await box.pressSequentially('n');
        await page.clock.runFor(DEBOUNCE_MS);
        await expectEventually(() => held !== undefined, 'the search for "Amn" was sent');
        assert.deepEqual(queries, ['Amn'], 'one request, for what was typed when the typing paused');
        await page.clock.resume();

        await pause();
        await box.pressSequentially('a Babikir'); // another spelling of Babiker
        await page.clock.runFor(DEBOUNCE_MS);
        await page.clock.resume();
        const results = page.getByRole('listbox', { name: text.results });
        await results.getByRole('option').first().waitFor();
        await expectEventually(() => aborted.length > 0, 'the overtaken search is cancelled');
        assert.deepEqual(aborted, ['Amn net::ERR_ABORTED']);
        await held!.fulfill({ json: { items: [], nextCursor: null } }).catch(() => undefined);
        assert.deepEqual(queries, ['Amn', 'Amna Babikir']);

        assert.equal(await results.getByRole('option').count(), 20, 'the first page');
        await page.getByRole('button', { name: text.more }).click();
        await expectEventually(async () => (await results.getByRole('option').count()) === 22, 'the next page is added');
        assert.equal(await page.getByRole('button', { name: text.more }).count(), 0, 'no more pages');
        await assertAccessible(page, `patient search (${language})`);
        await capture(page, 'reception-search');

        // The arrow keys walk the results while the focus stays in the box; Enter opens the one marked.
        await box.press('ArrowDown');
        await box.press('ArrowDown');
        const marked = await box.getAttribute('aria-activedescendant');
        const option = page.locator(`[id="${marked}"]`);
        assert.equal(await option.getAttribute('aria-selected'), 'true');
        assert.equal(await option.getAttribute('role'), 'option');
        const chosen = /[A-Z0-9]+-\d+/.exec(await option.innerText())![0];
        await box.press('Enter');
        await page.getByText(text.patientTitle, { exact: true }).waitFor();
        assert.equal((await page.getByTestId('patient-mrn').innerText()).trim(), chosen, 'the patient marked is the one opened');
      });
    });

    test(`a possible duplicate shows side by side; "register as new" registers her (${language})`, async () => {
      const text = RECEPTION[language];
      const phone = language === 'en' ? '0912000101' : '0912000102';
      const existing = await registered(server.app, desk, {
        firstNameAr: 'مريم', fatherNameAr: 'عثمان', lastNameAr: 'بشير', firstName: 'Mariam', lastName: 'Bashir',
        sex: 'female', dateOfBirth: '1978-11-02', phone, address: { state: 'gezira' },
      });
      await withPage(browser, `reception-duplicates-${language}`, { language }, async ({ page }) => {
        await start(page, server, language, '/reception/register');
        // Someone else with the same phone (a relative's number, as often).
        await fillPatientForm(page, { firstNameAr: 'سلمى', fatherNameAr: 'عثمان', lastNameAr: 'بشير', firstName: 'Salma', lastName: 'Bashir', sex: 'female', dateOfBirth: '2004-01-15', phone });
        await page.getByRole('button', { name: text.register, exact: true }).click();
        await page.getByRole('heading', { name: text.duplicatesTitle }).waitFor();
        const candidate = page.getByRole('region', { name: new RegExp(existing.mrn) });
        const table = candidate.getByRole('table');
        await table.getByRole('columnheader', { name: text.typed }).waitFor();
        await table.getByRole('columnheader', { name: new RegExp(existing.mrn) }).waitFor();
        await candidate.getByText(language === 'en' ? 'Same phone' : 'الهاتف نفسه').waitFor();
        await table.getByRole('cell', { name: 'مريم عثمان بشير' }).waitFor(); // the registered record, read in full
        await table.getByRole('cell', { name: 'سلمى عثمان بشير' }).waitFor(); // and what was typed, beside it
        // Rows that agree are marked (sex and phone); the names and birth differ.
        const same = (await table.locator('tr.nc-same th').allInnerTexts()).map((s) => s.replace(/\(.*\)/, '').trim());
        assert.deepEqual(same, language === 'en' ? ['Sex', 'Phone'] : ['الجنس', 'الهاتف']);
        await assertAccessible(page, `duplicate candidates (${language})`);
        await capture(page, 'reception-duplicates');

        // Back to the form: what was typed is still there.
        await page.getByRole('button', { name: text.back }).click();
        assert.equal(await field(page, text.names.firstName).inputValue(), 'Salma');
        await page.getByRole('button', { name: text.register, exact: true }).click();
        await page.getByRole('button', { name: text.registerNew }).click();
        await page.waitForURL(/\/reception\/patients\/[0-9a-f-]{36}$/);
        const id = page.url().split('/').pop()!;
        assert.notEqual(id, existing.id);
        const row = await server.env.db.kysely.selectFrom('patients').select(['first_name', 'phone']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.deepEqual({ ...row }, { first_name: 'Salma', phone: `+249${phone.slice(1)}` });
      });
    });
  }

  test('"this is the same person" opens the registered record instead of registering again', async () => {
    const text = RECEPTION.en;
    const existing = await registered(server.app, desk, { firstName: 'Khalid', lastName: 'Omer', sex: 'male', dateOfBirth: '1969-07-01', nationalId: '34567890123' });
    await withPage(browser, 'reception-same-person', { language: 'en' }, async ({ page }) => {
      await start(page, server, 'en', '/reception/register');
      await fillPatientForm(page, { firstName: 'Khaled', lastName: 'Omar', sex: 'male', birthYear: 1969, nationalId: '345 6789 0123' });
      await page.getByRole('button', { name: text.register, exact: true }).click();
      await page.getByRole('heading', { name: text.duplicatesTitle }).waitFor();
      await page.getByText('Same national ID').waitFor();
      await page.getByRole('button', { name: text.same }).click();
      await page.waitForURL(`${server.url}/reception/patients/${existing.id}`);
      const count = await server.env.db.kysely.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).where('national_id_index', 'is not', null).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1, 'nobody was registered');
    });
  });

  for (const language of LANGUAGES) {
    test(`a refusal from the server is shown next to its field, in the interface language (${language})`, async () => {
      const text = RECEPTION[language];
      // The server's real answer to a phone number it refuses, replayed for the form's request: the
      // form's own rules would not send one (as they would not send a name in the wrong script, which
      // the server refuses the same way).
      const refusal = await server.app.inject({ method: 'POST', url: '/api/v1/patients', headers: desk.headers, payload: { firstName: 'Test', lastName: 'Refusal', dateOfBirth: '2000-01-01', phone: '12' } });
      assert.equal(refusal.statusCode, 400);
      await withPage(browser, `reception-refusal-${language}`, { language }, async ({ page }) => {
        await start(page, server, language, '/reception/register');
        await page.route('**/api/v1/patients', (route) => route.request().method() === 'POST'
          ? route.fulfill({ status: 400, contentType: 'application/problem+json', body: refusal.body })
          : route.continue());
        await fillPatientForm(page, { firstName: 'Test', lastName: 'Refusal', sex: 'unknown', dateOfBirth: '2000-01-01', phone: '0912345678' });
        await page.getByRole('button', { name: text.register, exact: true }).click();
        const phone = field(page, text.phone);
        await expectEventually(async () => (await phone.getAttribute('aria-invalid')) === 'true', 'the phone field is marked');
        assert.match(await describedBy(page, phone), language === 'en' ? /Not a phone number/ : /ليس رقم هاتف/);
        assert.equal(await page.getByRole('alert').count(), 0, 'nothing left over for a general message');
      });
    });
  }
});

async function expectEventually(check: () => boolean | Promise<boolean>, what: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`never happened: ${what}`);
}
