// Many appointments at once, for demo data and benchmarks (`nilecare seed`). The caller hands in
// slots that never overlap per provider; they are stored in multi-row inserts in one transaction.
import type { AppContext } from '../../platform/context.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { AppointmentStatus, AppointmentTable } from './scheduling.table.ts';

export interface SeedAppointment {
  patientId: string;
  providerId: string;
  startsAt: Date;
  durationMinutes: number;
  type: string;
  status: AppointmentStatus;
}

const ROWS_PER_INSERT = 300;

export async function seedAppointments(ctx: AppContext, facilityId: string, specs: SeedAppointment[]): Promise<number> {
  const now = nowIso();
  const rows: AppointmentTable[] = specs.map((s) => {
    const starts = s.startsAt.toISOString();
    const ends = new Date(s.startsAt.getTime() + s.durationMinutes * 60_000).toISOString();
    const reached = (...statuses: AppointmentStatus[]) => statuses.includes(s.status);
    return {
      id: uuidv7(), facility_id: facilityId, patient_id: s.patientId, provider_id: s.providerId, type: s.type, status: s.status,
      starts_at: starts, ends_at: ends, duration_minutes: s.durationMinutes, notes: null,
      cancel_reason: reached('cancelled') ? 'Patient asked to cancel' : null,
      checked_in_at: reached('checked_in', 'in_progress', 'completed') ? starts : null,
      started_at: reached('in_progress', 'completed') ? starts : null,
      completed_at: reached('completed') ? ends : null,
      cancelled_at: reached('cancelled') ? now : null,
      created_by: null, created_at: now, updated_at: now,
    };
  });
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx.insertInto('appointments').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
    await ctx.audit.record({ action: 'appointment.seed', facilityId, targetType: 'appointment', details: { count: rows.length } }, trx);
  });
  return rows.length;
}
