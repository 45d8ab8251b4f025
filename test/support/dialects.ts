// Which databases this test run covers: SQLite always, PostgreSQL and MySQL/MariaDB when
// TEST_POSTGRES_URL / TEST_MYSQL_URL name a server (an admin connection that may create databases).
import type { DbClient } from '../../src/server/config.ts';

export interface TestDialect { client: DbClient; adminUrl?: string }

export function configuredDialects(): TestDialect[] {
  const list: TestDialect[] = [{ client: 'sqlite' }];
  if (process.env.TEST_POSTGRES_URL) list.push({ client: 'postgres', adminUrl: process.env.TEST_POSTGRES_URL });
  if (process.env.TEST_MYSQL_URL) list.push({ client: 'mysql', adminUrl: process.env.TEST_MYSQL_URL });
  return list;
}

export const testRedisUrl = (): string | undefined => process.env.TEST_REDIS_URL || undefined;
