// The invoice of what an encounter ordered, at the price list's current prices: the consultation
// (service consultation-<encounter type>), each lab test ordered, each medicine dispensed (by the
// quantity handed over). One live invoice per encounter: the encounter row is locked while checking.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { PriceKind } from './billing.table.ts';
import type { Caller } from './caller.ts';
import { DEFAULT_CURRENCY, type Currency } from './money.ts';
import { currentPrice } from './prices.ts';
import { issueInvoice, type NewLine } from './invoices.ts';

interface Item { kind: PriceKind; code: string; quantity: number }

export async function invoiceEncounter(ctx: AppContext, caller: Caller, encounterId: string, currency: Currency = DEFAULT_CURRENCY): Promise<string> {
  const db = ctx.db.kysely;
  const enc = await db.selectFrom('encounters').select(['id', 'patient_id', 'type']).where('facility_id', '=', caller.facilityId).where('id', '=', encounterId).executeTakeFirst();
  if (!enc) throw notFound('Encounter');
  const tests = await db.selectFrom('lab_order_tests as t').innerJoin('lab_orders as o', 'o.id', 't.order_id')
    .select('t.test_code').where('o.facility_id', '=', caller.facilityId).where('o.encounter_id', '=', encounterId).orderBy('t.test_code').execute();
  const medicines = await db.selectFrom('prescriptions').select(['medication_code', 'dispensed_quantity'])
    .where('facility_id', '=', caller.facilityId).where('encounter_id', '=', encounterId).where('dispensed_quantity', '>', 0).orderBy('prescribed_at').execute();
  const items: Item[] = [
    { kind: 'service', code: `consultation-${enc.type}`, quantity: 1 },
    ...tests.map((t) => ({ kind: 'lab_test' as const, code: t.test_code, quantity: 1 })),
    ...medicines.map((m) => ({ kind: 'medicine' as const, code: m.medication_code, quantity: Number(m.dispensed_quantity) })),
  ];
  const lines: NewLine[] = [];
  const unpriced: string[] = [];
  for (const item of items) {
    const price = await currentPrice(db, caller.facilityId, item.kind, item.code, currency);
    if (!price) unpriced.push(`${item.kind} ${item.code}`);
    else lines.push({ description: price.name, quantity: item.quantity, unitPrice: Number(price.unit_price), serviceCode: item.code, priceId: price.id, kind: item.kind });
  }
  if (unpriced.length) {
    throw new AppError('unprocessable', `No ${currency} price for ${unpriced.join(', ')}; a facility admin adds them with POST /price-list.`, { unpriced });
  }
  return issueInvoice(ctx, caller, { patientId: enc.patient_id, encounterId, lines, currency }, async (trx) => {
    const q = trx.selectFrom('encounters').select('id').where('id', '=', encounterId);
    await (ctx.db.client === 'sqlite' ? q : q.forUpdate()).execute();
    const live = await trx.selectFrom('invoices').select('number').where('facility_id', '=', caller.facilityId)
      .where('encounter_id', '=', encounterId).where('status', '!=', 'void').executeTakeFirst();
    if (live) throw new AppError('conflict', `The encounter is already invoiced (${live.number}); void that invoice first to bill it again.`, { number: live.number });
  });
}
