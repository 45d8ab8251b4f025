// Working-hour templates and exceptions. A provider without a template of their own works the
// facility's hours; a facility that set none works DEFAULT_FACILITY_HOURS.
import type { DbClient } from '../../config.ts';
import type { ProviderScheduleExceptionTable } from './scheduling.table.ts';
import { DEFAULT_FACILITY_HOURS, normaliseWeek, type TimeRange, type Week, type WeekTemplate } from './working-hours.ts';
import type { Executor } from './providers.repository.ts';

export interface EffectiveHours extends WeekTemplate { source: 'provider' | 'facility' | 'default'; updatedAt: string | null }

export interface ScheduleException { id: string; providerId: string; date: string; hours: TimeRange[] | null; reason: string | null; createdAt: string }

const parseWeek = (json: string): Week => normaliseWeek(JSON.parse(json) as Partial<Week>);

export async function facilityHours(db: Executor, facilityId: string): Promise<EffectiveHours> {
  const row = await db.selectFrom('facility_working_hours').selectAll().where('facility_id', '=', facilityId).executeTakeFirst();
  if (!row) return { ...DEFAULT_FACILITY_HOURS, source: 'default', updatedAt: null };
  return { slotMinutes: Number(row.slot_minutes), days: parseWeek(row.week), source: 'facility', updatedAt: row.updated_at };
}

export async function providerHours(db: Executor, facilityId: string, providerId: string): Promise<EffectiveHours> {
  const row = await db.selectFrom('provider_working_hours').selectAll()
    .where('facility_id', '=', facilityId).where('provider_id', '=', providerId).executeTakeFirst();
  if (!row) return facilityHours(db, facilityId);
  return { slotMinutes: Number(row.slot_minutes), days: parseWeek(row.week), source: 'provider', updatedAt: row.updated_at };
}

interface TemplateWrite { slotMinutes: number; days: Week; actorId: string; at: string }

export async function saveFacilityHours(db: Executor, client: DbClient, facilityId: string, t: TemplateWrite): Promise<void> {
  const values = { slot_minutes: t.slotMinutes, week: JSON.stringify(t.days), updated_by: t.actorId, updated_at: t.at };
  const insert = db.insertInto('facility_working_hours').values({ facility_id: facilityId, ...values });
  await (client === 'mysql' ? insert.onDuplicateKeyUpdate(values) : insert.onConflict((oc) => oc.column('facility_id').doUpdateSet(values))).execute();
}

export async function saveProviderHours(db: Executor, client: DbClient, facilityId: string, providerId: string, t: TemplateWrite): Promise<void> {
  const values = { slot_minutes: t.slotMinutes, week: JSON.stringify(t.days), updated_by: t.actorId, updated_at: t.at };
  const insert = db.insertInto('provider_working_hours').values({ facility_id: facilityId, provider_id: providerId, ...values });
  await (client === 'mysql' ? insert.onDuplicateKeyUpdate(values) : insert.onConflict((oc) => oc.columns(['facility_id', 'provider_id']).doUpdateSet(values))).execute();
}

const toException = (r: ProviderScheduleExceptionTable): ScheduleException => ({
  id: r.id, providerId: r.provider_id, date: r.date, hours: r.hours === null ? null : JSON.parse(r.hours) as TimeRange[], reason: r.reason, createdAt: r.created_at,
});

/** A provider's exceptions, in date order, from and to inclusive. */
export async function listExceptions(db: Executor, facilityId: string, providerId: string, range: { from?: string; to?: string }): Promise<ScheduleException[]> {
  let q = db.selectFrom('provider_schedule_exceptions').selectAll().where('facility_id', '=', facilityId).where('provider_id', '=', providerId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  return (await q.orderBy('date').execute()).map(toException);
}

export async function exceptionOn(db: Executor, facilityId: string, providerId: string, date: string): Promise<ScheduleException | undefined> {
  const [hit] = await listExceptions(db, facilityId, providerId, { from: date, to: date });
  return hit;
}

export async function insertException(db: Executor, row: ProviderScheduleExceptionTable): Promise<ScheduleException> {
  await db.insertInto('provider_schedule_exceptions').values(row).execute();
  return toException(row);
}

export async function findException(db: Executor, facilityId: string, providerId: string, id: string): Promise<ScheduleException | undefined> {
  const row = await db.selectFrom('provider_schedule_exceptions').selectAll()
    .where('facility_id', '=', facilityId).where('provider_id', '=', providerId).where('id', '=', id).executeTakeFirst();
  return row && toException(row);
}

export async function deleteException(db: Executor, facilityId: string, id: string): Promise<void> {
  await db.deleteFrom('provider_schedule_exceptions').where('facility_id', '=', facilityId).where('id', '=', id).execute();
}
