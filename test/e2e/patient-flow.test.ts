// The spec's patient flow, through the web app only, as a new receptionist does it on her first
// day: sign in with the temporary password and choose her own, register a patient, find her again
// by another spelling of her Arabic name, book her into a free slot with a doctor today, check her
// in. Once in English and once in Arabic (dir="rtl"), on SQLite and on PostgreSQL. The doctor's
// hours are set so that a free slot exists later today whenever the test runs.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { configuredDialects } from '../support/dialects.ts';
import { launchBrowser, skipWithoutBrowser } from './support/browser.ts';
import { startE2EServer, PASSWORD, type E2EServer } from './support/server.ts';
import { assertAccessible, documentLanguage, field, signIn, withPage } from './support/page.ts';
import { findPatient, registerPatient } from './support/reception.ts';
import { bookFreeSlotToday, checkIn, setHoursSoTodayHasFreeSlots } from './support/scheduling.ts';

const skip = skipWithoutBrowser();
const NEW_PASSWORD = 'Nile-Sunrise-Clinic-2042';

const TEXT = {
  en: { changeTitle: 'Choose a new password', current: 'Current password', next: 'New password', again: 'New password again', change: 'Change password', greeting: /Welcome, Amira/ },
  ar: { changeTitle: 'اختر كلمة مرور جديدة', current: 'كلمة المرور الحالية', next: 'كلمة المرور الجديدة', again: 'أعد كتابة كلمة المرور الجديدة', change: 'تغيير كلمة المرور', greeting: /مرحبًا، Amira/ },
} as const;

// Registered with one spelling, found with another the API treats as the same name.
const PATIENTS = {
  en: { firstNameAr: 'فاطمة', fatherNameAr: 'عبد الرحمن', grandfatherNameAr: 'أحمد', lastNameAr: 'الأمين', firstName: 'Fatima', fatherName: 'Abdelrahman', grandfatherName: 'Ahmed', lastName: 'Elamin', phone: '0912340101', variant: 'فاطمه الامين' },
  ar: { firstNameAr: 'هدى', fatherNameAr: 'إبراهيم', grandfatherNameAr: 'يوسف', lastNameAr: 'النور', firstName: 'Huda', fatherName: 'Ibrahim', grandfatherName: 'Yousif', lastName: 'Elnour', phone: '0912340102', variant: 'هدي ابراهيم' },
} as const;

for (const dialect of configuredDialects().filter((d) => d.client !== 'mysql')) {
  describe(`the patient flow in the browser on ${dialect.client}`, { skip }, () => {
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
      test(`sign in, change the first password, register, find by another spelling, book today, check in (${language})`, async () => {
        const text = TEXT[language];
        const person = PATIENTS[language];
        const doctorName = language === 'en' ? 'Khalid Osman Ali' : 'Mona Yousif Ahmed';
        const doctor = await server.user('doctor', { name: doctorName });
        await setHoursSoTodayHasFreeSlots(server, doctor.id);
        const receptionist = await server.user('receptionist', { name: 'Amira Hassan Mohamed', mustChangePassword: true });

        await withPage(browser, `patient-flow-${dialect.client}-${language}`, { language }, async ({ page }) => {
          await page.goto(`${server.url}/`);
          await signIn(page, receptionist.email);
          await page.getByRole('heading', { name: text.changeTitle }).waitFor();
          await field(page, text.current).fill(PASSWORD);
          await field(page, text.next).fill(NEW_PASSWORD);
          await field(page, text.again).fill(NEW_PASSWORD);
          await page.getByRole('button', { name: text.change }).click();
          await page.getByRole('heading', { name: text.greeting, level: 1 }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/');
          assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });

          const { mrn } = await registerPatient(page, server.url, {
            ...person, sex: 'female', dateOfBirth: '1988-03-09', state: 'khartoum', locality: 'Bahri',
          }, { confirmNew: true });

          await page.goto(`${server.url}/reception`);
          const result = await findPatient(page, person.variant, mrn);
          await result.click();
          await page.waitForURL(/\/reception\/patients\/[0-9a-f-]{36}$/);
          await page.getByTestId('patient-mrn').filter({ hasText: mrn }).waitFor();

          await bookFreeSlotToday(page, language, { patientQuery: mrn, providerName: doctorName });
          await checkIn(page, language, { patientName: language === 'ar' ? person.firstNameAr : person.firstName });
          assert.deepEqual(await documentLanguage(page), { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });
          await assertAccessible(page, `checked in (${language})`);

          // The server agrees: one appointment today, checked in, with this doctor.
          const rows = await server.env.db.kysely.selectFrom('appointments').innerJoin('patients', 'patients.id', 'appointments.patient_id')
            .select(['appointments.status', 'appointments.provider_id']).where('patients.mrn', '=', mrn).execute();
          assert.deepEqual(rows.map((r) => ({ ...r })), [{ status: 'checked_in', provider_id: doctor.id }]);
        });
      });
    }
  });
}
