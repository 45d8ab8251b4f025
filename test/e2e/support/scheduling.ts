// Scheduling in the browser, as the front desk does it: the words on screen in each language, and
// the steps other browser tests reuse — give a doctor working hours with free slots later today
// (whenever the test runs, in the facility's time zone), book a patient into one from the day
// view, and check her in. Buttons and fields are found by their accessible names, so a renamed
// label is a failing test, not a silently skipped step.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { localDateOf, toWallTime, weekdayOf } from '../../../src/server/platform/time.ts';
import { WEEKDAYS } from '../../../src/server/modules/scheduling/working-hours.ts';
import { authHeaders, tokenFor } from '../../support/fixtures.ts';
import type { E2EServer } from './server.ts';
import { findPatient, languageOf, type Language } from './reception.ts';

export const SCHEDULING = {
  en: {
    nav: 'Scheduling', dayTitle: 'Appointments', today: 'Today', previous: 'Previous day', next: 'Next day', date: 'Date',
    provider: 'Provider', allProviders: 'All providers', showClosed: 'Show cancelled and no-shows',
    bookSlot: /Free.*book with/, bookTitle: 'Book an appointment', findPatient: 'Find the patient', book: 'Book', booked: /^Booked: /,
    appointmentTitle: 'Appointment', checkIn: 'Check in', start: 'Start the visit', reschedule: 'Reschedule', noShow: 'Did not come',
    cancel: 'Cancel the appointment', cancelReason: 'Reason for cancelling', reasonMissing: 'Say why the appointment is cancelled.', moveHere: 'Move to this time',
    status: { scheduled: 'Booked', checked_in: 'Checked in', in_progress: 'With the clinician', cancelled: 'Cancelled', no_show: 'Did not come' },
    queueOpen: 'Waiting room', queueTitle: 'Waiting room', waiting: 'Waiting, in order of arrival', expected: 'Expected today, not yet arrived',
    walkIn: 'Walk-in patient', walkInSubmit: 'Book and check in',
  },
  ar: {
    nav: 'المواعيد', dayTitle: 'المواعيد', today: 'اليوم', previous: 'اليوم السابق', next: 'اليوم التالي', date: 'التاريخ',
    provider: 'مقدّم الخدمة', allProviders: 'كل مقدّمي الخدمة', showClosed: 'إظهار المواعيد الملغاة ومن لم يحضروا',
    bookSlot: /متاح.*حجز موعد مع/, bookTitle: 'حجز موعد', findPatient: 'ابحث عن المريض', book: 'حجز', booked: /^تم الحجز: /,
    appointmentTitle: 'الموعد', checkIn: 'تسجيل الوصول', start: 'بدء الزيارة', reschedule: 'تغيير الموعد', noShow: 'لم يحضر',
    cancel: 'إلغاء الموعد', cancelReason: 'سبب الإلغاء', reasonMissing: 'اذكر سبب إلغاء الموعد.', moveHere: 'النقل إلى هذا الوقت',
    status: { scheduled: 'محجوز', checked_in: 'وصل', in_progress: 'عند مقدّم الخدمة', cancelled: 'ملغى', no_show: 'لم يحضر' },
    queueOpen: 'غرفة الانتظار', queueTitle: 'غرفة الانتظار', waiting: 'المنتظرون حسب ترتيب الوصول', expected: 'متوقَّعون اليوم ولم يصلوا بعد',
    walkIn: 'مريض بدون موعد', walkInSubmit: 'حجز وتسجيل الوصول',
  },
} as const;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Gives the provider working hours today, in the facility's time zone, from the hour before now
 * for five hours, in 15-minute slots: so a slot is free later today whenever the test runs. Late
 * in the facility's evening (too little of its day left), the test facility first moves to a zone
 * whose clock is earlier (Cape Verde, UTC−1, no summer time). Returns the facility's date today.
 */
