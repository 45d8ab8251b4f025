// The notifications module's tables (migration 2026-11-27T1740_notifications). The delivery log
// holds no address or message text: the recipient is masked, and what is needed to send travels in
// the outbox job's payload (which the API never shows).
import type { Generated } from 'kysely';

export type Channel = 'email' | 'sms';
export const CHANNELS: readonly Channel[] = ['email', 'sms'];
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'dead' | 'skipped_opt_out' | 'cancelled';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'sending', 'sent', 'failed', 'dead', 'skipped_opt_out', 'cancelled'];
export type Language = 'en' | 'ar';

/** One message on one channel to one recipient. */
export interface NotificationDeliveryTable {
  id: string;
  facility_id: string;
  event: string;
  channel: Channel;
  /** For display only: "a***@example.org", "+2499******67". */
  recipient: string;
  /** What the message is about, e.g. "appointment:<id>": rescheduling supersedes that appointment's reminder. */
  subject_ref: string | null;
  language: Language;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  provider_message_id: string | null;
  /** The outbox job that sends it; a retry puts that job back to pending. */
  outbox_id: string | null;
  /** The caller's key: a second queueNotification with the same key and channel is a no-op. */
  dedupe_key: string | null;
  send_at: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** Per facility; no row means the defaults (24 h lead, both channels on). */
export interface NotificationSettingsTable {
  facility_id: string;
  reminder_lead_minutes: number;
  email_enabled: number;
  sms_enabled: number;
  /** Told of repeated failed sign-ins on its staff's accounts (migration 2026-11-27T1750). */
  security_contact_email: string | null;
  /** The daily summary email to the facility admins (migration 2026-11-27T1810); default 1. */
  daily_summary_enabled: Generated<number>;
  updated_by: string;
  updated_at: string;
}

/** A patient's contact preferences; no row means the defaults (both channels, patients.preferred_language). */
export interface PatientContactPreferencesTable {
  patient_id: string;
  facility_id: string;
  email: string | null;
  sms_opt_out: number;
  email_opt_out: number;
  /** Null: the patient record's preferred_language. */
  language: Language | null;
  updated_by: string;
  updated_at: string;
}

export interface NotificationTables {
  notification_deliveries: NotificationDeliveryTable;
  notification_settings: NotificationSettingsTable;
  patient_contact_preferences: PatientContactPreferencesTable;
}
