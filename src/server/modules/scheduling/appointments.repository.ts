// Appointments and their history. Every query takes the facility id; the patient's name and MRN
// and the provider's name come by join, so a page of any size is one query.
import type { DbClient } from '../../config.ts';
import type { PatientNameColumns } from '../patients/index.ts';
import type { AppointmentEventTable, AppointmentStatus, AppointmentTable } from './scheduling.table.ts';
import type { Interval } from './working-hours.ts';
import type { Executor } from './providers.repository.ts';

const MAX_DURATION_MS = 480 * 60_000;

export interface AppointmentRow extends AppointmentTable, PatientNameColumns {
  provider_name: string;
  mrn: string | null;
}

function withPeople(db: Executor, facilityId: string) {
  return db.selectFrom('appointments as a')
    .innerJoin('users as u', 'u.id', 'a.provider_id')
    .leftJoin('patients as p', (j) => j.onRef('p.id', '=', 'a.patient_id').onRef('p.facility_id', '=', 'a.facility_id'))
    .selectAll('a')
    .select([
      'u.name as provider_name', 'p.mrn as mrn',
      'p.first_name', 'p.father_name', 'p.grandfather_name', 'p.last_name',
      'p.first_name_ar', 'p.father_name_ar', 'p.grandfather_name_ar', 'p.last_name_ar',
    ])
    .where('a.facility_id', '=', facilityId);
}

export function findAppointment(db: Executor, facilityId: string, id: string): Promise<AppointmentRow | undefined> {
  return withPeople(db, facilityId).where('a.id', '=', id).executeTakeFirst();
}

export interface AppointmentFilter {
  from?: string;
  to?: string;
  providerId?: string;
  patientId?: string;
  statuses?: AppointmentStatus[];
  after?: { startsAt: string; id: string };
}

/** Ordered by start time (then id, so pages never skip or repeat an appointment). */
export function listAppointments(db: Executor, facilityId: string, f: AppointmentFilter, limit: number): Promise<AppointmentRow[]> {
  let q = withPeople(db, facilityId);
  if (f.from) q = q.where('a.starts_at', '>=', f.from);
  if (f.to) q = q.where('a.starts_at', '<', f.to);
  if (f.providerId) q = q.where('a.provider_id', '=', f.providerId);
  if (f.patientId) q = q.where('a.patient_id', '=', f.patientId);
  if (f.statuses?.length) q = q.where('a.status', 'in', f.statuses);
  const after = f.after;
  if (after) {
    q = q.where((eb) => eb.or([
      eb('a.starts_at', '>', after.startsAt),
      eb.and([eb('a.starts_at', '=', after.startsAt), eb('a.id', '>', after.id)]),
    ]));
  }
  return q.orderBy('a.starts_at').orderBy('a.id').limit(limit).execute();
}

/** Patients checked in since `since` and still waiting, first come first. */
/** Appointments of the day [from, to) whose patient checked in that day and is still waiting. */
export function waitingQueue(db: Executor, facilityId: string, day: { from: string; to: string }, providerId?: string): Promise<AppointmentRow[]> {
  // The start bounds keep out a patient checked in for another day's appointment.
  let q = withPeople(db, facilityId).where('a.status', '=', 'checked_in').where('a.checked_in_at', '>=', day.from)
    .where('a.starts_at', '>=', day.from).where('a.starts_at', '<', day.to);
  if (providerId) q = q.where('a.provider_id', '=', providerId);
  return q.orderBy('a.checked_in_at').orderBy('a.id').execute();
}

/** Non-cancelled appointments of a provider that overlap [from, to). */
export async function bookedIntervals(db: Executor, facilityId: string, providerId: string, range: Interval, exceptId?: string): Promise<(Interval & { id: string })[]> {
  let q = db.selectFrom('appointments').select(['id', 'starts_at', 'ends_at'])
    .where('facility_id', '=', facilityId).where('provider_id', '=', providerId)
    // No appointment is longer than the maximum, so this lower bound keeps the index range short.
    .where('starts_at', '>', new Date(range.start - MAX_DURATION_MS).toISOString())
    .where('starts_at', '<', new Date(range.end).toISOString())
    .where('ends_at', '>', new Date(range.start).toISOString())
    .where('status', '!=', 'cancelled');
  if (exceptId) q = q.where('id', '!=', exceptId);
  const rows = await q.orderBy('starts_at').execute();
  return rows.map((r) => ({ id: r.id, start: Date.parse(r.starts_at), end: Date.parse(r.ends_at) }));
}

/**
 * Makes sure the provider's lock row exists. Runs on its own, before the booking transaction: on
 * MySQL an INSERT IGNORE that meets an existing row takes a shared lock, and two bookings that both
 * held one and then asked for FOR UPDATE would deadlock.
 */
export async function ensureProviderLock(db: Executor, client: DbClient, facilityId: string, providerId: string, at: string): Promise<void> {
  if (client === 'sqlite') return; // see lockProvider
  const insert = db.insertInto('provider_schedule_locks').values({ facility_id: facilityId, provider_id: providerId, created_at: at });
  await (client === 'mysql' ? insert.ignore() : insert.onConflict((oc) => oc.columns(['facility_id', 'provider_id']).doNothing())).execute();
}

/**
 * Serializes bookings of one provider until the transaction ends. Must be the transaction's first
 * read: MySQL's repeatable-read snapshot starts at the first plain read, and the overlap check
 * after this lock has to see what the previous holder committed. SQLite runs one transaction at a time.
 */
export async function lockProvider(trx: Executor, client: DbClient, facilityId: string, providerId: string): Promise<void> {
  if (client === 'sqlite') return;
  await trx.selectFrom('provider_schedule_locks').select('provider_id')
    .where('facility_id', '=', facilityId).where('provider_id', '=', providerId).forUpdate().execute();
}

/** The appointment row, locked against concurrent transitions until the transaction ends. */
export function lockAppointment(trx: Executor, client: DbClient, facilityId: string, id: string): Promise<AppointmentTable | undefined> {
  const q = trx.selectFrom('appointments').selectAll().where('facility_id', '=', facilityId).where('id', '=', id);
  return (client === 'sqlite' ? q : q.forUpdate()).executeTakeFirst();
}

export async function insertAppointment(trx: Executor, row: AppointmentTable): Promise<void> {
  await trx.insertInto('appointments').values(row).execute();
}

export async function updateAppointment(trx: Executor, facilityId: string, id: string, set: Partial<AppointmentTable>): Promise<void> {
  await trx.updateTable('appointments').set(set).where('facility_id', '=', facilityId).where('id', '=', id).execute();
}

export async function insertEvents(trx: Executor, events: AppointmentEventTable[]): Promise<void> {
  // In chunks: a merge can move many appointments, and drivers cap the parameters of one statement.
  for (let i = 0; i < events.length; i += 500) await trx.insertInto('appointment_events').values(events.slice(i, i + 500)).execute();
}

export function appointmentEvents(db: Executor, facilityId: string, appointmentId: string) {
  return db.selectFrom('appointment_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .selectAll('e')
    .select('u.name as actor_name')
    .where('e.facility_id', '=', facilityId).where('e.appointment_id', '=', appointmentId)
    .orderBy('e.occurred_at').orderBy('e.id')
    .execute();
}
