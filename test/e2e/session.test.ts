// The session on a shared clinic computer, in Chromium: the screen locks after the facility's
// delay without losing what was typed and survives a reload; "sign out everywhere" ends the
// session in another browser, whose next request returns it to sign-in and then to the page it
// was on; and a short-lived access token is renewed silently while the user works.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, PASSWORD, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, field, signIn, withPage } from './support/page.ts';

const skip = skipWithoutBrowser();

describe('web app session', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    // Access tokens last 2 seconds here, so the silent refresh is exercised by every test.
    server = await startE2EServer({ client: 'sqlite' }, { JWT_EXPIRY: '2s' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const language of ['en', 'ar'] as const) {
    test(`the screen locks after the facility's delay, keeps what was typed, and needs the password (${language})`, async () => {
      const T = language === 'en'
        ? { title: 'Screen locked', unlock: 'Unlock', password: 'Password', current: 'Current password', account: 'My account' }
        : { title: 'الشاشة مقفلة', unlock: 'فتح القفل', password: 'كلمة المرور', current: 'كلمة المرور الحالية', account: 'حسابي' };
      await server.env.db.kysely.updateTable('facilities').set({ lock_after_minutes: 1 }).where('id', '=', server.facility.id).execute();
      const user = await server.user('nurse', { name: 'Hawa Ibrahim Adam' });
      await withPage(browser, `lock-${language}`, { language }, async ({ page }) => {
        await page.clock.install();
        await page.goto(`${server.url}/account`);
        await signIn(page, user.email);
        await page.getByRole('heading', { name: T.account, level: 1 }).waitFor();
        await field(page, T.current).fill('half-typed');

        await page.clock.fastForward('00:50');
        assert.equal(await page.getByRole('dialog', { name: T.title }).count(), 0, 'not before the delay');
        await page.clock.fastForward('00:15');
        const lock = page.getByRole('dialog', { name: T.title });
        await lock.waitFor();
        await assertAccessible(page, `lock screen (${language})`);
        await capture(page, 'lock-screen');
        assert.equal(await page.locator('[inert]').getByText(T.account).count(), 1, 'the app stays mounted under the lock, inert');
        assert.equal(await page.getByRole('heading', { name: T.account }).count(), 0, 'and out of reach of keyboard and screen readers');

        await field(lock, T.password).fill('Wrong-password-1');
        await lock.getByRole('button', { name: T.unlock }).click();
        await lock.getByText(language === 'en' ? 'That is not your password' : 'كلمة المرور غير صحيحة').waitFor();
        await field(lock, T.password).fill(PASSWORD);
        await lock.getByRole('button', { name: T.unlock }).click();
        await lock.waitFor({ state: 'detached' });
        assert.equal(await field(page, T.current).inputValue(), 'half-typed', 'what was being typed survives the lock');

        // A reload does not get around the lock.
        await page.clock.fastForward('01:05');
        await lock.waitFor();
        await page.reload();
        await page.getByRole('dialog', { name: T.title }).waitFor();
      });
      await server.env.db.kysely.updateTable('facilities').set({ lock_after_minutes: 10 }).where('id', '=', server.facility.id).execute();
    });
  }

  test('sign out everywhere ends the other browser\'s session; it returns to sign-in and then to its page', async () => {
    const user = await server.user('facility_admin', { name: 'Nasreldin Yousif' });
    await withPage(browser, 'everywhere-other', { language: 'en' }, async (other) => {
      await other.page.goto(`${server.url}/account`);
      await signIn(other.page, user.email);
      await other.page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();

      await withPage(browser, 'everywhere-here', { language: 'en' }, async ({ page }) => {
        await page.goto(`${server.url}/account`);
        await signIn(page, user.email);
        await page.getByRole('button', { name: 'Sign out everywhere' }).click();
        const dialog = page.getByRole('dialog', { name: 'Sign out everywhere?' });
        await assertAccessible(page, 'sign out everywhere confirmation');
        await capture(page, 'sign-out-everywhere');
        await dialog.getByRole('button', { name: 'Yes, sign me out everywhere' }).click();
        await page.waitForURL(/\/sign-in$/);
      });

      // The other browser still shows the account page; its next request finds the session over.
      await other.page.locator('label', { hasText: 'العربية' }).click();
      await other.page.waitForURL(/\/sign-in\?next=%2Faccount$/);
      await signIn(other.page, user.email);
      await other.page.waitForURL(/\/account$/);
      await other.page.getByRole('heading', { level: 1 }).waitFor();
    });
  });

  test('a working user stays signed in: expired access tokens are renewed silently', async () => {
    const user = await server.user('doctor', { name: 'Tagwa Elsir' });
    await withPage(browser, 'silent-refresh', { language: 'en' }, async ({ page }) => {
      const seen: string[] = [];
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/')) seen.push(`${r.status()} ${r.request().method()} ${url.pathname}`);
      });
      await page.goto(`${server.url}/account`);
      await signIn(page, user.email);
      await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
      for (const digits of ['Arabic-Indic (١٢٣)', 'Western (123)', 'Arabic-Indic (١٢٣)']) {
        await page.waitForTimeout(2_500); // longer than JWT_EXPIRY: the token in memory has expired
        seen.length = 0;
        // Waited for before the click: under load the answer can arrive before the click returns.
        const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH' && r.status() === 200);
        await page.locator('label', { hasText: digits }).click();
        await saved;
        assert.deepEqual(seen, ['401 PATCH /api/v1/auth/me', '200 POST /api/v1/auth/refresh', '200 PATCH /api/v1/auth/me']);
      }
      await page.getByText(/Example: ٢٧|Example: [٠-٩]/).waitFor();
      assert.equal(await page.getByRole('alert').count(), 0, 'no error was shown');
    });
  });
});
