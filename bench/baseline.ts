// The baseline: a bare Fastify route doing one indexed primary-key read with the same driver and
// database NileCare uses. NileCare's numbers are reported as ratios to this, measured in the same run.
import Fastify from 'fastify';
import { loadConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';

const config = loadConfig();
const db = connectDatabase(config.db);
const app = Fastify();
app.get<{ Params: { id: string } }>('/baseline/patients/:id', async (request, reply) => {
  const row = await db.kysely.selectFrom('patients').select(['id', 'mrn', 'first_name', 'last_name']).where('id', '=', request.params.id).executeTakeFirst();
  return row ?? reply.status(404).send({});
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`baseline listening at ${address}`);
process.once('SIGTERM', () => void app.close().then(() => db.destroy()).then(() => process.exit(0)));
