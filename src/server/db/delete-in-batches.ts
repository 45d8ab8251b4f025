// Retention deletes in bounded batches, so clearing a large backlog never holds one long
// statement's locks (or one huge transaction) over a busy table. Each batch finds the timestamp of
// its last row by index (the BATCH-th oldest) and deletes up to it; portable where DELETE … LIMIT
// is not (PostgreSQL). Rows sharing the edge timestamp make a batch slightly larger, never endless.
import type { Kysely, ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database } from './schema.ts';

export const RETENTION_BATCH = 5000;

/** Deletes rows of `table` whose `column` (an ISO timestamp) is before `cutoff`; returns how many. */
export async function deleteOlderThan(
  db: Kysely<Database>, table: string, column: string, cutoff: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  opts: { batch?: number; where?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool> } = {},
): Promise<number> {
  const batch = opts.batch ?? RETENTION_BATCH;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const k = db as unknown as Kysely<any>;
  const where = opts.where ?? ((eb) => eb.lit(true));
  let total = 0;
  for (;;) {
    const edge = await k.selectFrom(table).select(column).where(column, '<', cutoff).where(where)
      .orderBy(column).offset(batch - 1).limit(1).executeTakeFirst() as Record<string, string> | undefined;
    const r = await k.deleteFrom(table).where(column, edge ? '<=' : '<', edge ? edge[column] : cutoff).where(where).executeTakeFirst();
    total += Number(r.numDeletedRows);
    if (!edge) return total;
  }
}
