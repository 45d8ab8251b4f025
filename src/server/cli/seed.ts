// `nilecare seed --patients N --appointments M`: demo data for trying NileCare out and for the
// benchmarks — demo doctors, N patients, M appointments spread over the weeks around today.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { buildApp } from '../app.ts';
import { uuidv7, nowIso } from '../platform/ids.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { seedPatients } from '../modules/patients/index.ts';
import { seedAppointments } from '../modules/scheduling/index.ts';
import { refreshStatistics } from '../db/statistics.ts';
import { openRuntime, closeRuntime, ensureSchema } from './runtime.ts';
import { demoPatient, randomGenerator } from './seed/demo-patients.ts';
import { demoAppointments, slotsPerDoctor } from './seed/demo-appointments.ts';

const PATIENT_BATCH = 1000;

export async function runSeed(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: {
    patients: { type: 'string', default: '200' }, appointments: { type: 'string', default: '100' },
    doctors: { type: 'string', default: '4' }, facility: { type: 'string' }, seed: { type: 'string', default: '1' },
  } });
  const counts = { patients: Number(values.patients), appointments: Number(values.appointments), doctors: Number(values.doctors) };
  if (Object.values(counts).some((n) => !Number.isInteger(n) || n < 0)) {
    console.error('usage: nilecare seed [--patients N] [--appointments M] [--doctors D] [--facility CODE] [--seed S]');
    return 2;
  }
  if (config.nodeEnv === 'production') {
    console.error('Refusing to seed demo data with NODE_ENV=production.');
    return 2;
  }
  const rt = await openRuntime(config);
  try {
    await ensureSchema(rt);
    const app = await buildApp(rt); // the modules' functions take the same context the API uses
    const ctx = app.ctx;
    const facility = await (values.facility
      ? ctx.db.kysely.selectFrom('facilities').select(['id', 'code', 'time_zone']).where('code', '=', values.facility.toUpperCase())
      : ctx.db.kysely.selectFrom('facilities').select(['id', 'code', 'time_zone']).orderBy('created_at').limit(1)).executeTakeFirst();
    if (!facility) {
      console.error(values.facility ? `No facility with code ${values.facility}.` : 'No facility yet: start NileCare once (npm start) to create the first one.');
      return 2;
    }
    // Enough doctors that the requested appointments fit their calendars without double-booking.
    const doctors = Math.max(counts.doctors, Math.ceil(counts.appointments / slotsPerDoctor(facility.time_zone)));
    const { doctorIds, password } = await ensureDoctors(rt.db, facility.id, facility.code, doctors);
    const random = randomGenerator(Number(values.seed));
    const existing = Number((await ctx.db.kysely.selectFrom('patients').select((eb) => eb.fn.countAll().as('n')).where('facility_id', '=', facility.id).executeTakeFirstOrThrow()).n);
    const patientIds: string[] = [];
    for (let done = 0; done < counts.patients; done += PATIENT_BATCH) {
      const batch = Array.from({ length: Math.min(PATIENT_BATCH, counts.patients - done) }, (_, i) => demoPatient(random, existing + done + i));
      patientIds.push(...await seedPatients(ctx, facility.id, batch));
      if (counts.patients > PATIENT_BATCH) process.stdout.write(`\rpatients: ${done + batch.length}/${counts.patients}`);
    }
    if (counts.patients > PATIENT_BATCH) process.stdout.write('\n');
    const appointments = counts.appointments && patientIds.length && doctorIds.length
      ? await seedAppointments(ctx, facility.id, demoAppointments(random, { patientIds, doctorIds, count: counts.appointments, zone: facility.time_zone }))
      : 0;
    await refreshStatistics(rt.db, ['patients', 'patient_name_keys', 'appointments', 'audit_events']);
    await app.close();
    console.log(`Seeded facility ${facility.code}: ${patientIds.length} patients, ${appointments} appointments, ${doctorIds.length} doctors.`);
    if (password) console.log(`Demo doctors sign in as doctor1@${facility.code.toLowerCase()}.demo … with password ${password}`);
    return 0;
  } finally {
    await closeRuntime(rt);
  }
}


/** Demo doctors doctor1…doctorN@<code>.demo; made once, reused by later seeds. */
async function ensureDoctors(db: Db, facilityId: string, code: string, n: number) {
  const doctorIds: string[] = [];
  let password: string | undefined;
  for (let i = 1; i <= n; i++) {
    const email = `doctor${i}@${code.toLowerCase()}.demo`;
    const found = await db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (found) { doctorIds.push(found.id); continue; }
    password ??= `Demo-${randomBytes(9).toString('base64url')}`;
    const id = uuidv7();
    const now = nowIso();
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({ id, email, name: `Dr. Demo ${i}`, phone: null, password_hash: await hashPassword(password!), status: 'active', created_at: now, updated_at: now }).execute();
      await trx.insertInto('memberships').values({ id: uuidv7(), user_id: id, facility_id: facilityId, role: 'doctor', created_at: now }).execute();
    });
    doctorIds.push(id);
  }
  return { doctorIds, password };
}
