// Identity and access: departments, MFA state on users, rotating refresh-token families,
// recovery codes, one-time MFA challenges, per-facility MFA policy and the audit chain head.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = 'varchar(30)';

  await createTable(db, client, 'departments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('code', binaryText(client, 16), (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('departments_facility_code_uq', ['facility_id', 'code'])
    .execute();

  await db.schema.alterTable('users').addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('mfa_secret', 'varchar(255)').execute();
  await db.schema.alterTable('users').addColumn('mfa_enabled', 'smallint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('mfa_last_step', 'bigint').execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', ts).execute();
  await db.schema.alterTable('users').addColumn('last_login_at', ts).execute();

  await createTable(db, client, 'refresh_tokens')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('family_id', id, (c) => c.notNull())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', binaryText(client, 64), (c) => c.notNull().unique())
    .addColumn('status', 'varchar(16)', (c) => c.notNull()) // active | used | revoked
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('idle_expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(512)')
    .execute();
  await db.schema.createIndex('refresh_tokens_family_idx').on('refresh_tokens').columns(['family_id', 'status']).execute();
  await db.schema.createIndex('refresh_tokens_user_idx').on('refresh_tokens').columns(['user_id', 'status']).execute();

  await createTable(db, client, 'mfa_recovery_codes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', binaryText(client, 64), (c) => c.notNull())
    .addColumn('used_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mfa_recovery_codes_user_idx').on('mfa_recovery_codes').columns(['user_id', 'code_hash']).execute();

  await createTable(db, client, 'auth_challenges')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', binaryText(client, 64), (c) => c.notNull().unique())
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('consumed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'facility_mfa_roles')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('facility_mfa_roles_pk', ['facility_id', 'role'])
    .execute();

  // One row that every audit append locks, so the hash chain never forks under concurrency.
  await createTable(db, client, 'audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_chain_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('audit_chain_head').execute();
  await db.schema.dropTable('facility_mfa_roles').execute();
  await db.schema.dropTable('auth_challenges').execute();
  await db.schema.dropTable('mfa_recovery_codes').execute();
  await db.schema.dropTable('refresh_tokens').execute();
  for (const column of ['last_login_at', 'password_changed_at', 'mfa_last_step', 'mfa_enabled', 'mfa_secret', 'token_version']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
  await db.schema.dropTable('departments').execute();
}
