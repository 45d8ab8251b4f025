// A facility's notification settings: how long before an appointment its reminder goes out, and
// which channels it uses at all. No row means the defaults.
import type { Executor } from './executor.ts';
import type { Channel } from './notifications.table.ts';

export const DEFAULT_REMINDER_LEAD_MINUTES = 24 * 60;
/** One hour to one week: shorter is useless to the patient, longer is forgotten. */
export const REMINDER_LEAD_BOUNDS = { min: 60, max: 7 * 24 * 60 } as const;

export interface FacilityNotificationSettings {
  reminderLeadMinutes: number;
  channels: Record<Channel, boolean>;
  /** Told of repeated failed sign-ins on the facility's staff accounts (the auth module's security notices). */
  securityContactEmail: string | null;
  /** Yesterday's figures emailed to the facility admins each morning (reports/daily-summary.ts). */
  dailySummaryEnabled: boolean;
}

export async function facilitySettings(db: Executor, facilityId: string): Promise<FacilityNotificationSettings> {
  const row = await db.selectFrom('notification_settings').selectAll().where('facility_id', '=', facilityId).executeTakeFirst();
  if (!row) return { reminderLeadMinutes: DEFAULT_REMINDER_LEAD_MINUTES, channels: { email: true, sms: true }, securityContactEmail: null, dailySummaryEnabled: true };
  return { reminderLeadMinutes: Number(row.reminder_lead_minutes), channels: { email: Boolean(Number(row.email_enabled)), sms: Boolean(Number(row.sms_enabled)) }, securityContactEmail: row.security_contact_email ?? null, dailySummaryEnabled: Boolean(Number(row.daily_summary_enabled ?? 1)) };
}

export async function saveFacilitySettings(db: Executor, facilityId: string, userId: string, s: FacilityNotificationSettings): Promise<void> {
  const values = { reminder_lead_minutes: s.reminderLeadMinutes, email_enabled: s.channels.email ? 1 : 0, sms_enabled: s.channels.sms ? 1 : 0, security_contact_email: s.securityContactEmail, daily_summary_enabled: s.dailySummaryEnabled ? 1 : 0, updated_by: userId, updated_at: new Date().toISOString() };
  const updated = await db.updateTable('notification_settings').set(values).where('facility_id', '=', facilityId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('notification_settings').values({ facility_id: facilityId, ...values }).execute();
}
