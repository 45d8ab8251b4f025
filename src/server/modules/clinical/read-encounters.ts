// Reading encounters: one with everything recorded in it (a fixed number of queries), and the
// worklist. Both audited.
import type { AppContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { DEFAULT_TIME_ZONE, isTimeZone, localMinutesToInstant, parseDate } from '../../platform/time.ts';
import type { EncounterQueryInput } from './clinical.schemas.ts';
import type { Caller } from './clinical-deps.ts';
import { findEncounter, listEncounters } from './encounters.repository.ts';
import { entriesOf } from './entries.repository.ts';
import { encounterDetail, encounterSummary } from './encounter-view.ts';
import { decodeCursor, page } from '../../platform/http/keyset-cursor.ts';
import { prescriptionView } from './prescriptions.ts';
import { labOrdersWithTests } from './lab.ts';

export async function readEncounter(ctx: AppContext, caller: Caller, id: string) {
  const db = ctx.db.kysely;
  const e = await findEncounter(db, caller.facilityId, id);
  if (!e) throw notFound('Encounter');
  const [entries, prescriptions, labOrders] = await Promise.all([
    entriesOf(db, caller.facilityId, [id]),
    db.selectFrom('prescriptions').selectAll().where('facility_id', '=', caller.facilityId).where('encounter_id', '=', id).orderBy('prescribed_at').orderBy('id').execute(),
    db.selectFrom('lab_orders').selectAll().where('facility_id', '=', caller.facilityId).where('encounter_id', '=', id).orderBy('ordered_at').orderBy('id').execute(),
  ]);
  await ctx.audit.record({ ...caller.audit, action: 'encounter.read', patientId: e.patient_id, targetType: 'encounter', targetId: id });
  return { ...encounterDetail(e, entries), prescriptions: prescriptions.map(prescriptionView), labOrders: await labOrdersWithTests(db, labOrders) };
}

async function dayRange(ctx: AppContext, facilityId: string, date: string): Promise<{ from: string; to: string }> {
  if (!parseDate(date)) throw invalid([{ field: 'querystring.date', message: 'is not a real date (YYYY-MM-DD)' }]);
  const row = await ctx.db.kysely.selectFrom('facilities').select('time_zone').where('id', '=', facilityId).executeTakeFirst();
  const zone = row && isTimeZone(row.time_zone) ? row.time_zone : DEFAULT_TIME_ZONE;
  return { from: new Date(localMinutesToInstant(zone, date, 0)).toISOString(), to: new Date(localMinutesToInstant(zone, date, 1440)).toISOString() };
}

export async function listWorklist(ctx: AppContext, caller: Caller, q: EncounterQueryInput) {
  const range = q.date ? await dayRange(ctx, caller.facilityId, q.date) : {};
  const rows = await listEncounters(ctx.db.kysely, caller.facilityId, {
    status: q.status, providerId: q.providerId, patientId: q.patientId, ...range, ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
  }, q.limit + 1);
  const { rows: shown, nextCursor } = page(rows, q.limit, (r) => r.started_at);
  // One event for the page, naming every patient it showed.
  await ctx.audit.record({
    ...caller.audit, action: 'encounter.list', patientId: q.patientId ?? null, targetType: 'encounter',
    details: { filter: { status: q.status, providerId: q.providerId, date: q.date }, patientIds: [...new Set(shown.map((r) => r.patient_id))] },
  });
  return { items: shown.map(encounterSummary), nextCursor };
}
