// Who can be booked, and when: a provider's free slots on a date are their working hours (or that
// date's exception) minus non-cancelled appointments, from now on.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { formatInZone, localDateOf, parseDate } from '../../platform/time.ts';
import { ProviderList, ProviderParams, Slots, SlotsQuery } from './hours.schemas.ts';
import { exceptionOn, providerHours } from './hours.repository.ts';
import { bookedIntervals } from './appointments.repository.ts';
import { facilityZone, listProviders, providerOr404 } from './providers.repository.ts';
import { freeSlots, intervalsOn, rangesOn } from './working-hours.ts';

const tags = ['scheduling'];

export async function providerRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.get('/providers', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'listProviders', tags, summary: 'Doctors and nurses who can be booked in this facility', response: { 200: ProviderList } },
  }, async (request) => ({ items: await listProviders(db, scopeOf(request).facilityId) }));

  r.get('/providers/:id/slots', {
    config: { access: { permission: 'appointments:read' } },
    schema: { operationId: 'listFreeSlots', tags, summary: "A provider's free slots on a date, in the facility's time zone", params: ProviderParams, querystring: SlotsQuery, response: { 200: Slots } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    if (request.query.date !== undefined && !parseDate(request.query.date)) throw invalid([{ field: 'querystring.date', message: 'is not a real date' }]);
    const provider = await providerOr404(db, facilityId, request.params.id);
    const zone = await facilityZone(db, facilityId);
    const date = request.query.date ?? localDateOf(zone, Date.now());
    const [hours, exception] = await Promise.all([providerHours(db, facilityId, provider.id), exceptionOn(db, facilityId, provider.id, date)]);
    const working = intervalsOn(zone, date, rangesOn(date, hours, exception));
    const durationMinutes = request.query.durationMinutes ?? hours.slotMinutes;
    const booked = working.length
      ? await bookedIntervals(db, facilityId, provider.id, { start: working[0]!.start, end: working.at(-1)!.end })
      : [];
    const slots = freeSlots(working, booked, hours.slotMinutes, durationMinutes, Date.now());
    return {
      providerId: provider.id, date, timeZone: zone, slotMinutes: hours.slotMinutes, durationMinutes,
      slots: slots.map((s) => ({ start: formatInZone(zone, s.start), end: formatInZone(zone, s.end) })),
    };
  });
}
