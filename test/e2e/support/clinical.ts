// Clinical care in the browser: the words on screen in each language, and the set-up other browser
// tests reuse — a patient with names in both scripts and an allergy, booked with a doctor, moved to
// today and checked in, all through the API (no fixed date).
import assert from 'node:assert/strict';
import type { E2EServer } from './server.ts';
import { authHeaders, tokenFor } from '../../support/fixtures.ts';
import { localDay, moveAppointmentTo, nextWeekday, MONDAY } from '../../support/scheduling.ts';

export const CLINICAL = {
  en: {
    nav: 'Clinical', worklist: 'Clinical worklist', triage: 'Triage', start: 'Start visit', record: 'Vitals', saveVitals: 'Save vitals',
    temperature: 'Temperature', pulse: 'Pulse', systolic: 'Systolic BP', diastolic: 'Diastolic BP', weight: 'Weight', height: 'Height',
    savedAbnormal: /2 values are outside the normal range/, high: 'High', next: 'Next patient',
    complete: 'Complete encounter', needsDiagnosis: 'A diagnosis is needed', findDiagnosis: 'Find a diagnosis (ICD-10)', addDiagnosis: 'Add diagnosis',
    subjective: 'Subjective', assessment: 'Assessment', plan: 'Plan', saveNote: 'Save note', completed: 'Completed', chart: 'Open the chart',
    pastEncounters: 'Past encounters', allergy: /Penicillin · severe/, correctNote: 'Correct this note', saveCorrection: 'Save correction',
    reason: 'Reason for the correction', reasonRequired: 'Say why the record is corrected.', impossible: /Not possible: enter a value from 20 to 300/,
  },
  ar: {
    nav: 'العيادة', worklist: 'قائمة العمل السريرية', triage: 'الفرز', start: 'بدء الزيارة', record: 'العلامات الحيوية', saveVitals: 'حفظ العلامات الحيوية',
    temperature: 'الحرارة', pulse: 'النبض', systolic: 'الضغط الانقباضي', diastolic: 'الضغط الانبساطي', weight: 'الوزن', height: 'الطول',
    savedAbnormal: /قيمتان خارج المدى الطبيعي/, high: 'مرتفع', next: 'المريض التالي',
    complete: 'إكمال الزيارة', needsDiagnosis: 'يلزم تشخيص', findDiagnosis: 'ابحث عن تشخيص (ICD-10)', addDiagnosis: 'إضافة التشخيص',
    subjective: 'الشكوى والتاريخ (ذاتي)', assessment: 'التقييم', plan: 'الخطة', saveNote: 'حفظ الملاحظة', completed: 'مكتملة', chart: 'فتح الملف الطبي',
    pastEncounters: 'الزيارات السابقة', allergy: /Penicillin · شديدة/, correctNote: 'تصحيح هذه الملاحظة', saveCorrection: 'حفظ التصحيح',
    reason: 'سبب التصحيح', reasonRequired: 'اذكر سبب تصحيح السجل.', impossible: /قيمة غير ممكنة: أدخل قيمة من 20 إلى 300/,
  },
} as const;

export const ORDERS = {
  en: {
    findMedicine: 'Find a medicine', dose: 'Dose', unit: 'Unit', route: 'Route', frequency: 'How often', days: 'Days', quantity: 'Quantity to dispense',
    prescribe: 'Prescribe', allergyWarning: /recorded allergy that this medicine may trigger/, cancel: 'Cancel', findTest: 'Find a lab test', order: 'Order 1 test',
    lab: 'Lab worklist', collect: 'Sample taken', toEnter: 'Results to enter', toVerify: 'To verify', saveResult: 'Save 1 result', verify: 'Verify results',
    verifySelf: 'Another technician must verify', pharmacy: 'Dispensing queue', give: 'Quantity to give', dispense: 'Dispense', partly: /Dispensed 12 of 24/,
    labResults: 'Lab results', abnormal: 'Abnormal', medicines: 'Active medicines',
    prescribeAnyway: 'Prescribe anyway', overrideRequired: 'Give the reason to prescribe despite the warning.', overrideReason: 'Why prescribe it anyway',
    overridden: 'Warning overridden', cancelRx: 'Cancel prescription', cancelConfirm: 'Cancel it', cancelReason: 'Why cancel it',
    cancelReasonRequired: 'Give the reason for cancelling.', cancelled: 'Cancelled',
  },
  ar: {
    findMedicine: 'ابحث عن دواء', dose: 'الجرعة', unit: 'الوحدة', route: 'طريقة الإعطاء', frequency: 'عدد المرات', days: 'عدد الأيام', quantity: 'الكمية المصروفة',
    prescribe: 'وصف الدواء', allergyWarning: /لدى المريض حساسية مسجّلة/, cancel: 'إلغاء', findTest: 'ابحث عن فحص مختبري', order: 'اطلب فحصًا واحدًا',
    lab: 'قائمة عمل المختبر', collect: 'أُخذت العينة', toEnter: 'نتائج للإدخال', toVerify: 'للتحقق', saveResult: 'احفظ نتيجة واحدة', verify: 'التحقق من النتائج',
    verifySelf: 'يتحقق فني آخر', pharmacy: 'قائمة الصرف', give: 'الكمية المصروفة', dispense: 'صرف', partly: /صُرف 12 من 24/,
    labResults: 'نتائج المختبر', abnormal: 'غير طبيعي', medicines: 'الأدوية الحالية',
    prescribeAnyway: 'وصفه رغم التحذير', overrideRequired: 'اذكر سبب الوصف رغم التحذير.', overrideReason: 'لماذا يُوصف رغم ذلك',
    overridden: 'تُجووز التحذير', cancelRx: 'إلغاء الوصفة', cancelConfirm: 'ألغِها', cancelReason: 'سبب الإلغاء',
    cancelReasonRequired: 'اذكر سبب الإلغاء.', cancelled: 'أُلغي',
  },
} as const;

export async function as(server: E2EServer, userId: string) {
  return authHeaders(await tokenFor(server.app, userId), server.facility.id);
}

export async function api(server: E2EServer, headers: Record<string, string>, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await server.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export interface CheckedIn { patientId: string; appointmentId: string; mrn: string }

/** A patient (names in both scripts, allergic to penicillin) checked in today for `doctorId`. */
export async function checkedInPatient(server: E2EServer, doctorId: string, name: { first: string; last: string; firstAr: string; lastAr: string }): Promise<CheckedIn> {
  const desk = await as(server, (await server.user('receptionist', { name: 'Sara Osman Ali' })).id);
  const nurse = await as(server, (await server.user('nurse', { name: 'Huda Ahmed Musa' })).id);
  const patient = await api(server, desk, 'POST', '/patients', {
    firstName: name.first, lastName: name.last, firstNameAr: name.firstAr, lastNameAr: name.lastAr, sex: 'female', dateOfBirth: '1988-04-02', confirmNew: true,
  });
  await api(server, nurse, 'POST', `/patients/${patient.id}/allergies`, { substance: 'Penicillin', medicationCode: 'penicillins', severity: 'severe', reaction: 'rash' });
  const booked = await api(server, desk, 'POST', '/appointments', { patientId: patient.id, providerId: doctorId, dateTime: `${nextWeekday(MONDAY)} 09:00`, type: 'consultation' });
  await moveAppointmentTo(server.env.db, booked.id, localDay());
  await api(server, desk, 'POST', `/appointments/${booked.id}/check-in`);
  return { patientId: patient.id, appointmentId: booked.id, mrn: patient.mrn };
}
