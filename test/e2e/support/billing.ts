// Billing in the browser: the words on screen (read from the catalogues, so a reworded label does
// not break the flow), and the set-up through the API — a price of SDG 1,000.00 for a consultation,
// a patient with an encounter today, a billing clerk who reads Arabic-Indic digits in Arabic.
import fs from 'node:fs';
import path from 'node:path';
import type { E2EServer } from './server.ts';
import { api, as } from './clinical.ts';

const catalogue = (lang: 'en' | 'ar') => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'src', 'web', 'i18n', lang, 'invoicing.json'), 'utf8'));
export const BILLING = { en: catalogue('en'), ar: catalogue('ar') } as const;

/** SDG 1,000.00: a consultation at a private clinic in Khartoum, in piastres. */
export const CONSULTATION_PRICE = 100_000;

export async function priceConsultation(server: E2EServer): Promise<void> {
  const admin = await as(server, (await server.user('facility_admin', { name: 'Nadia Salih Idris' })).id);
  await api(server, admin, 'POST', '/price-list', { kind: 'service', code: 'consultation-outpatient', name: 'Outpatient consultation', unitPrice: CONSULTATION_PRICE });
}

export interface Visit { patientId: string; mrn: string; encounterId: string }

/** A registered patient (names in both scripts) whose outpatient encounter started now. */
export async function patientWithEncounter(server: E2EServer, name: { first: string; last: string; firstAr: string; lastAr: string }): Promise<Visit> {
  const desk = await as(server, (await server.user('receptionist', { name: 'Sara Osman Ali' })).id);
  const doctor = await as(server, (await server.user('doctor', { name: 'Khalid Omer Hassan' })).id);
  const patient = await api(server, desk, 'POST', '/patients', {
    firstName: name.first, lastName: name.last, firstNameAr: name.firstAr, lastNameAr: name.lastAr, sex: 'male', dateOfBirth: '1979-09-12', confirmNew: true,
  });
  const encounter = await api(server, doctor, 'POST', '/encounters', { patientId: patient.id });
  return { patientId: patient.id, mrn: patient.mrn, encounterId: encounter.id };
}

/** A billing clerk; in Arabic they chose Arabic-Indic digits, as many Sudanese users do. */
export async function clerk(server: E2EServer, language: 'en' | 'ar') {
  const user = await server.user('billing_clerk', { name: language === 'en' ? 'Mona Abdelrahman Ali' : 'Hiba Elfatih Yousif' });
  if (language === 'ar') {
    const res = await server.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: await as(server, user.id), payload: { preferredLanguage: 'ar', digits: 'arab' } });
    if (res.statusCode !== 200) throw new Error(`PATCH /auth/me: ${res.statusCode} ${res.body}`);
  }
  return { ...user, headers: await as(server, user.id) };
}

/** The payments of an invoice as the API has them. */
export async function paymentsOf(server: E2EServer, headers: Record<string, string>, invoiceId: string): Promise<{ id: string; amount: number; method: string; status: string }[]> {
  return (await api(server, headers, 'GET', `/invoices/${invoiceId}/payments`)).items;
}
