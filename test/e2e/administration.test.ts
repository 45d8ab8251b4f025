// Administration in Chromium, in English and Arabic, on SQLite and PostgreSQL: an administrator
// adds a staff member (the rules checked while typing, a taken email refused on its field), the
// temporary password is shown once, the new person signs in with it and must choose their own;
// the administrator disables the account (her session ends) and enables it again. Also the MFA
// policy (no role above the administrator's offered), working hours and exceptions, the facility's
// details, and a receptionist, who sees no administration and is told so on a deep link.
// Every screen is checked with axe-core and photographed at laptop and phone size.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { createFacility, type TestUser } from '../support/fixtures.ts';
import { assertAccessible, capture, documentLanguage, field, signIn, tabTo, withPage } from './support/page.ts';
import { addStaff, words, type Language } from './support/administration.ts';

const skip = skipWithoutBrowser();
const LANGUAGES = ['en', 'ar'] as const;
const OWN_PASSWORD = 'Blue-Nile-Morning-2031';

async function signInAs(page: Page, server: E2EServer, email: string, language: Language, path = '/administration') {
  await page.goto(`${server.url}${path}`);
  await signIn(page, email);
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
}

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`administration on ${dialect.client}`, { skip }, () => {
    let server: E2EServer;
    let browser: Browser;
    let root: TestUser;
    before(async () => {
      server = await startE2EServer(dialect);
      browser = await launchBrowser();
      // An installation always has one (bootstrap); the server refuses membership changes that would leave none.
      root = await server.user('super_admin', { name: 'Hassan Elbashir' });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    const shots = dialect.client === 'sqlite';

    for (const language of LANGUAGES) {
      const w = (key: string, values?: Record<string, string | number>) => words(language, key, values);

      test(`an administrator adds a staff member who must change the temporary password, then disables her (${language})`, async () => {
        const admin = await server.user('facility_admin', { name: 'Khalid Osman Ali' });
        const email = `sara.${language}.${dialect.client}@clinic.sd`;
        const name = language === 'ar' ? 'سارة عثمان' : 'Sara Osman';
        await withPage(browser, `admin-staff-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAs(page, server, admin.email, language);
          await page.getByRole('navigation').getByRole('link', { name: w('administration:nav') }).waitFor();
          await assertAccessible(page, `administration home (${language})`);
          if (shots) await capture(page, 'admin-home');

          await page.getByRole('link', { name: new RegExp(w('administration:staff.title')) }).first().click();
          await page.getByRole('heading', { name: w('administration:staff.title'), level: 1 }).waitFor();
          await page.getByRole('link', { name: admin.name }).first().waitFor();
          await assertAccessible(page, `staff list (${language})`);
          if (shots) await capture(page, 'admin-staff');

          // The rules while typing: a space in an email is wrong however the typing goes on.
          await page.getByRole('link', { name: w('administration:staff.add') }).click();
          await field(page, w('administration:staff.email')).fill('sara osman');
          await page.getByText(w('administration:rules.emailInvalid')).waitFor();
          // Saving half-done names what is missing, on the fields that need it.
          await page.getByRole('button', { name: w('administration:create.submit') }).click();
          await page.getByText(w('administration:rules.nameRequired')).waitFor();
          await page.getByText(w('administration:rules.roleRequired')).waitFor();
          await assertAccessible(page, `add staff with errors (${language})`);
          if (shots) await capture(page, 'admin-staff-new');
          await page.getByRole('link', { name: w('administration:staff.back') }).click();

          const password = await addStaff(page, language, { name, email, phone: '+249 912 000 111', role: 'nurse' });
          assert.match(password, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
          await assertAccessible(page, `temporary password shown (${language})`);
          if (shots) await capture(page, 'admin-staff-created');
          const row = await server.env.db.kysely.selectFrom('users').select(['id', 'must_change_password', 'phone']).where('email', '=', email).executeTakeFirstOrThrow();
          assert.deepEqual({ must: Number(row.must_change_password), phone: row.phone }, { must: 1, phone: '+249912000111' });

          // The same email again: refused by the server, on the email field.
          await page.getByRole('button', { name: w('administration:create.another') }).click();
          await field(page, w('administration:staff.name')).fill('Someone Else');
          await field(page, w('administration:staff.email')).fill(email.toUpperCase());
          await page.getByRole('combobox', { name: w('administration:staff.role') }).click();
          await page.getByRole('option', { name: w('common:roles.doctor'), exact: true }).click();
          await page.getByRole('button', { name: w('administration:create.submit') }).click();
          const emailField = field(page, w('administration:staff.email'));
          await page.locator('[aria-invalid="true"]').first().waitFor();
          assert.equal(await emailField.getAttribute('aria-invalid'), 'true', 'the taken email is marked on its field');
          assert.equal(await page.getByTestId('temporary-password').count(), 0, 'no password is shown for a refused account');

          // She signs in with the temporary password and must choose her own.
          await withPage(browser, `admin-new-staff-${dialect.client}-${language}`, { language }, async ({ page: hers }) => {
            await hers.goto(`${server.url}/`);
            await signIn(hers, email, password);
            await hers.getByRole('heading', { name: language === 'ar' ? 'اختر كلمة مرور جديدة' : 'Choose a new password' }).waitFor();
            await field(hers, language === 'ar' ? 'كلمة المرور الحالية' : 'Current password').fill(password);
            await field(hers, language === 'ar' ? 'كلمة المرور الجديدة' : 'New password').fill(OWN_PASSWORD);
            await field(hers, language === 'ar' ? 'أعد كتابة كلمة المرور الجديدة' : 'New password again').fill(OWN_PASSWORD);
            await hers.getByRole('button', { name: language === 'ar' ? 'تغيير كلمة المرور' : 'Change password' }).click();
            await hers.getByRole('heading', { level: 1, name: new RegExp(language === 'ar' ? 'مرحبًا' : 'Welcome') }).waitFor();
            // A nurse sees no administration.
            assert.equal(await hers.getByRole('navigation').getByRole('link', { name: w('administration:nav') }).count(), 0);

            // The administrator disables her: her next request finds the session gone.
            await page.goto(`${server.url}/administration/staff/${row.id}`);
            await page.getByRole('heading', { name, level: 1 }).waitFor();
            await assertAccessible(page, `staff member (${language})`);
            if (shots) await capture(page, 'admin-staff-member');
            await page.getByRole('button', { name: w('administration:account.disable') }).click();
            const dialog = page.getByRole('dialog');
            await dialog.getByText(w('administration:account.disableConfirm', { name })).waitFor();
            await assertAccessible(page, `disable confirmation (${language})`);
            await dialog.getByRole('button', { name: w('administration:confirm') }).click();
            await page.getByRole('status').filter({ hasText: w('administration:account.disabled', { name }) }).waitFor();
            await page.getByText(w('administration:status.disabled'), { exact: true }).first().waitFor();
            const after = await server.env.db.kysely.selectFrom('users').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
            assert.equal(after.status, 'disabled');
            await hers.reload();
            await hers.waitForURL(/\/sign-in/);
          });

          // Enabled again, with a new temporary password, shown once.
          await page.getByRole('button', { name: w('administration:account.enable') }).click();
          await page.getByRole('status').filter({ hasText: w('administration:account.enabled', { name }) }).waitFor();
          await page.getByRole('button', { name: w('administration:account.newPassword') }).click();
          await page.getByRole('dialog').getByRole('button', { name: w('administration:confirm') }).click();
          const next = (await page.getByTestId('temporary-password').innerText()).trim();
          assert.notEqual(next, password);
          const final = await server.env.db.kysely.selectFrom('users').select(['status', 'must_change_password']).where('id', '=', row.id).executeTakeFirstOrThrow();
          assert.deepEqual({ status: final.status, must: Number(final.must_change_password) }, { status: 'active', must: 1 });
          await page.reload();
          await page.getByRole('heading', { name, level: 1 }).waitFor();
          assert.equal(await page.getByTestId('temporary-password').count(), 0, 'the password is not shown again');

          // Her role in this facility changes; the System administrator role is not offered.
          await page.getByRole('combobox', { name: w('administration:roles.here') }).click();
          assert.equal(await page.getByRole('option', { name: w('common:roles.super_admin') }).count(), 0);
          await page.getByRole('option', { name: w('common:roles.doctor'), exact: true }).click();
          await page.getByRole('button', { name: w('administration:roles.save') }).click();
          await page.getByRole('status').filter({ hasText: w('administration:roles.saved') }).waitFor();
          const membership = await server.env.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', row.id).execute();
          assert.deepEqual(membership.map((m) => m.role), ['doctor']);
        });
      });

      test(`the staff list searches by the start of a name and pages through the cursor; keyboard alone (${language})`, async () => {
        const admin = await server.user('facility_admin', { name: 'Khalid Osman Ali' });
        const prefix = language === 'ar' ? 'زينب' : 'Zainab';
        for (let i = 0; i < 30; i++) await server.user('nurse', { name: `${prefix} ${String(i).padStart(2, '0')}` });
        await withPage(browser, `admin-staff-paging-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAs(page, server, admin.email, language, '/administration/staff');
          // The keyboard reaches the search box past the navigation, with the focus always visible.
          await tabTo(page, new RegExp(w('administration:staff.search')), 25);
          await page.keyboard.type(prefix);
          // The answer to the search replaces the whole list (the first page of all staff is 25 long too).
          await page.getByText(w(`administration:staff.shownMore_${new Intl.PluralRules(language).select(25)}`, { count: 25 })).waitFor();
          const names = page.getByRole('table').locator('tbody tr td:first-child');
          await expectCount(async () => (await names.allInnerTexts()).filter((n) => n.startsWith(prefix)).length, 25, 'the first page of 25, all found by the search');
          assert.equal(await names.count(), 25);
          await page.getByRole('button', { name: w('administration:staff.more') }).click();
          await expectCount(() => names.count(), 30, 'the next page is added');
          assert.equal(await page.getByRole('button', { name: w('administration:staff.more') }).count(), 0, 'no more pages');
          await page.locator('label').filter({ hasText: new RegExp(`^${w('administration:status.disabled')}$`) }).click();
          await page.getByText(w('administration:staff.none')).waitFor();
          await assertAccessible(page, `staff search (${language})`);

          // A system administrator's account is not the facility administrator's to change: nothing offered.
          await page.goto(`${server.url}/administration/staff/${root.id}`);
          await page.getByText(w('administration:account.superAdminOnly')).waitFor();
          assert.equal(await page.getByRole('button', { name: w('administration:account.newPassword') }).count(), 0);
          // Someone who also works elsewhere: the screen cannot know, the server refuses and says why.
          const elsewhere = await createFacility(server.env.db, { name: 'Bahri Clinic' });
          const shared = await server.user('doctor', { name: `Omer Babiker ${language}`, facilities: [server.facility, elsewhere] });
          await page.goto(`${server.url}/administration/staff/${shared.id}`);
          await page.getByRole('button', { name: w('administration:account.newPassword') }).click();
          await page.getByRole('dialog').getByRole('button', { name: w('administration:confirm') }).click();
          const refusal = page.getByRole('alert');
          await refusal.waitFor();
          if (language === 'en') await refusal.getByText(/also works in other facilities/).waitFor();
          assert.equal(await page.getByTestId('temporary-password').count(), 0);
          await assertAccessible(page, `a refused account change (${language})`);
        });
      });

      test(`the MFA policy offers no role above the administrator's, and is saved (${language})`, async () => {
        const admin = await server.user('facility_admin', { name: 'Khalid Osman Ali' });
        await withPage(browser, `admin-mfa-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAs(page, server, admin.email, language, '/administration/security');
          await page.getByRole('heading', { name: w('administration:security.title'), level: 1 }).waitFor();
          const doctor = page.getByRole('checkbox', { name: w('common:roles.doctor') });
          await doctor.waitFor();
          assert.equal(await page.getByRole('checkbox', { name: w('common:roles.super_admin') }).count(), 0, 'super_admin is not offered');
          await page.getByRole('checkbox', { name: w('common:roles.facility_admin') }).waitFor();
          const wasChecked = await doctor.isChecked();
          await doctor.click();
          await page.getByRole('button', { name: w('administration:security.save') }).click();
          await page.getByRole('status').filter({ hasText: w('administration:security.saved') }).waitFor();
          const roles = (await server.env.db.kysely.selectFrom('facility_mfa_roles').select('role').where('facility_id', '=', server.facility.id).execute()).map((r) => r.role);
          assert.equal(roles.includes('doctor'), !wasChecked);
          await assertAccessible(page, `MFA policy (${language})`);
          if (shots) await capture(page, 'admin-mfa');
        });
      });

      test(`working hours and a day off; the facility's details (${language})`, async () => {
        const admin = await server.user('facility_admin', { name: 'Khalid Osman Ali' });
        const doctor = await server.user('doctor', { name: language === 'ar' ? 'د. منى الطيب' : 'Dr Mona Eltayeb' });
        await withPage(browser, `admin-hours-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAs(page, server, admin.email, language, '/administration/hours');
          // A day off until now (each language its own: the facility's week is shared).
          const day = language === 'en' ? 'friday' : 'saturday';
          const friday = page.getByRole('group', { name: w(`administration:days.${day}`) });
          await friday.getByText(w('administration:hours.dayOff')).waitFor();
          // Two ranges that overlap are marked while editing, and saving waits until they do not.
          await friday.getByRole('button', { name: w('administration:hours.add') }).click();
          await friday.getByRole('button', { name: w('administration:hours.add') }).click();
          await friday.getByText(w('administration:rules.overlap')).waitFor();
          assert.equal(await page.getByRole('button', { name: w('administration:hours.save') }).isDisabled(), true);
          await friday.getByRole('button', { name: w('administration:hours.remove', { day: w(`administration:days.${day}`) }) }).last().click();
          await page.getByRole('button', { name: w('administration:hours.save') }).click();
          await page.getByRole('status').filter({ hasText: w('administration:hours.saved') }).waitFor();
          const saved = await server.env.db.kysely.selectFrom('facility_working_hours').select('week').where('facility_id', '=', server.facility.id).executeTakeFirstOrThrow();
          assert.deepEqual((JSON.parse(saved.week) as Record<string, unknown>)[day], [{ start: '08:00', end: '16:00' }]);
          await assertAccessible(page, `working hours (${language})`);

          // The doctor's day off, a date after today (whatever today is).
          await page.getByRole('combobox', { name: w('administration:hours.whose') }).click();
          await page.getByRole('option', { name: new RegExp(doctor.name) }).click();
          await page.getByRole('heading', { name: w('administration:exceptions.title') }).waitFor();
          const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
          await field(page, w('administration:exceptions.date')).fill(date);
          await field(page, w('administration:exceptions.reason')).fill(language === 'ar' ? 'إجازة' : 'Leave');
          await page.getByRole('button', { name: w('administration:exceptions.save') }).click();
          await page.getByRole('table', { name: w('administration:exceptions.title') }).getByRole('row').nth(1).waitFor();
          const exception = await server.env.db.kysely.selectFrom('provider_schedule_exceptions').select(['date', 'hours']).where('provider_id', '=', doctor.id).executeTakeFirstOrThrow();
          assert.deepEqual({ ...exception }, { date, hours: null });
          // The same date again: the server's 409 lands on the date field.
          await field(page, w('administration:exceptions.date')).fill(date);
          await page.getByRole('button', { name: w('administration:exceptions.save') }).click();
          await page.locator('input[type="date"][aria-invalid="true"]').waitFor();
          await page.getByText(w('administration:rules.dateTaken')).waitFor();
          await assertAccessible(page, `provider hours and exceptions (${language})`);
          if (shots) await capture(page, 'admin-hours');

          await page.goto(`${server.url}/administration/facility`);
          await page.getByRole('heading', { name: w('administration:facility.title'), level: 1 }).waitFor();
          const facilityName = field(page, w('administration:facility.name'));
          const original = await facilityName.inputValue();
          await facilityName.fill(' ');
          await facilityName.blur();
          await page.getByText(w('administration:rules.nameRequired')).waitFor();
          await facilityName.fill(original);
          await field(page, w('administration:facility.lock')).fill('15');
          await page.getByRole('button', { name: w('administration:facility.save') }).click();
          await page.getByRole('status').filter({ hasText: w('administration:facility.saved') }).waitFor();
          const facility = await server.env.db.kysely.selectFrom('facilities').select('lock_after_minutes').where('id', '=', server.facility.id).executeTakeFirstOrThrow();
          assert.equal(Number(facility.lock_after_minutes), 15);
          await assertAccessible(page, `facility (${language})`);
          if (shots) await capture(page, 'admin-facility');
        });
      });

      test(`a super admin adds a department and creates a facility; a taken code is refused on its field (${language})`, async () => {
        const code = `${language.toUpperCase()}${dialect.client === 'sqlite' ? 'S' : 'P'}`;
        await withPage(browser, `admin-facilities-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAs(page, server, root.email, language, '/administration/facility');
          await field(page, w('administration:departments.name')).fill(language === 'ar' ? 'الطوارئ' : 'Emergency');
          await field(page, w('administration:departments.code')).fill(`er${code}`); // upper-cased as typed
          await page.getByRole('button', { name: w('administration:departments.add') }).click();
          await page.getByRole('list', { name: w('administration:departments.title') }).getByText(`ER${code}`).waitFor();

          // The code of an existing facility: the server's 409 lands on the code field of the new one.
          const form = page.locator('form').last();
          await field(form, w('administration:facility.name')).fill(language === 'ar' ? 'مستشفى بحري' : 'Bahri Hospital');
          await field(form, w('administration:facility.code')).fill(server.facility.code);
          await form.getByRole('combobox', { name: w('administration:facility.type') }).click();
          await page.getByRole('option', { name: w('administration:facility.types.hospital') }).click();
          await form.getByRole('combobox', { name: w('administration:facility.state') }).click();
          await page.getByRole('option', { name: language === 'ar' ? 'الخرطوم' : 'Khartoum', exact: true }).click();
          await form.getByRole('button', { name: w('administration:facilities.createSubmit') }).click();
          await expectInvalid(field(form, w('administration:facility.code')));
          await field(form, w('administration:facility.code')).fill(`BH${code}`);
          await form.getByRole('button', { name: w('administration:facilities.createSubmit') }).click();
          await page.getByRole('status').filter({ hasText: language === 'ar' ? 'مستشفى بحري' : 'Bahri Hospital' }).waitFor();
          const made = await server.env.db.kysely.selectFrom('facilities').select(['type', 'state']).where('code', '=', `BH${code}`).executeTakeFirstOrThrow();
          assert.deepEqual({ ...made }, { type: 'hospital', state: 'khartoum' });
          await assertAccessible(page, `facilities for a super admin (${language})`);
        });
      });

      test(`a receptionist sees no administration or compliance, and a deep link says it is not allowed (${language})`, async () => {
        const receptionist = await server.user('receptionist');
        await withPage(browser, `admin-receptionist-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await signInAs(page, server, receptionist.email, language, '/');
          const nav = page.getByRole('navigation');
          await nav.getByRole('link').first().waitFor();
          assert.equal(await nav.getByRole('link', { name: w('administration:nav') }).count(), 0);
          assert.equal(await nav.getByRole('link', { name: w('compliance:nav') }).count(), 0);
          for (const path of ['/administration', '/administration/staff/new', '/compliance']) {
            await page.goto(`${server.url}${path}`);
            await page.getByRole('heading', { name: w('common:notAllowed.title'), level: 1 }).waitFor();
            await page.getByText(w('common:notAllowed.text')).waitFor();
          }
          await assertAccessible(page, `not allowed (${language})`);
          if (shots) await capture(page, 'not-allowed');
        });
      });
    }
  });
}

async function expectInvalid(input: ReturnType<typeof field>): Promise<void> {
  for (let i = 0; i < 100 && await input.getAttribute('aria-invalid') !== 'true'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(await input.getAttribute('aria-invalid'), 'true', 'the field is marked');
}

async function expectCount(count: () => Promise<number>, expected: number, what: string): Promise<void> {
  for (let i = 0; i < 100 && await count() !== expected; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(await count(), expected, what);
}
