// The currencies a facility bills in: SDG unless a facility admin also allows USD. Invoices, prices
// and cash shifts in any other currency are refused.
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { Caller, Executor } from './caller.ts';
import { CURRENCIES, DEFAULT_CURRENCY, type Currency } from './money.ts';

export async function facilityCurrencies(db: Executor, facilityId: string): Promise<Currency[]> {
  const row = await db.selectFrom('billing_settings').select('currencies').where('facility_id', '=', facilityId).executeTakeFirst();
  if (!row) return [DEFAULT_CURRENCY];
  return row.currencies.split(',').filter((c): c is Currency => (CURRENCIES as readonly string[]).includes(c));
}

export async function requireCurrency(db: Executor, facilityId: string, currency: Currency): Promise<void> {
  const allowed = await facilityCurrencies(db, facilityId);
  if (!allowed.includes(currency)) {
    throw new AppError('unprocessable', `This facility does not bill in ${currency} (it takes ${allowed.join(', ')}); a facility admin allows it with PUT /billing/settings.`, { currencies: allowed });
  }
}

export async function setCurrencies(ctx: AppContext, caller: Caller, currencies: Currency[]): Promise<void> {
  const value = [...new Set(currencies)].join(',');
  const now = nowIso();
  const db = ctx.db.kysely;
  const update = () => db.updateTable('billing_settings').set({ currencies: value, updated_by: caller.userId, updated_at: now }).where('facility_id', '=', caller.facilityId).executeTakeFirst();
  if (Number((await update()).numUpdatedRows) === 0) {
    try {
      await db.insertInto('billing_settings').values({ facility_id: caller.facilityId, currencies: value, updated_by: caller.userId, updated_at: now }).execute();
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await update(); // created at the same moment by another admin: the last write wins
    }
  }
  await ctx.audit.record({ ...caller.audit, action: 'billing.settings', targetType: 'facility', targetId: caller.facilityId, details: { currencies: value } });
}
