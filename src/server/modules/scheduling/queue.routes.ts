// The walk-in queue: who checked in today for today's appointments and is still waiting, first
// come first, with how long they have waited. "Today" is the facility's local day.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { localDateOf, localMinutesToInstant } from '../../platform/time.ts';
import { Queue, QueueQuery } from './appointments.schemas.ts';
import { waitingQueue } from './appointments.repository.ts';
import { facilityZone } from './providers.repository.ts';
import { patientNames } from '../patients/index.ts';
import { inZone } from './present.ts';

export async function queueRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.get('/queue', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'listQueue', tags: ['scheduling'], summary: "Today's checked-in patients still waiting, in arrival order", querystring: QueueQuery, response: { 200: Queue } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const zone = await facilityZone(db, facilityId);
    const now = Date.now();
    const today = localDateOf(zone, now);
    const at = (minutes: number) => new Date(localMinutesToInstant(zone, today, minutes)).toISOString();
    const rows = await waitingQueue(db, facilityId, { from: at(0), to: at(24 * 60) }, request.query.providerId);
    await ctx.audit.record({
      ...auditContext(request), action: 'appointment.queue', targetType: 'appointment', details: { providerId: request.query.providerId ?? null, count: rows.length },
    });
    return {
      items: rows.map((a) => ({
        appointmentId: a.id, patientId: a.patient_id, ...patientNames(a), mrn: a.mrn,
        providerId: a.provider_id, providerName: a.provider_name, type: a.type, dateTime: inZone(zone, a.starts_at),
        checkedInAt: inZone(zone, a.checked_in_at!), waitingMinutes: Math.max(0, Math.floor((now - Date.parse(a.checked_in_at!)) / 60_000)),
      })),
    };
  });
}
