// Reception in the browser, as a receptionist does it: the words on screen in each language, and
// the steps other browser tests reuse — find a patient with the search box, fill and send the
// registration form. Inputs are found by their visible labels (field()), so a renamed label is a
// failing test, not a silently skipped step.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { field } from './page.ts';

export type Language = 'en' | 'ar';

export const RECEPTION = {
  en: {
    nav: 'Reception', searchTitle: 'Find a patient', search: 'Search patients', results: 'Patients found', more: 'More results',
    registerOpen: 'Register a patient', registerTitle: 'Register a patient', register: 'Register',
    names: {
      firstNameAr: 'First name (Arabic)', fatherNameAr: "Father's name (Arabic)", grandfatherNameAr: "Grandfather's name (Arabic)", lastNameAr: 'Family name (Arabic)',
      firstName: 'First name (English)', fatherName: "Father's name (English)", grandfatherName: "Grandfather's name (English)", lastName: 'Family name (English)',
    },
    sex: { female: 'Female', male: 'Male', unknown: 'Unknown' },
    dateKnown: 'Date of birth known', yearOnly: 'Only the year (estimate)', dateOfBirth: 'Date of birth', birthYear: 'Year of birth',
    phone: 'Phone', nationalId: 'National ID', state: 'State', locality: 'Locality',
    patientTitle: 'Patient record', registered: 'Patient registered', saved: 'The changes were saved.',
    duplicatesTitle: /This patient may already be registered/, typed: 'You typed', same: 'This is the same person', registerNew: 'Register as new', back: 'Back to the form',
    edit: 'Edit details', editTitle: 'Edit patient details', saveEdit: 'Save changes',
    conflictTitle: 'Someone else changed this record', reload: 'Reload the record', onRecordNow: 'On record now:',
    merge: 'Merge a duplicate into this record', mergeTitle: 'Merge duplicate records', findDuplicate: 'Find the duplicate record',
    mergeChecked: 'I have checked: these two records are the same person', mergeConfirm: 'Merge the records', merged: 'The records were merged into this one.',
    openSurvivor: 'Open the record that was kept',
    notAllowed: 'You cannot open this page',
  },
  ar: {
    nav: 'الاستقبال', searchTitle: 'البحث عن مريض', search: 'البحث في المرضى', results: 'المرضى الذين وُجدوا', more: 'المزيد من النتائج',
    registerOpen: 'تسجيل مريض', registerTitle: 'تسجيل مريض', register: 'تسجيل',
    names: {
      firstNameAr: 'الاسم الأول (بالعربية)', fatherNameAr: 'اسم الأب (بالعربية)', grandfatherNameAr: 'اسم الجد (بالعربية)', lastNameAr: 'اسم العائلة (بالعربية)',
      firstName: 'الاسم الأول (بالإنجليزية)', fatherName: 'اسم الأب (بالإنجليزية)', grandfatherName: 'اسم الجد (بالإنجليزية)', lastName: 'اسم العائلة (بالإنجليزية)',
    },
    sex: { female: 'أنثى', male: 'ذكر', unknown: 'غير معروف' },
    dateKnown: 'تاريخ الميلاد معروف', yearOnly: 'السنة فقط (تقديرًا)', dateOfBirth: 'تاريخ الميلاد', birthYear: 'سنة الميلاد',
    phone: 'الهاتف', nationalId: 'الرقم الوطني', state: 'الولاية', locality: 'المحلية',
    patientTitle: 'سجل المريض', registered: 'تم تسجيل المريض', saved: 'حُفظت التعديلات.',
    duplicatesTitle: /قد يكون هذا المريض مسجلًا من قبل/, typed: 'ما كتبته', same: 'هذا هو الشخص نفسه', registerNew: 'تسجيله كمريض جديد', back: 'العودة إلى النموذج',
    edit: 'تعديل البيانات', editTitle: 'تعديل بيانات المريض', saveEdit: 'حفظ التعديلات',
    conflictTitle: 'عدّل شخص آخر هذا السجل', reload: 'إعادة تحميل السجل', onRecordNow: 'المسجّل الآن:',
    merge: 'دمج سجل مكرر في هذا السجل', mergeTitle: 'دمج السجلات المكررة', findDuplicate: 'ابحث عن السجل المكرر',
    mergeChecked: 'تحقّقتُ: هذان السجلان للشخص نفسه', mergeConfirm: 'دمج السجلين', merged: 'دُمج السجلان في هذا السجل.',
    openSurvivor: 'افتح السجل الذي أُبقي عليه',
    notAllowed: 'لا يمكنك فتح هذه الصفحة',
  },
} as const;

export async function languageOf(page: Page): Promise<Language> {
  return (await page.locator('html').getAttribute('lang')) === 'ar' ? 'ar' : 'en';
}