export async function setHoursSoTodayHasFreeSlots(server: E2EServer, providerUserId: string): Promise<string> {
  let { time_zone: zone } = await server.env.db.kysely.selectFrom('facilities').select('time_zone').where('id', '=', server.facility.id).executeTakeFirstOrThrow();
  const now = Date.now();
  const minutesIn = (z: string) => { const wall = toWallTime(z, now); return wall.hour * 60 + wall.minute; };
  if (minutesIn(zone) >= 21 * 60) {
    zone = 'Atlantic/Cape_Verde';
    await server.env.db.kysely.updateTable('facilities').set({ time_zone: zone }).where('id', '=', server.facility.id).execute();
  }
  const minutes = minutesIn(zone);
  if (minutes >= 24 * 60 - 16) throw new Error(`It is ${hhmm(minutes)} in ${zone}: no 15-minute slot is left today.`);
  const start = Math.max(0, Math.floor(minutes / 60) * 60 - 60);
  const end = Math.min(24 * 60, start + 5 * 60);
  const today = localDateOf(zone, now);
  const admin = await server.user('facility_admin', { name: 'Hours Admin' });
  const res = await server.app.inject({
    method: 'PUT', url: `/api/v1/providers/${providerUserId}/working-hours`, headers: authHeaders(await tokenFor(server.app, admin.id), server.facility.id),
    payload: { slotMinutes: 15, days: { [WEEKDAYS[weekdayOf(today)]!]: [{ start: hhmm(start), end: hhmm(end) }] } },
  });
  assert.equal(res.statusCode, 200, res.body);
  return today;
}

/** The day view's column of one provider (a region named by the provider's name). */
export function providerColumn(page: Page, providerName: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${providerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

/** Opens the day view (today) from the navigation and waits for its grid. */
export async function openDay(page: Page): Promise<void> {
  const text = SCHEDULING[await languageOf(page)];
  await page.getByRole('navigation').getByRole('link', { name: text.nav }).first().click();
  await page.getByRole('heading', { name: text.dayTitle, level: 1 }).waitFor();
  await page.getByTestId('day-grid').waitFor();
}

/**
 * Books the patient found by `patientQuery` (any search the box takes: a name in either script and
 * any spelling, MRN, phone) into one of the provider's next free slots today, from the day view. The result
 * chosen is the first one containing `patientExpect` (her MRN is the surest), or the first result.
 * Returns the slot's time as shown on its button.
 */
export async function bookFreeSlotToday(page: Page, language: Language, opts: { patientQuery: string; patientExpect?: string | RegExp; providerName: string }): Promise<{ time: string }> {
  const text = SCHEDULING[language];
  if (!new URL(page.url()).pathname.endsWith('/scheduling')) await openDay(page);
  // The third free slot, not the first: on a slow machine the next quarter hour can begin while
  // the patient is being chosen, and the server then rightly refuses a slot in the past.
  const slot = providerColumn(page, opts.providerName).getByRole('button', { name: text.bookSlot }).nth(2);
  await slot.waitFor();
  const time = (await slot.locator('.nc-slot-time').innerText()).trim();
  await slot.click();
  const drawer = page.getByRole('dialog', { name: text.bookTitle });
  await drawer.waitFor();
  const option = await findPatient(page, opts.patientQuery, opts.patientExpect ?? /./, { label: text.findPatient });
  await option.click();
  await drawer.getByTestId('book-patient').waitFor();
  await drawer.getByRole('button', { name: text.book, exact: true }).click();
  await page.getByRole('status').filter({ hasText: text.booked }).waitFor();
  return { time };
}

/** The patient's appointment on the day view (its button, named by time, patient and status). */
export function appointmentOf(page: Page, patientName: string | RegExp): Locator {
  return page.getByTestId('day-grid').locator('.nc-appt').filter({ hasText: patientName }).first();
}

/**
 * Opens the patient's appointment on today's day view and checks her in; waits for "Checked in".
 * `patientName` is matched against the appointment on the grid, which shows the name in the
 * interface's script (Arabic in Arabic when the record has it).
 */
export async function checkIn(page: Page, language: Language, opts: { patientName: string | RegExp }): Promise<void> {
  const text = SCHEDULING[language];
  if (!new URL(page.url()).pathname.endsWith('/scheduling')) await openDay(page);
  await appointmentOf(page, opts.patientName).click();
  const drawer = page.getByRole('dialog', { name: text.appointmentTitle });
  await drawer.getByRole('button', { name: text.checkIn, exact: true }).click();
  await drawer.getByTestId('appointment-status').filter({ hasText: text.status.checked_in }).waitFor();
}
