// What the billing clerk's screens list that the invoice routes do not: the day's encounters that
// have no invoice yet (a clerk has no clinical:read, so the clinical worklist is closed to them)
// and the bank-app and mobile-money transfers waiting to be confirmed. Both carry the patient's
// names so the screen needs no request per row; both are audited with the patients they showed.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { DEFAULT_TIME_ZONE, isTimeZone, localDateOf, localMinutesToInstant, parseDate } from '../../platform/time.ts';
import { patientNames } from '../patients/index.ts';
import { callerOf } from './caller.ts';
import { Nullable, Payment } from './billing.schemas.ts';
import { paymentView } from './payments.ts';

const tags = ['billing'];
const LIMIT = 100; // a clinic's day; the screen says when there are more
const NAMES = ['p.mrn', 'p.first_name', 'p.father_name', 'p.grandfather_name', 'p.last_name', 'p.first_name_ar', 'p.father_name_ar', 'p.grandfather_name_ar', 'p.last_name_ar'] as const;
const Names = {
  patientName: Nullable(Type.String()), patientNameLatin: Nullable(Type.String()), patientNameArabic: Nullable(Type.String()), mrn: Nullable(Type.String()),
};

const UninvoicedEncounter = Type.Object({
  encounterId: Type.String(), patientId: Type.String(), ...Names, type: Type.String(), status: Type.String(), startedAt: Type.String(),
});
const PendingTransfer = Type.Object({ ...Payment.properties, invoiceNumber: Type.String(), patientId: Type.String(), ...Names });

export async function worklistRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.get('/billing/uninvoiced-encounters', {
    config: { access: { permission: 'billing:read' } },
    schema: {
      operationId: 'listUninvoicedEncounters', tags, summary: 'Encounters started on a day (today by default, in the facility time zone) that have no invoice yet, oldest first',
      querystring: Type.Object({ date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD in the facility time zone' })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(UninvoicedEncounter), more: Type.Boolean({ description: `More than ${LIMIT}: invoice some and ask again` }) }) },
    },
  }, async (request) => {
    const caller = callerOf(request);
    const facility = await db.selectFrom('facilities').select('time_zone').where('id', '=', caller.facilityId).executeTakeFirst();
    const zone = facility && isTimeZone(facility.time_zone) ? facility.time_zone : DEFAULT_TIME_ZONE;
    const date = request.query.date ?? localDateOf(zone, Date.now());
    if (!parseDate(date)) throw invalid([{ field: 'querystring.date', message: 'is not a real date (YYYY-MM-DD)' }]);
    const rows = await db.selectFrom('encounters as e')
      .leftJoin('patients as p', (j) => j.onRef('p.id', '=', 'e.patient_id').onRef('p.facility_id', '=', 'e.facility_id'))
      .select(['e.id', 'e.patient_id', 'e.type', 'e.status', 'e.started_at', ...NAMES])
      .where('e.facility_id', '=', caller.facilityId)
      .where('e.started_at', '>=', new Date(localMinutesToInstant(zone, date, 0)).toISOString())
      .where('e.started_at', '<', new Date(localMinutesToInstant(zone, date, 1440)).toISOString())
      .where((eb) => eb.not(eb.exists(eb.selectFrom('invoices as i').select('i.id').whereRef('i.encounter_id', '=', 'e.id').where('i.status', '!=', 'void'))))
      .orderBy('e.started_at').orderBy('e.id').limit(LIMIT + 1).execute();
    const shown = rows.slice(0, LIMIT);
    await ctx.audit.record({ ...caller.audit, action: 'encounter.list', targetType: 'encounter', details: { filter: { uninvoiced: true, date }, patientIds: [...new Set(shown.map((e) => e.patient_id))] } });
    return {
      items: shown.map((e) => ({ encounterId: e.id, patientId: e.patient_id, ...patientNames(e), mrn: e.mrn ?? null, type: e.type, status: e.status, startedAt: e.started_at })),
      more: rows.length > LIMIT,
    };
  });

  r.get('/payments/pending', {
    config: { access: { permission: 'billing:read' } },
    schema: {
      operationId: 'listPendingTransfers', tags, summary: 'Bank-app and mobile-money transfers waiting for a clerk to confirm them, oldest first',
      response: { 200: Type.Object({ items: Type.Array(PendingTransfer), more: Type.Boolean() }) },
    },
  }, async (request) => {
    const caller = callerOf(request);
    const rows = await db.selectFrom('payments as pay')
      .innerJoin('invoices as i', 'i.id', 'pay.invoice_id')
      .leftJoin('patients as p', (j) => j.onRef('p.id', '=', 'pay.patient_id').onRef('p.facility_id', '=', 'pay.facility_id'))
      .selectAll('pay').select(['i.number as invoice_number', ...NAMES])
      .where('pay.facility_id', '=', caller.facilityId).where('pay.status', '=', 'pending')
      // A pending card payment waits for the processor's webhook, not for a clerk.
      .where('pay.method', 'in', ['bank_transfer', 'mobile_money'])
      .orderBy('pay.received_at').orderBy('pay.id').limit(LIMIT + 1).execute();
    const shown = rows.slice(0, LIMIT);
    await ctx.audit.record({ ...caller.audit, action: 'payment.list', targetType: 'payment', details: { filter: { status: 'pending' }, patientIds: [...new Set(shown.map((p) => p.patient_id))] } });
    return {
      items: shown.map((p) => ({ ...paymentView(p), invoiceNumber: p.invoice_number, patientId: p.patient_id, ...patientNames(p), mrn: p.mrn ?? null })),
      more: rows.length > LIMIT,
    };
  });
}