/**
 * Types `query` into the search box of the page (reception's, or the merge screen's with
 * `label`) the way a person does, key by key, and waits for a result whose text contains
 * `expect`. Returns that result (an option of the results listbox).
 */
export async function findPatient(page: Page, query: string, expect: string | RegExp, opts: { label?: string } = {}): Promise<Locator> {
  const text = RECEPTION[await languageOf(page)];
  const box = field(page, opts.label ?? text.search);
  await box.fill('');
  await box.pressSequentially(query, { delay: 30 });
  const option = page.getByRole('listbox', { name: text.results }).getByRole('option').filter({ hasText: expect }).first();
  await option.waitFor();
  return option;
}

/** Finds the patient and opens her record; waits for the record's heading. */
export async function openPatient(page: Page, query: string, expect: string | RegExp): Promise<void> {
  await (await findPatient(page, query, expect)).click();
  await page.getByText(RECEPTION[await languageOf(page)].patientTitle, { exact: true }).waitFor();
}

export interface NewPatient {
  firstNameAr?: string; fatherNameAr?: string; grandfatherNameAr?: string; lastNameAr?: string;
  firstName?: string; fatherName?: string; grandfatherName?: string; lastName?: string;
  sex: 'female' | 'male' | 'unknown';
  /** YYYY-MM-DD, or `birthYear` for an estimate. */
  dateOfBirth?: string;
  birthYear?: number;
  phone?: string;
  nationalId?: string;
  /** A state code of the API (khartoum, gezira …). */
  state?: string;
  locality?: string;
}

/** Fills the registration (or edit) form on the page with `patient`; fields not given are left as they are. */
export async function fillPatientForm(page: Page, patient: NewPatient): Promise<void> {
  const text = RECEPTION[await languageOf(page)];
  for (const [key, label] of Object.entries(text.names) as [keyof typeof text.names, string][]) {
    const value = patient[key];
    if (value !== undefined) await field(page, label).fill(value);
  }
  await page.getByRole('radio', { name: text.sex[patient.sex], exact: true }).check();
  if (patient.birthYear !== undefined) {
    await page.getByRole('radio', { name: text.yearOnly, exact: true }).check();
    await field(page, text.birthYear).fill(String(patient.birthYear));
  } else if (patient.dateOfBirth !== undefined) {
    await page.getByRole('radio', { name: text.dateKnown, exact: true }).check();
    await field(page, text.dateOfBirth).fill(patient.dateOfBirth);
  }
  if (patient.phone !== undefined) await field(page, text.phone).fill(patient.phone);
  if (patient.nationalId !== undefined) await field(page, text.nationalId).fill(patient.nationalId);
  if (patient.state !== undefined) await field(page, text.state).selectOption(patient.state);
  if (patient.locality !== undefined) await field(page, text.locality).fill(patient.locality);
}

/**
 * Registers a patient from the reception screen: "Register a patient", the form, "Register". With
 * `confirmNew`, a duplicate warning is answered "Register as new". Returns the new record's MRN
 * and its id (from the address of the patient page).
 */
export async function registerPatient(page: Page, baseUrl: string, patient: NewPatient, opts: { confirmNew?: boolean } = {}): Promise<{ id: string; mrn: string }> {
  const text = RECEPTION[await languageOf(page)];
  if (!page.url().endsWith('/reception/register')) {
    if (!page.url().endsWith('/reception')) await page.goto(`${baseUrl}/reception`);
    await page.getByRole('link', { name: text.registerOpen }).click();
  }
  await page.getByRole('heading', { name: text.registerTitle, level: 1 }).waitFor();
  await fillPatientForm(page, patient);
  await page.getByRole('button', { name: text.register, exact: true }).click();
  if (opts.confirmNew) {
    const outcome = await Promise.race([
      page.getByRole('heading', { name: text.duplicatesTitle }).waitFor().then(() => 'duplicates' as const),
      page.waitForURL(/\/reception\/patients\/[0-9a-f-]{36}$/).then(() => 'registered' as const),
    ]);
    if (outcome === 'duplicates') await page.getByRole('button', { name: text.registerNew }).click();
  }
  await page.waitForURL(/\/reception\/patients\/[0-9a-f-]{36}$/);
  await page.getByRole('status').filter({ hasText: text.registered }).waitFor();
  const id = page.url().split('/').pop()!;
  const mrn = (await page.getByTestId('patient-mrn').innerText()).trim();
  assert.match(mrn, /^[A-Z0-9]+-\d+$/);
  return { id, mrn };
}

/** Whether the element has the keyboard focus. */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el);
}

/** The text of what describes an input (its hint and its error message), as a screen reader reads it. */
export async function describedBy(page: Page, input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}
