// The notifications screens in Chromium, English and Arabic: a message that could not be sent
// (SMTP pointed at a closed port, one attempt allowed) shows as dead in the delivery log; once the
// SMTP server is right, "Send again" delivers it to the real SMTP server started here. Then the
// settings (with the security contact), the template previews, and a patient's contact
// preferences — each checked with axe-core and photographed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { assertAccessible, capture, field, signIn, withPage } from './support/page.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp-server.ts';
import { insertPatient } from '../support/patients.ts';
import { post } from '../../src/server/modules/auth/test-helpers.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { notificationJobHandlers } from '../../src/server/modules/notifications/index.ts';
import type { Config } from '../../src/server/config.ts';

const skip = skipWithoutBrowser();

const TEXT = {
  en: { nav: 'Notifications', status: 'Status', dead: 'Dead', sent: 'Sent', retry: 'Send again', settings: 'Settings', contact: 'Security contact email', save: 'Save settings', saved: /settings were saved/, templates: 'Message templates', reset: 'Password reset link', messages: 'Messages', smsOptOut: 'No SMS messages', savePrefs: 'Save message preferences', prefsSaved: 'Message preferences saved.' },
  ar: { nav: 'الإشعارات', status: 'الحالة', dead: 'متوقفة', sent: 'أُرسلت', retry: 'أعد الإرسال', settings: 'الإعدادات', contact: 'البريد الإلكتروني لجهة الاتصال الأمنية', save: 'حفظ الإعدادات', saved: /تم حفظ الإعدادات/, templates: 'نماذج الرسائل', reset: 'رابط إعادة تعيين كلمة المرور', messages: 'الرسائل', smsOptOut: 'بدون رسائل نصية', savePrefs: 'حفظ تفضيلات الرسائل', prefsSaved: 'تم حفظ تفضيلات الرسائل.' },
} as const;

async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

describe('web app notifications', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let smtp: TestSmtp;
  const log = pino({ level: 'silent' });
  const workerWith = (config: Config, maxAttempts: number) =>
    new OutboxWorker(server.env.db, new Map(notificationJobHandlers({ config, db: server.env.db, log, attachments: new Map() })), log, { pollMs: 100, maxAttempts });

  before(async () => {
    smtp = await startTestSmtp();
    server = await startE2EServer({ client: 'sqlite' }, smtp.env());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  /** A password-reset email that the worker fails to send once (closed port, one attempt): dead. */
  async function deadMessage(email: string): Promise<void> {
    const broken = workerWith({ ...server.env.config, smtp: { ...server.env.config.smtp, port: await closedPort() } }, 1);
    assert.equal((await post(server.app, '/auth/password-reset', { email })).statusCode, 202);
    broken.start();
    const k = server.env.db.kysely;
    for (let i = 0; i < 200; i++) {
      const row = await k.selectFrom('notification_deliveries').select('status').where('event', '=', 'auth.password_reset').orderBy('created_at', 'desc').executeTakeFirst();
      if (row?.status === 'dead') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await broken.stop();
  }

  for (const language of ['en', 'ar'] as const) {
    test(`a dead message is sent again from the log; settings, templates, contact preferences (${language})`, async () => {
      const text = TEXT[language];
      const admin = await server.user('facility_admin', { name: 'Huda Salih Ahmed' });
      const staff = await server.user('nurse', { name: 'Amira Hassan Mohamed' });
      await deadMessage(staff.email);
      const worker = workerWith(server.env.config, 8);
      worker.start();
      try {
        await withPage(browser, `notifications-${language}`, { language }, async ({ page }) => {
          await page.goto(`${server.url}/notifications`);
          await signIn(page, admin.email);
          await page.getByRole('heading', { name: text.nav, level: 1 }).waitFor();
          const row = page.getByTestId('delivery-row').filter({ hasText: text.dead }).first();
          await row.waitFor();
          await assertAccessible(page, `delivery log (${language})`);
          await capture(page, 'notifications-log');
          const before = smtp.received.length;
          await row.getByRole('button', { name: text.retry }).click();
          await smtp.waitFor(before + 1);
          assert.deepEqual(smtp.received[before]!.envelopeTo, [staff.email]);
          await page.reload();
          await page.getByTestId('delivery-row').first().getByText(text.sent, { exact: true }).waitFor();

          await page.getByRole('tab', { name: text.settings }).click();
          await field(page, text.contact).fill('security@omdurman-hospital.example.sd');
          await page.getByRole('button', { name: text.save }).click();
          await page.getByText(text.saved).waitFor();
          await assertAccessible(page, `notification settings (${language})`);
          await capture(page, 'notifications-settings');

          await page.getByRole('tab', { name: text.templates }).click();
          await page.getByRole('button', { name: text.reset }).click();
          await page.getByText('/reset-password#token=EXAMPLE').first().waitFor();
          await assertAccessible(page, `templates (${language})`);
          await capture(page, 'notifications-templates');

          const patient = await insertPatient(server.env.db, server.facility.id, { phone: '+249912345678' });
          await page.goto(`${server.url}/reception/patients/${patient.id}`);
          const prefs = page.getByRole('region', { name: text.messages });
          await prefs.getByLabel(text.smsOptOut).check();
          await prefs.getByRole('button', { name: text.savePrefs }).click();
          await prefs.getByText(text.prefsSaved).waitFor();
          await assertAccessible(page, `contact preferences (${language})`);
          await capture(page, 'patient-contact-preferences');
        });
      } finally {
        await worker.stop();
      }
      const settings = await server.env.db.kysely.selectFrom('notification_settings').select('security_contact_email').where('facility_id', '=', server.facility.id).executeTakeFirstOrThrow();
      assert.equal(settings.security_contact_email, 'security@omdurman-hospital.example.sd');
    });
  }
});
