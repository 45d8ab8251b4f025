// The daily summary email (issue 11) can be turned off per facility; on by default, so existing
// facilities get it without anyone having to save their settings.
import type { MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('notification_settings').addColumn('daily_summary_enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('notification_settings').dropColumn('daily_summary_enabled').execute();
}
