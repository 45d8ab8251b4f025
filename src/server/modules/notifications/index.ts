// Notifications: email (SMTP) and SMS (HTTP gateway) messages per event, in English and Arabic,
// delivered by the outbox worker at least once, and at most once where the log can tell.
//
// The contract for other modules (import only from this file):
// - queueNotification(trx, { facilityId, event, to, data, channels?, attachments?, sendAt?, dedupeKey?, subjectRef? })
//   writes one delivery-log row per channel and its outbox job IN THE CALLER'S TRANSACTION: roll
//   back and nothing is sent. `to` is { userId } | { patientId } | { email, name?, language? };
//   channels default to every channel the recipient has an address for and the facility has on
//   (users: email, and SMS when they have a phone; patients: their phone and the email of their
//   contact preferences, else of their record, minus opt-outs, which are logged 'skipped_opt_out'; a bare address:
//   email). The language is the recipient's preference. `data` is the template's variables and is
//   kept only in the job, never in the log; `name` (the recipient's) is added to it at send time.
//   `dedupeKey`: a second call with the same key (per facility and channel) queues nothing.
//   `sendAt`: not before then. Answers the queued deliveries.
// - registerTemplate(event, { en: (data) => ({ subject, text, html? }), ar: … }) at import time of
//   the module that queues the event; text is the SMS body and the email's text part, html (made
//   from the text when absent) its HTML part. queueNotification refuses an event with no template.
// - Email attachments: a module declares `notificationAttachments: { <kind>: (db, ref, language) =>
//   Promise<{ filename, contentType, content: Buffer }> }` on its Module, and queues
//   `attachments: [{ kind, ref }]`; the file is made at send time.
// - supersedeNotifications(trx, facilityId, subjectRef, event) cancels queued messages about a
//   subject (a moved appointment's reminder).
// - facilitySettings(db, facilityId): the facility's settings (e.g. dailySummaryEnabled).
import type { FastifyInstance } from 'fastify';
import type { Module } from '../../platform/modules.ts';
import type { AppContext } from '../../platform/context.ts';
import { onAppointmentChanged } from './appointment-events.ts';
import { deliveryRoutes } from './deliveries.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { templateRoutes } from './templates.routes.ts';
import { contactPreferencesMerge } from './merge.ts';

export { queueNotification, supersedeNotifications, NOTIFICATION_TOPIC, type NotificationRequest, type AttachmentRef, type QueuedDelivery } from './queue.ts';
export { registerTemplate, renderTemplate, templateEvents, escapeHtml, str, type Template, type TemplateFn, type RenderedMessage, type TemplateData } from './templates.ts';
export { formatWhen } from './format.ts';
export { facilitySettings } from './settings.ts';
export type { RecipientRef } from './recipients.ts';
export type { Channel, DeliveryStatus, Language } from './notifications.table.ts';
export { APPOINTMENT_EVENTS } from './appointment-events.ts';
export { criticalResultNotifier, CRITICAL_RESULT_EVENT } from './critical-result.ts';
export { notificationJobHandlers, notificationChannels, type NotificationWorkerDeps } from './worker-setup.ts';
export { notificationMetrics } from './metrics.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  ctx.health.addTables('notification', ['notification_deliveries']);
  await deliveryRoutes(app, { ctx });
  await settingsRoutes(app, { ctx });
  await templateRoutes(app, { ctx });
}

export const notificationsModule: Module = { name: 'notifications', routes, onAppointmentChanged, patientMerge: contactPreferencesMerge };
