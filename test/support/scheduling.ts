// Shared set-up of the scheduling tests: a facility with its staff, a second facility to prove
// isolation, patients (registered through the patients API), future dates on a chosen weekday,
// and records written straight to the database for the access matrix.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/connect.ts';
import { uuidv7, nowIso } from '../../src/server/platform/ids.ts';
import { addDays, localDateOf, localMinutesToInstant, toWallTime, weekdayOf } from '../../src/server/platform/time.ts';
import { authHeaders, createFacility, createUser, tokenFor, type TestFacility } from './fixtures.ts';
import { insertPatient } from './patients.ts';

export const SUNDAY = 0, MONDAY = 1, TUESDAY = 2, WEDNESDAY = 3, THURSDAY = 4, FRIDAY = 5, SATURDAY = 6;

/** The first date at least `minDaysAhead` days after today (in `zone`) that falls on `weekday`. */
export function nextWeekday(weekday: number, minDaysAhead = 2, zone = 'Africa/Khartoum'): string {
  let date = addDays(localDateOf(zone, Date.now()), minDaysAhead);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

/** Today's date in `zone`, `days` later (negative: earlier). */
export function localDay(days = 0, zone = 'Africa/Khartoum'): string {
  return addDays(localDateOf(zone, Date.now()), days);
}

/**
 * Moves an appointment to `date` in `zone`, same local time of day and length, straight in the
 * database: booking refuses past times and closed days, and check-in wants the appointment's day.
 */
export async function moveAppointmentTo(db: Db, id: string, date: string, zone = 'Africa/Khartoum'): Promise<void> {
  const row = await db.kysely.selectFrom('appointments').select(['starts_at', 'ends_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const w = toWallTime(zone, Date.parse(row.starts_at));
  const start = localMinutesToInstant(zone, date, w.hour * 60 + w.minute);
  const length = Date.parse(row.ends_at) - Date.parse(row.starts_at);
  await db.kysely.updateTable('appointments').set({ starts_at: new Date(start).toISOString(), ends_at: new Date(start + length).toISOString() }).where('id', '=', id).execute();
}

export interface TestPatient { id: string; mrn: string; name: string }

/** Registers a patient through the patients API, as the clinic's receptionist. */
export async function createPatient(app: FastifyInstance, clinic: Clinic, name = { first: 'Amna', last: 'Osman' }): Promise<TestPatient> {
  const res = await app.inject({
    method: 'POST', url: '/api/v1/patients', headers: clinic.receptionist.headers,
    payload: { firstName: name.first, lastName: name.last, dateOfBirth: '1990-01-01', confirmNew: true },
  });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  const { id, mrn } = res.json<{ id: string; mrn: string }>();
  return { id, mrn, name: `${name.first} ${name.last}` };
}

export interface Staff { id: string; headers: Record<string, string> }

async function staff(app: FastifyInstance, facilityId: string, role: Parameters<typeof createUser>[1][number]['role'], name: string): Promise<Staff> {
  const user = await createUser(app.ctx.db, [{ facilityId, role }], { name });
  return { id: user.id, headers: authHeaders(await tokenFor(app, user.id), facilityId) };
}

export interface Clinic {
  facility: TestFacility;
  admin: Staff;
  doctor: Staff;
  nurse: Staff;
  receptionist: Staff;
  billing: Staff;
}

export async function createClinic(app: FastifyInstance, opts: { timeZone?: string } = {}): Promise<Clinic> {
  const facility = await createFacility(app.ctx.db, { timeZone: opts.timeZone });
  return {
    facility,
    admin: await staff(app, facility.id, 'facility_admin', 'Admin Ahmed'),
    doctor: await staff(app, facility.id, 'doctor', 'Dr Fatima'),
    nurse: await staff(app, facility.id, 'nurse', 'Nurse Huda'),
    receptionist: await staff(app, facility.id, 'receptionist', 'Reception Sara'),
    billing: await staff(app, facility.id, 'billing_clerk', 'Billing Omer'),
  };
}

export function book(app: FastifyInstance, who: Staff, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/appointments', headers: who.headers, payload: body });
}

/** The field names a problem response blames. */
export function blamed(res: { json(): unknown }): string[] {
  return ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
}

/** A doctor of the facility, written straight to the database; answers the user id. */
export async function insertProvider(db: Db, facilityId: string): Promise<string> {
  return (await createUser(db, [{ facilityId, role: 'doctor' }], { name: 'Matrix doctor' })).id;
}

/**
 * An appointment with a new patient and provider, written straight to the database: by default
 * scheduled next week; `at` (an instant) and `checkedInAt` make one at any time, in any state.
 */
export async function insertAppointment(db: Db, facilityId: string, opts: { at?: number; checkedInAt?: string } = {}): Promise<string> {
  const patient = await insertPatient(db, facilityId);
  const providerId = await insertProvider(db, facilityId);
  const start = opts.at ?? Date.now() + 7 * 86_400_000;
  const id = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('appointments').values({
    id, facility_id: facilityId, patient_id: patient.id, provider_id: providerId, type: 'consultation', status: opts.checkedInAt ? 'checked_in' : 'scheduled',
    starts_at: new Date(start).toISOString(), ends_at: new Date(start + 30 * 60_000).toISOString(), duration_minutes: 30,
    notes: null, cancel_reason: null, checked_in_at: opts.checkedInAt ?? null, started_at: null, completed_at: null, cancelled_at: null,
    created_by: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

/** A provider with a day off next year; answers both path parameters of the exception routes. */
export async function insertException(db: Db, facilityId: string): Promise<{ id: string; exceptionId: string }> {
  const providerId = await insertProvider(db, facilityId);
  const exceptionId = uuidv7();
  await db.kysely.insertInto('provider_schedule_exceptions').values({
    id: exceptionId, facility_id: facilityId, provider_id: providerId, date: `${new Date().getUTCFullYear() + 1}-01-05`,
    hours: null, reason: null, created_by: null, created_at: nowIso(),
  }).execute();
  return { id: providerId, exceptionId };
}
