// Card payments through a provider (Stripe): each webhook event is applied once. The first delivery
// inserts the event id in the transaction that applies it; a redelivery — or the same event
// delivered twice at once — collides on the primary key and changes nothing. Card payments are
// found by their PaymentIntent id alone (the webhook has no user, so no facility to scope by).
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  await createTable(db, client, 'payment_provider_events')
    .addColumn('provider', binaryText(client, 16), (c) => c.notNull())
    .addColumn('event_id', binaryText(client, 255), (c) => c.notNull())
    .addColumn('type', binaryText(client, 100), (c) => c.notNull())
    .addColumn('facility_id', binaryText(client, 36))
    .addColumn('payment_id', binaryText(client, 36))
    .addColumn('outcome', binaryText(client, 16), (c) => c.notNull())
    .addColumn('received_at', binaryText(client, 30), (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_provider_events_pk', ['provider', 'event_id'])
    .execute();
  await db.schema.createIndex('payments_reference_idx').on('payments').columns(['reference']).execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  const drop = db.schema.dropIndex('payments_reference_idx');
  await (client === 'mysql' ? drop.on('payments') : drop).execute(); // only MySQL names the table
  await db.schema.dropTable('payment_provider_events').execute();
}
