// What the staff web app needs stored: each user's language and digit style (remembered across
// computers, since clinic machines are shared) and each facility's inactivity lock.
import type { MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('preferred_language', 'varchar(8)').execute();
  await db.schema.alterTable('users').addColumn('number_digits', 'varchar(8)').execute();
  await db.schema.alterTable('facilities').addColumn('lock_after_minutes', 'integer', (c) => c.notNull().defaultTo(10)).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('facilities').dropColumn('lock_after_minutes').execute();
  await db.schema.alterTable('users').dropColumn('number_digits').execute();
  await db.schema.alterTable('users').dropColumn('preferred_language').execute();
}
