// The appointment life cycle: scheduled → checked_in → in_progress → completed, or cancelled
// (with a reason) / no_show. Any other move answers 409 invalid_transition naming the status, and
// so does a check-in on another day than the appointment's (in the facility's zone). The front
// desk checks in, cancels and marks no-shows; only clinicians start and complete a visit.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { nowIso } from '../../platform/ids.ts';
import type { Permission } from '../../platform/access/roles.ts';
import { localDateOf } from '../../platform/time.ts';
import type { AppointmentStatus, AppointmentTable } from './scheduling.table.ts';
import { Appointment, AppointmentParams, CancelBody, invalidTransitionProblem } from './appointments.schemas.ts';
import { findAppointment, insertEvents, lockAppointment, updateAppointment } from './appointments.repository.ts';
import { facilityZone } from './providers.repository.ts';
import { historyEvent, invalidTransition, notTheDay } from './history.ts';
import { appointmentView } from './present.ts';

interface Transition {
  path: string;
  operationId: string;
  verb: string;
  summary: string;
  from: AppointmentStatus[];
  to: AppointmentStatus;
  stamp?: 'checked_in_at' | 'started_at' | 'completed_at' | 'cancelled_at';
  permission: Permission;
  /** Only on the appointment's own day, in the facility's zone. */
  sameDay?: boolean;
}

const TRANSITIONS: Transition[] = [
  { path: 'check-in', operationId: 'checkInAppointment', verb: 'check in', summary: "The patient has arrived (on the appointment's day only)", from: ['scheduled'], to: 'checked_in', stamp: 'checked_in_at', permission: 'appointments:write', sameDay: true },
  { path: 'start', operationId: 'startAppointment', verb: 'start', summary: 'The clinician starts seeing the patient', from: ['checked_in'], to: 'in_progress', stamp: 'started_at', permission: 'appointments:attend' },
  { path: 'complete', operationId: 'completeAppointment', verb: 'complete', summary: 'The clinician has finished the visit', from: ['in_progress'], to: 'completed', stamp: 'completed_at', permission: 'appointments:attend' },
  { path: 'cancel', operationId: 'cancelAppointment', verb: 'cancel', summary: 'Cancel, with a reason; frees the slot', from: ['scheduled', 'checked_in'], to: 'cancelled', stamp: 'cancelled_at', permission: 'appointments:write' },
  { path: 'no-show', operationId: 'markAppointmentNoShow', verb: 'mark as no-show', summary: 'The patient did not come', from: ['scheduled'], to: 'no_show', permission: 'appointments:write' },
];

export async function transitionRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  async function apply(request: FastifyRequest, id: string, t: Transition, reason?: string) {
    const { facilityId, userId } = scopeOf(request);
    const now = nowIso();
    const zone = await facilityZone(db, facilityId);
    const links: Record<string, string> = {};
    await db.transaction().execute(async (trx) => {
      const current = await lockAppointment(trx, ctx.db.client, facilityId, id);
      if (!current) throw new AppError('not_found', 'Appointment not found');
      if (!t.from.includes(current.status)) throw invalidTransition(t.verb, current.status);
      if (t.sameDay) {
        const [day, today] = [localDateOf(zone, Date.parse(current.starts_at)), localDateOf(zone, Date.parse(now))];
        if (day !== today) throw notTheDay(t.verb, current.status, day, today, zone);
      }
      const set: Partial<AppointmentTable> = { status: t.to, updated_at: now, ...(t.stamp ? { [t.stamp]: now } : {}), ...(reason ? { cancel_reason: reason } : {}) };
      await updateAppointment(trx, facilityId, id, set);
      await insertEvents(trx, [historyEvent(current, t.to, { from: current.status, to: t.to, actorId: userId, at: now, reason })]);
      if (t.to === 'in_progress') {
        // Other modules open what hangs on the visit (clinical: its encounter) in this transaction.
        const started = { facilityId, appointmentId: id, patientId: current.patient_id, providerId: current.provider_id, actorId: userId, at: now, audit: auditContext(request) };
        for (const hook of ctx.extensions.appointmentStarted) Object.assign(links, await hook(ctx, trx, started));
      }
      if (t.to === 'cancelled') {
        const changed = { facilityId, appointmentId: id, patientId: current.patient_id, providerId: current.provider_id, change: 'cancelled' as const, startsAt: current.starts_at, endsAt: current.ends_at, reason, actorId: userId, at: now };
        for (const hook of ctx.extensions.appointmentChanged) await hook(ctx, trx, changed);
      }
      await ctx.audit.record({
        ...auditContext(request), action: `appointment.${t.path.replace('-', '_')}`, patientId: current.patient_id, targetType: 'appointment', targetId: id,
        details: { from: current.status, to: t.to, ...(reason ? { reason } : {}) },
      }, trx);
    });
    const view = appointmentView((await findAppointment(db, facilityId, id))!, zone);
    return Object.keys(links).length ? { ...view, links } : view;
  }

  for (const t of TRANSITIONS) {
    const route = {
      config: { access: { permission: t.permission } },
      schema: { operationId: t.operationId, tags: ['scheduling'], summary: t.summary, params: AppointmentParams, response: { 200: Appointment, 409: invalidTransitionProblem } },
    };
    if (t.to === 'cancelled') {
      r.post(`/appointments/:id/${t.path}`, { ...route, schema: { ...route.schema, body: CancelBody } }, async (request) => {
        const reason = request.body.reason.trim();
        if (!reason) throw invalid([{ field: 'body.reason', message: 'must say why' }]);
        return apply(request, request.params.id, t, reason);
      });
    } else {
      r.post(`/appointments/:id/${t.path}`, route, async (request) => apply(request, request.params.id, t));
    }
  }
}
