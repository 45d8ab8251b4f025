// A patient's email address, optional: receipts (and later other messages) are emailed to it.
// Stored as given after trimming; the API checks its form.
import type { MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('patients').addColumn('email', 'varchar(254)').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('patients').dropColumn('email').execute();
}
