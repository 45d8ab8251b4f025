// The worker's handler for one delivery. The log row is the guard against sending twice: a job
// whose row says 'sent' (or 'cancelled', 'skipped_opt_out') sends nothing; otherwise the row is
// moved to 'sending' with a compare-and-set on its attempt count (two workers holding the same
// job after an expired claim cannot both pass), the message is sent, and the row is marked 'sent'.
// What remains is the window between the provider accepting the message and the 'sent' update: a
// crash there sends again on the next attempt, with the same Message-ID / Idempotency-Key.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../platform/ids.ts';
import type { NotificationAttachmentProvider, NotificationAttachment } from '../../platform/modules.ts';
import { PermanentJobError, type JobHandler } from '../../platform/outbox/worker.ts';
import { PermanentDeliveryError, type ChannelAdapter } from './channels/channel.ts';
import type { NotificationMetrics } from './metrics.ts';
import type { Channel, DeliveryStatus } from './notifications.table.ts';
import type { DeliveryPayload } from './queue.ts';
import { hasTemplate, renderTemplate } from './templates.ts';

export interface DeliveryDeps {
  db: Kysely<Database>;
  channels: Partial<Record<Channel, ChannelAdapter>>;
  attachments: Map<string, NotificationAttachmentProvider>;
  metrics?: NotificationMetrics;
  log: Logger;
}

const FINISHED_LIST: DeliveryStatus[] = ['sent', 'cancelled', 'skipped_opt_out'];
const FINISHED = new Set<DeliveryStatus>(FINISHED_LIST);

export function deliveryHandler(deps: DeliveryDeps): JobHandler {
  const { db } = deps;
  return async (payload, job) => {
    const p = payload as DeliveryPayload;
    const row = await db.selectFrom('notification_deliveries').selectAll().where('id', '=', p.deliveryId).executeTakeFirst();
    if (!row) throw new PermanentJobError(`delivery ${p.deliveryId} not found`);
    if (FINISHED.has(row.status)) return;
    const final = job.attempt >= job.maxAttempts;
    const fail = async (message: string, permanent: boolean) => {
      await db.updateTable('notification_deliveries').set({ status: permanent || final ? 'dead' : 'failed', last_error: message.slice(0, 2000), updated_at: nowIso() })
        .where('id', '=', row.id).where('status', '=', 'sending').execute();
      deps.metrics?.failed(row.channel, row.event);
    };

    if (p.patientId && await optedOut(db, p.patientId, row.channel)) {
      await db.updateTable('notification_deliveries').set({ status: 'skipped_opt_out', updated_at: nowIso() }).where('id', '=', row.id).where('status', '=', row.status).execute();
      return;
    }
    const claimed = await db.updateTable('notification_deliveries').set({ status: 'sending', attempts: row.attempts + 1, updated_at: nowIso() })
      .where('id', '=', row.id).where('attempts', '=', row.attempts).where('status', 'not in', FINISHED_LIST).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return; // another worker took it, or it was cancelled meanwhile

    const adapter = deps.channels[row.channel];
    try {
      if (!adapter) throw new PermanentDeliveryError(row.channel === 'sms' ? 'SMS is not configured (SMS_GATEWAY_URL)' : 'email is not configured (SMTP_HOST)');
      if (!hasTemplate(row.event)) throw new PermanentDeliveryError(`no template for notification event ${row.event}`);
      const message = renderTemplate(row.event, row.language, { ...p.data, name: p.name });
      const files: NotificationAttachment[] = [];
      for (const a of p.attachments) {
        const provider = deps.attachments.get(a.kind);
        if (!provider) throw new PermanentDeliveryError(`no module provides attachments of kind ${a.kind}`);
        files.push(await provider(db, a.ref, row.language));
      }
      const { providerMessageId } = await adapter.send({ deliveryId: row.id, to: p.address, name: p.name, language: row.language, subject: message.subject, text: message.text, html: message.html!, attachments: files });
      const now = nowIso();
      await db.updateTable('notification_deliveries').set({ status: 'sent', provider_message_id: providerMessageId.slice(0, 200), last_error: null, sent_at: now, updated_at: now })
        .where('id', '=', row.id).execute();
      deps.metrics?.sent(row.channel, row.event);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = err instanceof PermanentDeliveryError;
      await fail(message, permanent);
      deps.log.warn({ deliveryId: row.id, channel: row.channel, event: row.event, attempt: job.attempt, permanent, err: message }, 'notification not sent');
      throw permanent ? new PermanentJobError(message) : err;
    }
  };
}

async function optedOut(db: Kysely<Database>, patientId: string, channel: Channel): Promise<boolean> {
  const prefs = await db.selectFrom('patient_contact_preferences').select(['sms_opt_out', 'email_opt_out']).where('patient_id', '=', patientId).executeTakeFirst();
  if (!prefs) return false;
  return Boolean(Number(channel === 'sms' ? prefs.sms_opt_out : prefs.email_opt_out));
}
