// Security notifications and self-service password reset: the devices each user has signed in
// from (to tell a new one), and each facility's security contact (told of repeated failed sign-ins).
// Password-reset tokens reuse auth_challenges (purpose 'password_reset'): same shape, same purge.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = binaryText(client, 30);
  await createTable(db, client, 'user_devices')
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('device_hash', binaryText(client, 64), (c) => c.notNull())
    .addColumn('label', 'varchar(100)', (c) => c.notNull())
    .addColumn('first_seen_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_devices_pk', ['user_id', 'device_hash'])
    .execute();
  await db.schema.alterTable('notification_settings').addColumn('security_contact_email', 'varchar(254)').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('notification_settings').dropColumn('security_contact_email').execute();
  await db.schema.dropTable('user_devices').execute();
}
