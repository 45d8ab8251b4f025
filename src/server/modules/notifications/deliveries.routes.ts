// The delivery log over HTTP, for facility admins: list with filters and cursor paging, and retry
// a failed or dead delivery (its outbox job goes back to pending, due now, with fresh attempts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { decodeCursor, page } from '../../platform/http/keyset-cursor.ts';
import { addDays } from '../../platform/time.ts';
import type { NotificationDeliveryTable } from './notifications.table.ts';
import { Delivery, DeliveryPage, DeliveryQuery, IdParams, retryProblem } from './notifications.schemas.ts';

const tags = ['notifications'];

function view(r: Selectable<NotificationDeliveryTable>) {
  return {
    id: r.id, event: r.event, channel: r.channel, recipient: r.recipient, language: r.language, status: r.status, attempts: Number(r.attempts),
    lastError: r.last_error, providerMessageId: r.provider_message_id, sendAt: r.send_at, createdAt: r.created_at, sentAt: r.sent_at,
  };
}

export async function deliveryRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.get('/notifications', {
    config: { access: { permission: 'notifications:read' } },
    schema: { operationId: 'listNotifications', tags, summary: 'The delivery log, newest first, by status, event, channel and day', querystring: DeliveryQuery, response: { 200: DeliveryPage } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const q = request.query;
    let query = db.selectFrom('notification_deliveries').selectAll().where('facility_id', '=', facilityId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.event) query = query.where('event', '=', q.event);
    if (q.channel) query = query.where('channel', '=', q.channel);
    if (q.from) query = query.where('created_at', '>=', `${q.from}T00:00:00.000Z`);
    if (q.to) query = query.where('created_at', '<', `${addDays(q.to, 1)}T00:00:00.000Z`);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const { rows: shown, nextCursor } = page(rows, q.limit, (row) => row.created_at);
    return { items: shown.map(view), nextCursor };
  });

  r.post('/notifications/:id/retry', {
    config: { access: { permission: 'notifications:manage' } },
    schema: { operationId: 'retryNotification', tags, summary: 'Send a failed or dead delivery again, now', params: IdParams, response: { 200: Delivery, 409: retryProblem } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const id = request.params.id;
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('notification_deliveries').selectAll().where('facility_id', '=', facilityId).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Notification');
      if (row.status !== 'dead' && row.status !== 'failed') {
        throw new AppError('invalid_transition', `Only a failed or dead notification can be retried; this one is ${row.status}.`, { currentStatus: row.status });
      }
      const now = nowIso();
      // The same job with fresh attempts: its payload (address, data) is kept only there.
      const requeued = await trx.updateTable('outbox').set({ status: 'pending', attempts: 0, run_at: now, locked_by: null, locked_until: null })
        .where('id', '=', row.outbox_id ?? '').where('status', 'in', ['failed', 'pending']).executeTakeFirst();
      if (Number(requeued.numUpdatedRows) === 0) throw new AppError('invalid_transition', 'The notification is being sent right now; look again in a moment.', { currentStatus: 'sending' });
      await trx.updateTable('notification_deliveries').set({ status: 'queued', send_at: now, updated_at: now }).where('id', '=', id).execute();
      await ctx.audit.record({ ...auditContext(request), action: 'notification.retry', targetType: 'notification', targetId: id, details: { event: row.event, channel: row.channel, previousStatus: row.status } }, trx);
    });
    return view(await db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}
