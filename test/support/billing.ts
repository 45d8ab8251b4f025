// Billing records written straight to the database, for the access matrix and tests that need an
// invoice or payment without going through the API.
import type { Db } from '../../src/server/db/connect.ts';
import { uuidv7, nowIso } from '../../src/server/platform/ids.ts';
import { insertPatient } from './patients.ts';

/** An issued invoice of 1000 SDG (one line) for a new patient. */
export async function insertInvoice(db: Db, facilityId: string): Promise<string> {
  const patient = await insertPatient(db, facilityId);
  const id = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('invoices').values({
    id, facility_id: facilityId, number: `T-${id}`, patient_id: patient.id, encounter_id: null, currency: 'SDG', subtotal: 1000, discount: 0, discount_reason: null, discount_approved_by: null, discounted_at: null, total: 1000, amount_paid: 0,
    status: 'issued', void_reason: null, voided_by: null, voided_at: null, issued_by: uuidv7(), issued_at: now, updated_at: now,
  }).execute();
  await db.kysely.insertInto('invoice_lines').values({
    id: uuidv7(), facility_id: facilityId, invoice_id: id, position: 1, description: 'Consultation', service_code: null, price_id: null,
    quantity: 1, unit_price: 1000, line_total: 1000,
  }).execute();
  return id;
}

/** A completed cash payment of 500 on a new invoice. */
export async function insertPayment(db: Db, facilityId: string): Promise<string> {
  const invoiceId = await insertInvoice(db, facilityId);
  const { patient_id: patientId } = await db.kysely.selectFrom('invoices').select('patient_id').where('id', '=', invoiceId).executeTakeFirstOrThrow();
  const id = uuidv7();
  await db.kysely.insertInto('payments').values({
    id, facility_id: facilityId, invoice_id: invoiceId, patient_id: patientId, amount: 500, currency: 'SDG', method: 'cash', reference: null,
    status: 'completed', refund_of: null, reason: null, shift_id: null, received_by: uuidv7(), received_at: nowIso(), confirmed_by: null, confirmed_at: null,
  }).execute();
  await db.kysely.updateTable('invoices').set({ amount_paid: 500, status: 'partially_paid' }).where('id', '=', invoiceId).execute();
  return id;
}

/** An open cash shift of the given clerk. */
export async function insertShift(db: Db, facilityId: string, clerkId: string): Promise<string> {
  const id = uuidv7();
  await db.kysely.insertInto('cash_shifts').values({
    id, facility_id: facilityId, clerk_id: clerkId, open_clerk_id: null, currency: 'SDG', opening_float: 0, opened_at: nowIso(),
    closed_at: null, expected_cash: null, counted_cash: null, note: null,
  }).execute();
  return id;
}

/** An active payer covering 80% of services, 50% of lab tests and all medicines. */
export async function insertPayer(db: Db, facilityId: string, userId: string): Promise<string> {
  const id = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('payers').values({
    id, facility_id: facilityId, name: `Payer ${id}`, kind: 'nhif', service_bp: 8000, lab_test_bp: 5000, medicine_bp: 10000, active: 1, created_by: userId, created_at: now, updated_at: now,
  }).execute();
  return id;
}

/** A current coverage of a new patient by a new payer: the patient's id and the coverage's. */
export async function insertCoverage(db: Db, facilityId: string, userId: string): Promise<{ id: string; coverageId: string }> {
  const patient = await insertPatient(db, facilityId);
  const coverageId = uuidv7();
  await db.kysely.insertInto('patient_coverages').values({
    id: coverageId, facility_id: facilityId, patient_id: patient.id, open_patient_id: patient.id, payer_id: await insertPayer(db, facilityId, userId),
    member_number: 'M-1', valid_from: nowIso().slice(0, 10), valid_to: null, created_by: userId, created_at: nowIso(), ended_by: null, ended_at: null,
  }).execute();
  return { id: patient.id, coverageId };
}
