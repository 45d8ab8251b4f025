import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * After a bulk load the planner's statistics are stale; PostgreSQL then picks poor plans (measured:
 * patient name search several times slower) until autovacuum catches up. The spec's ANALYZE step.
 */
export async function refreshStatistics(db: Db, tables: string[]): Promise<void> {
  if (db.client === 'postgres') await sql.raw(`analyze ${tables.join(', ')}`).execute(db.kysely);
  else if (db.client === 'mysql') await sql.raw(`analyze table ${tables.join(', ')}`).execute(db.kysely);
  else await sql`pragma optimize`.execute(db.kysely);
}
