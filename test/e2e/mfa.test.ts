// Two-step sign-in through the app, in Chromium: turning it on from the account page (QR code, the
// key, a first code, the recovery codes shown once), then signing in with a real TOTP code and with
// a recovery code. English and Arabic; every screen checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, PASSWORD, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, field, signIn, withPage } from './support/page.ts';
import { nextTotp } from '../../src/server/modules/auth/test-helpers.ts';

const skip = skipWithoutBrowser();

const TEXT = {
  en: { account: 'My account', mfa: 'Two-step verification', turnOn: 'Turn on two-step verification', continue: 'Continue', code: 'Verification code', confirm: 'Turn on', saved: 'I have saved the codes', on: 'On', verify: 'Verify', useRecovery: 'Use a recovery code instead', recovery: 'Recovery code', greeting: /Welcome/, signOut: 'Sign out', password: 'Password' },
  ar: { account: 'حسابي', mfa: 'التحقق بخطوتين', turnOn: 'تفعيل التحقق بخطوتين', continue: 'متابعة', code: 'رمز التحقق', confirm: 'تفعيل', saved: 'حفظتُ الرموز', on: 'مفعّل', verify: 'تحقّق', useRecovery: 'استخدم رمز استرداد بدلًا من ذلك', recovery: 'رمز الاسترداد', greeting: /مرحبًا/, signOut: 'تسجيل الخروج', password: 'كلمة المرور' },
} as const;

describe('web app two-step sign-in', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  before(async () => {
    server = await startE2EServer({ client: 'sqlite' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const language of ['en', 'ar'] as const) {
    test(`turn on two-step sign-in, then sign in with a TOTP code and with a recovery code (${language})`, async () => {
      const text = TEXT[language];
      const user = await server.user('doctor', { name: 'Osman Abdelrahman Ali' });
      await withPage(browser, `mfa-${language}`, { language }, async ({ page }) => {
        const signOut = async () => {
          await page.getByTestId('user-menu').click();
          await page.getByRole('menuitem', { name: text.signOut }).click();
          await page.waitForURL(/\/sign-in$/);
        };

        await page.goto(`${server.url}/account`);
        await signIn(page, user.email);
        await page.getByRole('heading', { name: text.account, level: 1 }).waitFor();
        const mfa = page.getByRole('region', { name: text.mfa });
        await mfa.getByRole('button', { name: text.turnOn }).click();
        await field(mfa, text.password).fill(PASSWORD);
        await page.getByRole('button', { name: text.continue }).click();
        const secret = (await page.getByTestId('mfa-secret').innerText()).trim();
        assert.match(secret, /^[A-Z2-7]{32}$/);
        const qr = page.locator('img.nc-qr');
        await qr.waitFor();
        assert.ok(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0), 'the QR code renders under the CSP');
        await assertAccessible(page, `MFA setup (${language})`);
        await capture(page, 'mfa-setup');
        await field(page, text.code).fill(await nextTotp(secret));
        await page.getByRole('button', { name: text.confirm, exact: true }).click();
        const codes = (await page.getByTestId('recovery-codes').innerText()).split(/\s+/).filter(Boolean);
        assert.equal(codes.length, 10);
        await assertAccessible(page, `recovery codes (${language})`);
        await capture(page, 'mfa-recovery-codes');
        await page.getByRole('button', { name: text.saved }).click();
        await page.getByText(text.on, { exact: true }).waitFor();

        // Signing in now needs the second step.
        await signOut();
        await signIn(page, user.email);
        await field(page, text.code).waitFor();
        await assertAccessible(page, `MFA step (${language})`);
        await capture(page, 'mfa-step');
        await field(page, text.code).fill(await nextTotp(secret));
        await page.getByRole('button', { name: text.verify }).click();
        await page.getByRole('heading', { name: text.greeting }).waitFor();

        await signOut();
        await signIn(page, user.email);
        await page.getByRole('button', { name: text.useRecovery }).click();
        await field(page, text.recovery).fill(codes[0]!);
        await page.getByRole('button', { name: text.verify }).click();
        await page.getByRole('heading', { name: text.greeting }).waitFor();
        const used = await server.env.db.kysely.selectFrom('mfa_recovery_codes').select('used_at').where('user_id', '=', user.id).where('used_at', 'is not', null).execute();
        assert.equal(used.length, 1, 'the recovery code is spent');
      });
    });
  }
});
