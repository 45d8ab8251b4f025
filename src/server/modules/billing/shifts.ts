// Cash shifts: a clerk opens one with the float in the drawer, every payment they take while it is
// open belongs to it (cash needs one), and closing it with the counted cash reports what each
// method should have brought against what was counted. One open shift per clerk, held by a
// unique constraint on open_clerk_id (null once closed).
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { DbClient } from '../../config.ts';
import type { CashShiftTable, PaymentMethod } from './billing.table.ts';
import type { Caller, Executor } from './caller.ts';
import { DEFAULT_CURRENCY, type Currency } from './money.ts';
import { requireCurrency } from './settings.ts';

export async function openShift(ctx: AppContext, caller: Caller, openingFloat: number, currency: Currency = DEFAULT_CURRENCY): Promise<string> {
  await requireCurrency(ctx.db.kysely, caller.facilityId, currency);
  const id = uuidv7();
  try {
    await ctx.db.kysely.insertInto('cash_shifts').values({
      id, facility_id: caller.facilityId, clerk_id: caller.userId, open_clerk_id: caller.userId, currency, opening_float: openingFloat,
      opened_at: nowIso(), closed_at: null, expected_cash: null, counted_cash: null, note: null,
    }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'You already have an open cash shift; close it before opening another.');
    throw err;
  }
  await ctx.audit.record({ ...caller.audit, action: 'cash_shift.open', targetType: 'cash_shift', targetId: id, details: { openingFloat } });
  return id;
}

/** The caller's open shift, if any; `lock` holds it so closing waits for a payment being taken. */
export async function openShiftOf(db: Executor, caller: Caller, lock?: 'lock' | DbClient): Promise<CashShiftTable | undefined> {
  const q = db.selectFrom('cash_shifts').selectAll().where('facility_id', '=', caller.facilityId).where('open_clerk_id', '=', caller.userId);
  return (lock && lock !== 'sqlite' ? q.forUpdate() : q).executeTakeFirst();
}

/** The shift a payment by the caller belongs to: their open one, which cash cannot do without. */
export async function shiftForPayment(db: Executor, client: DbClient, caller: Caller, method: string): Promise<string | null> {
  const shift = await openShiftOf(db, caller, client);
  if (!shift && method === 'cash') throw new AppError('conflict', 'Open your cash shift first (POST /cash-shifts): cash belongs to the drawer of an open shift.');
  return shift?.id ?? null;
}

export async function findShift(db: Executor, facilityId: string, id: string): Promise<CashShiftTable> {
  const row = await db.selectFrom('cash_shifts').selectAll().where('facility_id', '=', facilityId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Cash shift');
  return row;
}

/** What the shift took, per method (refunds subtract), pending payments included, failed card payments not. */
async function takenByMethod(db: Executor, shiftId: string): Promise<Record<PaymentMethod, number>> {
  const rows = await db.selectFrom('payments').select((eb) => ['method', eb.fn.sum<number>('amount').as('sum')]).where('shift_id', '=', shiftId).where('status', '!=', 'failed').groupBy('method').execute();
  const out: Record<PaymentMethod, number> = { cash: 0, mobile_money: 0, bank_transfer: 0, card: 0 };
  for (const r of rows) out[r.method] = Number(r.sum);
  return out;
}

export async function shiftView(db: Executor, s: CashShiftTable) {
  const byMethod = await takenByMethod(db, s.id);
  const expected = Number(s.opening_float) + byMethod.cash;
  return {
    id: s.id, clerkId: s.clerk_id, status: s.closed_at ? 'closed' as const : 'open' as const, currency: s.currency,
    openingFloat: Number(s.opening_float), openedAt: s.opened_at, closedAt: s.closed_at, byMethod,
    expectedCash: s.expected_cash === null ? expected : Number(s.expected_cash),
    countedCash: s.counted_cash === null ? null : Number(s.counted_cash),
    difference: s.counted_cash === null ? null : Number(s.counted_cash) - Number(s.expected_cash), note: s.note,
  };
}

export async function closeShift(ctx: AppContext, caller: Caller, id: string, countedCash: number, note: string | undefined): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const q = trx.selectFrom('cash_shifts').selectAll().where('facility_id', '=', caller.facilityId).where('id', '=', id);
    const s = await (ctx.db.client === 'sqlite' ? q : q.forUpdate()).executeTakeFirst();
    if (!s) throw notFound('Cash shift');
    if (s.closed_at) throw new AppError('invalid_transition', 'The cash shift is already closed.');
    if (s.clerk_id !== caller.userId) throw new AppError('conflict', 'Only the clerk who opened a cash shift closes it, with the cash they counted.');
    // Payments lock the shift row too (see payments.ts), so none slips in between counting and closing.
    const expected = Number(s.opening_float) + (await takenByMethod(trx, id)).cash;
    await trx.updateTable('cash_shifts').set({ closed_at: nowIso(), open_clerk_id: null, expected_cash: expected, counted_cash: countedCash, note: note ?? null }).where('id', '=', id).execute();
    await ctx.audit.record({ ...caller.audit, action: 'cash_shift.close', targetType: 'cash_shift', targetId: id, details: { expected, counted: countedCash } }, trx);
  });
}
