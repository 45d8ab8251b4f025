// Self-service password reset through the app, in Chromium, with the email read back from a real
// SMTP server started here and delivered by the real outbox worker: "Forgot password?" → the
// request (the same confirmation for any email) → the emailed link → a new password → sign in with
// it (two-step sign-in still asked when it is on); the old password no longer works. English and
// Arabic; every screen checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, PASSWORD, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, field, signIn, withPage } from './support/page.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp-server.ts';
import { nextTotp, post } from '../../src/server/modules/auth/test-helpers.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { notificationJobHandlers } from '../../src/server/modules/notifications/index.ts';

const skip = skipWithoutBrowser();
const NEW_PASSWORD = 'Sunrise over the Nile 2026';

const TEXT = {
  en: { forgot: 'Forgot password?', email: 'Email', send: 'Send the link', sent: 'Check your email', next: 'New password', again: 'New password again', set: 'Set the new password', done: 'Your password was changed', signIn: 'Sign in', failed: 'Could not sign in', code: 'Verification code', verify: 'Verify', greeting: /Welcome/, subject: 'Reset your NileCare password' },
  ar: { forgot: 'نسيت كلمة المرور؟', email: 'البريد الإلكتروني', send: 'أرسل الرابط', sent: 'تفقّد بريدك الإلكتروني', next: 'كلمة المرور الجديدة', again: 'أعد كتابة كلمة المرور الجديدة', set: 'احفظ كلمة المرور الجديدة', done: 'تم تغيير كلمة مرورك', signIn: 'تسجيل الدخول', failed: 'تعذّر تسجيل الدخول', code: 'رمز التحقق', verify: 'تحقّق', greeting: /مرحبًا/, subject: 'إعادة تعيين كلمة مرور NileCare' },
} as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

describe('web app password reset', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let smtp: TestSmtp;
  let worker: OutboxWorker;
  before(async () => {
    smtp = await startTestSmtp();
    const port = await freePort();
    server = await startE2EServer({ client: 'sqlite' }, { ...smtp.env(), APP_URL: `http://localhost:${port}` }, { port });
    const log = pino({ level: 'silent' });
    const { config, db } = server.env;
    worker = new OutboxWorker(db, new Map(notificationJobHandlers({ config, db, log, attachments: new Map() })), log, { pollMs: 100 });
    worker.start();
    browser = await launchBrowser();
  });
  after(async () => {
    await worker?.stop();
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  for (const language of ['en', 'ar'] as const) {
    test(`forgot password → emailed link → new password → sign in${language === 'ar' ? ', two-step sign-in still asked' : ''} (${language})`, async () => {
      const text = TEXT[language];
      const user = await server.user('nurse', { name: 'Amira Hassan Mohamed' });
      await server.env.db.kysely.updateTable('users').set({ preferred_language: language }).where('id', '=', user.id).execute();
      let secret: string | undefined;
      if (language === 'ar') {
        const { accessToken } = (await post(server.app, '/auth/login', { email: user.email, password: PASSWORD })).json();
        secret = (await post(server.app, '/auth/mfa/enroll', { password: PASSWORD }, accessToken)).json().secret;
        assert.equal((await post(server.app, '/auth/mfa/confirm', { code: await nextTotp(secret!) }, accessToken)).statusCode, 200);
      }
      await withPage(browser, `password-reset-${language}`, { language }, async ({ page }) => {
        // The app first asks whether this browser still has a session (the refresh cookie); typing
        // waits for its answer, as the form may be drawn again once it comes.
        const sessionChecked = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
        await page.goto(`${server.url}/sign-in`);
        await sessionChecked;
        await page.getByRole('link', { name: text.forgot }).click();
        await page.waitForURL(/\/forgot-password$/);
        await field(page, text.email).fill(user.email);
        await assertAccessible(page, `forgot password (${language})`);
        await capture(page, 'forgot-password');
        const before = smtp.received.length;
        await page.getByRole('button', { name: text.send }).click();
        await page.getByText(text.sent).waitFor();
        await assertAccessible(page, `reset requested (${language})`);
        await capture(page, 'forgot-password-sent');

        await smtp.waitFor(before + 1);
        const mail = smtp.received[before]!;
        assert.deepEqual(mail.envelopeTo, [user.email]);
        assert.equal(mail.parsed.subject, text.subject);
        const link = /http:\/\/localhost:\d+\/reset-password#token=[A-Za-z0-9_-]{43}/.exec(mail.parsed.text ?? '')?.[0];
        assert.ok(link, mail.parsed.text);

        await page.goto(link);
        await field(page, text.next).waitFor();
        assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
        await field(page, text.next).fill(NEW_PASSWORD);
        await field(page, text.again).fill(NEW_PASSWORD);
        await assertAccessible(page, `set a new password (${language})`);
        await capture(page, 'reset-password');
        await page.getByRole('button', { name: text.set }).click();
        await page.getByText(text.done).waitFor();
        await capture(page, 'reset-password-done');

        await page.getByRole('link', { name: text.signIn }).click();
        await page.waitForURL(/\/sign-in$/);
        await signIn(page, user.email, PASSWORD);
        await page.getByText(text.failed).waitFor();
        await signIn(page, user.email, NEW_PASSWORD);
        if (secret) {
          await field(page, text.code).fill(await nextTotp(secret));
          await page.getByRole('button', { name: text.verify }).click();
        }
        await page.getByRole('heading', { name: text.greeting }).waitFor();

        // The link worked once.
        await page.goto(link);
        await field(page, text.next).fill('Yet another long passphrase 3');
        await field(page, text.again).fill('Yet another long passphrase 3');
        await page.getByRole('button', { name: text.set }).click();
        await page.getByRole('link', { name: language === 'en' ? 'Ask for a new link' : 'اطلب رابطًا جديدًا' }).waitFor();
        await capture(page, 'reset-password-link-used');
      });
    });
  }
});
