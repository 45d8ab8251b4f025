// The notifications module's HTTP shapes.
import { Type, type TSchema } from 'typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { problem } from '../../platform/http/problem-schemas.ts';
import { CHANNELS, DELIVERY_STATUSES } from './notifications.table.ts';
import { REMINDER_LEAD_BOUNDS } from './settings.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ pattern: UUID_PATTERN });
export const IdParams = Type.Object({ id: Uuid });
const ChannelEnum = Type.Enum([...CHANNELS]);
const Language = Type.Enum(['en', 'ar']);

export const Delivery = Type.Object({
  id: Type.String(),
  event: Type.String({ description: 'The template key, e.g. appointment.reminder' }),
  channel: ChannelEnum,
  recipient: Type.String({ description: 'Masked: enough to tell recipients apart, not to contact them' }),
  language: Language,
  status: Type.Enum([...DELIVERY_STATUSES], { description: 'queued → sending → sent; failed (will be retried), dead (no more tries: retry by hand), skipped_opt_out, cancelled (superseded)' }),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  providerMessageId: Nullable(Type.String()),
  sendAt: Type.String(),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});

export const DeliveryQuery = Type.Object({
  status: Type.Optional(Type.Enum([...DELIVERY_STATUSES])),
  event: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_.]+$' })),
  channel: Type.Optional(ChannelEnum),
  from: Type.Optional(Type.String({ format: 'date', description: 'Queued on or after this UTC day' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Queued on or before this UTC day' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page' })),
}, { additionalProperties: false });

export const DeliveryPage = Type.Object({ items: Type.Array(Delivery), nextCursor: Nullable(Type.String()) });

export const retryProblem = problem('invalid_transition: only a failed or dead delivery can be retried', ['invalid_transition']);

export const Settings = Type.Object({
  reminderLeadMinutes: Type.Integer({ minimum: REMINDER_LEAD_BOUNDS.min, maximum: REMINDER_LEAD_BOUNDS.max, description: 'How long before an appointment its reminder goes out (default 1440: 24 h)' }),
  emailEnabled: Type.Boolean(),
  smsEnabled: Type.Boolean(),
  securityContactEmail: Nullable(Type.String({ format: 'email', maxLength: 254, description: "Told of repeated failed sign-ins on the facility's staff accounts; null: nobody but the account holder" })),
  dailySummaryEnabled: Type.Boolean({ description: "Each morning (06:00 local) email the facility admins yesterday's figures (default true)" }),
});
// securityContactEmail and dailySummaryEnabled may be left out: what is set stays (clients older than the fields keep working).
export const SettingsBody = Type.Object({
  ...Settings.properties,
  securityContactEmail: Type.Optional(Settings.properties.securityContactEmail),
  dailySummaryEnabled: Type.Optional(Settings.properties.dailySummaryEnabled),
}, { additionalProperties: false });

const contactPreferenceFields = {
  email: Nullable(Type.String({ format: 'email', maxLength: 254, description: "Where email messages go: this address when set, else the patient record's email (the record also holds the phone)" })),
  smsOptOut: Type.Boolean(),
  emailOptOut: Type.Boolean(),
  language: Nullable(Type.Enum(['en', 'ar'], { description: "Messages' language; null: the patient record's preferred language" })),
};
export const ContactPreferences = Type.Object({
  ...contactPreferenceFields,
  emailFromRecord: Type.Boolean({ description: "true: `email` is the patient record's (no address of its own is set here)" }),
});
/** Sending back the record's email (or null) keeps following the record. */
export const ContactPreferencesBody = Type.Object(contactPreferenceFields, { additionalProperties: false });
