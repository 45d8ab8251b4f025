// The facility's price list. A price change is a new version: the old one is kept (superseded) and
// invoice lines point at the version they were priced from, so a price change never rewrites an
// issued invoice. Lab tests and medicines must be in the terminology catalogues.
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { findLabTests, findMedication } from '../terminology/index.ts';
import type { BillingPriceTable, PriceKind } from './billing.table.ts';
import type { Caller, Executor } from './caller.ts';
import { DEFAULT_CURRENCY, type Currency } from './money.ts';
import { requireCurrency } from './settings.ts';

export interface PriceInput { kind: PriceKind; code: string; name?: string; unitPrice: number; currency?: Currency }

export const priceView = (p: BillingPriceTable) => ({
  id: p.id, kind: p.kind, code: p.code, name: p.name, currency: p.currency, unitPrice: Number(p.unit_price),
  version: Number(p.version), validFrom: p.valid_from, supersededAt: p.superseded_at,
});

async function catalogueName(ctx: AppContext, facilityId: string, input: PriceInput): Promise<{ code: string; name: string }> {
  if (input.kind === 'service') {
    if (!input.name) throw new AppError('unprocessable', 'A service price needs a name (the line description on invoices).');
    return { code: input.code, name: input.name };
  }
  if (input.kind === 'lab_test') {
    const [test] = await findLabTests(ctx.db.kysely, facilityId, [input.code]);
    if (!test) throw new AppError('unprocessable', `${input.code} is not a lab test of the catalogue; search GET /terminology/lab-tests?q=.`);
    return { code: test.code, name: input.name ?? test.name };
  }
  const medicine = await findMedication(ctx.db.kysely, facilityId, input.code);
  if (!medicine) throw new AppError('unprocessable', `${input.code} is not in the formulary; search GET /terminology/medications?q=.`);
  return { code: medicine.code, name: input.name ?? medicine.name };
}

/** Stores a new version of a price; answers its id. */
export async function setPrice(ctx: AppContext, caller: Caller, input: PriceInput): Promise<string> {
  const { code, name } = await catalogueName(ctx, caller.facilityId, input);
  const currency = input.currency ?? DEFAULT_CURRENCY;
  await requireCurrency(ctx.db.kysely, caller.facilityId, currency);
  const id = uuidv7();
  const now = nowIso();
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const current = await currentPrice(trx, caller.facilityId, input.kind, code, currency);
      if (current) await trx.updateTable('billing_prices').set({ superseded_at: now }).where('id', '=', current.id).execute();
      await trx.insertInto('billing_prices').values({
        id, facility_id: caller.facilityId, kind: input.kind, code, name, currency, unit_price: input.unitPrice,
        version: current ? Number(current.version) + 1 : 1, valid_from: now, superseded_at: null, created_by: caller.userId,
      }).execute();
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `The price of ${code} was changed at the same moment by someone else; read the price list and try again.`);
    throw err;
  }
  return id;
}

export async function currentPrice(db: Executor, facilityId: string, kind: PriceKind, code: string, currency: string): Promise<BillingPriceTable | undefined> {
  return db.selectFrom('billing_prices').selectAll().where('facility_id', '=', facilityId).where('kind', '=', kind)
    .where('code', '=', code).where('currency', '=', currency).where('superseded_at', 'is', null).executeTakeFirst();
}
