// The reports benchmark's data: 1,000,000 invoices of the first facility spread evenly over the last
// two years (about 1,370 a day), four in five with a completed payment by one of the four methods,
// one in fifty void, for 2,000 patients; inserted in multi-row batches, then the daily totals
// rebuilt from them (timed: the rebuild is the drift-recovery command). Invoice lines are left out:
// no report reads them. Written once per bench database (found again by count on later runs).
import type { Db } from '../src/server/db/connect.ts';
import { nowIso, uuidv7 } from '../src/server/platform/ids.ts';
import { rebuildDailyTotals } from '../src/server/modules/billing/daily-totals-rebuild.ts';
import type { Insertable } from 'kysely';
import type { InvoiceTable, PaymentTable } from '../src/server/modules/billing/billing.table.ts';

const BATCH = 1000;
const DAY = 86_400_000;
const METHODS = ['cash', 'mobile_money', 'bank_transfer', 'card'] as const;

export interface SeedResult { facilityId: string; invoiceId: string; seeded: boolean; seedSeconds: number; rebuildSeconds: number }

export async function seedInvoices(db: Db, total: number, log: (s: string) => void): Promise<SeedResult> {
  const facility = await db.kysely.selectFrom('facilities').select('id').orderBy('created_at').limit(1).executeTakeFirstOrThrow();
  const user = await db.kysely.selectFrom('memberships').select('user_id').where('facility_id', '=', facility.id).limit(1).executeTakeFirstOrThrow();
  const have = Number((await db.kysely.selectFrom('invoices').select((eb) => eb.fn.countAll<number>().as('n')).where('facility_id', '=', facility.id).executeTakeFirstOrThrow()).n);
  const anyInvoice = async () => (await db.kysely.selectFrom('invoices').select('id').where('facility_id', '=', facility.id).limit(1).executeTakeFirstOrThrow()).id;
  if (have >= total) return { facilityId: facility.id, invoiceId: await anyInvoice(), seeded: false, seedSeconds: 0, rebuildSeconds: 0 };
  const started = performance.now();
  const patients = await seedPatients(db, facility.id, 2000);
  const end = Date.now();
  const span = 730 * DAY;
  for (let from = have; from < total; from += BATCH) {
    const invoices: Insertable<InvoiceTable>[] = [];
    const payments: Insertable<PaymentTable>[] = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) {
      const at = new Date(end - span + Math.floor((i / total) * span)).toISOString();
      const amount = 5000 + (i % 97) * 1000;
      const status = i % 50 === 0 ? 'void' : i % 5 === 0 ? 'issued' : 'paid';
      const id = uuidv7();
      const patient = patients[i % patients.length]!;
      invoices.push({
        id, facility_id: facility.id, number: `BENCH-${String(i + 1).padStart(7, '0')}`, patient_id: patient, encounter_id: null, currency: i % 20 === 0 ? 'USD' : 'SDG',
        subtotal: amount, discount: 0, discount_reason: null, discount_approved_by: null, discounted_at: null, total: amount, amount_paid: status === 'paid' ? amount : 0, status,
        void_reason: status === 'void' ? 'Bench' : null, voided_by: null, voided_at: null, issued_by: user.user_id, issued_at: at, updated_at: at,
      });
      if (status === 'paid') {
        payments.push({
          id: uuidv7(), facility_id: facility.id, invoice_id: id, patient_id: patient, amount, currency: i % 20 === 0 ? 'USD' : 'SDG', method: METHODS[i % 4]!,
          reference: null, status: 'completed', refund_of: null, reason: null, shift_id: null, received_by: user.user_id, received_at: at, confirmed_by: null, confirmed_at: null,
        });
      }
    }
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('invoices').values(invoices).execute();
      if (payments.length) await trx.insertInto('payments').values(payments).execute();
    });
    if ((from / BATCH) % 100 === 0) log(`  ${from + invoices.length} invoices (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const seedSeconds = (performance.now() - started) / 1000;
  const r0 = performance.now();
  await rebuildDailyTotals(db.kysely, db.client, facility.id);
  return { facilityId: facility.id, invoiceId: await anyInvoice(), seeded: true, seedSeconds, rebuildSeconds: (performance.now() - r0) / 1000 };
}

async function seedPatients(db: Db, facilityId: string, n: number): Promise<string[]> {
  const now = nowIso();
  const ids = Array.from({ length: n }, () => uuidv7());
  for (let i = 0; i < n; i += 500) {
    await db.kysely.insertInto('patients').values(ids.slice(i, i + 500).map((id, j) => ({
      id, facility_id: facilityId, mrn: `BENCH-RPT-${i + j}-${id.slice(-6)}`, status: 'active' as const, merged_into_id: null, first_name: 'Report', father_name: null, grandfather_name: null,
      last_name: `Bench${i + j}`, first_name_ar: null, father_name_ar: null, grandfather_name_ar: null, last_name_ar: null, sex: 'female' as const, date_of_birth: '1980-01-01',
      birth_year: 1980, birth_date_estimated: 0, phone: null, national_id_enc: null, national_id_index: null, address_state: null, address_locality: null, address_line: null,
      emergency_name: null, emergency_phone: null, emergency_relationship: null, preferred_language: 'ar' as const, version: 1, created_at: now, updated_at: now,
    }))).execute();
  }
  return ids;
}
