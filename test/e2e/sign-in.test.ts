// Signing in as a person does, in Chromium, in English and in Arabic, on SQLite and PostgreSQL:
// the first sign-in of a new account (the forced password change), Home, the account page, a
// reload of a deep link (the refresh cookie brings the session back), and signing out. Each
// screen is checked with axe-core and photographed at laptop and phone size.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, PASSWORD, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, documentLanguage, field, signIn, tabTo, withPage } from './support/page.ts';
import { createFacility } from '../support/fixtures.ts';

const skip = skipWithoutBrowser();
const NEW_PASSWORD = 'Blue-Nile-Morning-2031';

const TEXT = {
  en: { changeTitle: 'Choose a new password', current: 'Current password', next: 'New password', again: 'New password again', change: 'Change password', greeting: /Welcome, Amira/, account: 'My account', signOut: 'Sign out' },
  ar: { changeTitle: 'اختر كلمة مرور جديدة', current: 'كلمة المرور الحالية', next: 'كلمة المرور الجديدة', again: 'أعد كتابة كلمة المرور الجديدة', change: 'تغيير كلمة المرور', greeting: /مرحبًا، Amira/, account: 'حسابي', signOut: 'تسجيل الخروج' },
} as const;

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`web app sign-in on ${dialect.client}`, { skip }, () => {
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
      test(`a new account signs in, chooses its own password and reaches Home (${language})`, async () => {
        const text = TEXT[language];
        const user = await server.user('receptionist', { mustChangePassword: true });
        await withPage(browser, `sign-in-${dialect.client}-${language}`, { language }, async ({ page, context }) => {

          await page.goto(`${server.url}/account`);
          await page.waitForURL(/\/sign-in\?next=%2Faccount$/);
          assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' }, 'the browser language decides before sign-in');
          await assertAccessible(page, `sign-in (${language})`);
          await capture(page, 'sign-in');

          await signIn(page, user.email);
          await page.getByRole('heading', { name: text.changeTitle }).waitFor();
          await assertAccessible(page, `forced password change (${language})`);
          await capture(page, 'change-password');
          await field(page, text.current).fill(PASSWORD);
          await field(page, text.next).fill(NEW_PASSWORD);
          await field(page, text.again).fill(NEW_PASSWORD);
          await page.getByRole('button', { name: text.change }).click();

          // Back to where the user was sent from.
          await page.getByRole('heading', { name: text.account, level: 1 }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/account');
          assert.equal((await documentLanguage(page)).dir, language === 'ar' ? 'rtl' : 'ltr');
          await page.getByTestId('current-facility').filter({ hasText: server.facility.name }).waitFor();
          await assertAccessible(page, `account (${language})`);
          await capture(page, 'account');

          // A reload keeps the session: the access token is gone with the page, the cookie is not.
          await page.reload();
          await page.getByRole('heading', { name: text.account, level: 1 }).waitFor();
          const cookies = await context.cookies();
          const refresh = cookies.find((c) => c.name === 'nilecare_refresh');
          assert.ok(refresh?.httpOnly && refresh.secure && refresh.sameSite === 'Strict', 'the refresh cookie is HttpOnly, Secure (on localhost) and SameSite=Strict');
          const stored = await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })') as string;
          assert.doesNotMatch(stored, /token|Amira|@test/i, 'nothing but UI choices in browser storage');

          await page.goto(`${server.url}/`);
          await page.getByRole('heading', { name: text.greeting }).waitFor();
          await assertAccessible(page, `home (${language})`);
          await capture(page, 'home');

          await page.getByTestId('user-menu').click();
          await page.getByRole('menuitem', { name: text.signOut }).click();
          await page.waitForURL(/\/sign-in$/);
          await page.goto(`${server.url}/account`);
          await page.waitForURL(/\/sign-in\?next=/);
        });
      });
    }

    test('keyboard alone: sign in, pick one of two facilities, switch facility; focus always visible', async () => {
      const second = await createFacility(server.env.db, { name: 'Kassala Health Centre' });
      const user = await server.user('doctor', { name: 'Sami Osman', facilities: [server.facility, second] });
      await withPage(browser, `keyboard-${dialect.client}`, { language: 'en' }, async ({ page }) => {
        await page.goto(`${server.url}/`);
        await page.waitForURL(/\/sign-in$/);
        await tabTo(page, /Email/);
        await page.keyboard.type(user.email);
        await page.keyboard.press('Tab');
        await page.keyboard.type(PASSWORD);
        await page.keyboard.press('Enter');

        await page.getByRole('heading', { name: 'Choose a facility' }).waitFor();
        await assertAccessible(page, 'facility picker');
        await capture(page, 'facility-picker');
        await tabTo(page, /Kassala Health Centre/);
        await page.keyboard.press('Enter');
        await page.getByTestId('current-facility').filter({ hasText: 'Kassala Health Centre' }).waitFor();
        await page.getByTestId('home-facility').filter({ hasText: 'Kassala Health Centre' }).waitFor();

        await tabTo(page, /Current facility: Kassala/);
        await page.keyboard.press('Enter');
        await page.getByRole('menuitem', { name: server.facility.name }).waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.getByTestId('home-facility').filter({ hasText: server.facility.name }).waitFor();
        assert.equal(await page.getByTestId('current-facility').innerText(), server.facility.name, 'the header shows the facility acted in');
      });
    });

    test('a user\'s saved language follows them to any computer; switching it saves it', async () => {
      const user = await server.user('nurse', { name: 'Zainab Musa' });
      await server.env.db.kysely.updateTable('users').set({ preferred_language: 'ar' }).where('id', '=', user.id).execute();
      await withPage(browser, `saved-language-${dialect.client}`, { language: 'en' }, async ({ page }) => {
        await page.goto(`${server.url}/`);
        assert.equal((await documentLanguage(page)).dir, 'ltr', 'an English browser before sign-in');
        await signIn(page, user.email);
        await page.getByRole('heading', { name: /مرحبًا، Zainab/ }).waitFor();
        assert.deepEqual(await documentLanguage(page), { lang: 'ar', dir: 'rtl' });
        const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
        await page.getByRole('button', { name: 'التبديل إلى English' }).click();
        await page.getByRole('heading', { name: /Welcome, Zainab/ }).waitFor();
        assert.equal((await saved).status(), 200);
        const row = await server.env.db.kysely.selectFrom('users').select('preferred_language').where('id', '=', user.id).executeTakeFirstOrThrow();
        assert.equal(row.preferred_language, 'en');
      });
    });

    test('an address the app does not have says so inside the app', async () => {
      const user = await server.user('pharmacist', { name: 'Mona Elamin' });
      await withPage(browser, `not-found-${dialect.client}`, { language: 'ar' }, async ({ page }) => {
        await page.goto(`${server.url}/no/such/page`);
        await signIn(page, user.email);
        await page.getByRole('heading', { name: 'الصفحة غير موجودة' }).waitFor();
        await assertAccessible(page, 'not found (ar)');
        await capture(page, 'not-found');
      });
    });
  });
}
