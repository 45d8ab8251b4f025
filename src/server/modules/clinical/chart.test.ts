// The patient chart on every database: what it holds, paging its encounters, another facility's
// patient, and the fixed number of queries behind it — counted, the same for 10 encounters as 50.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';
import { createClinic, type Clinic } from '../../../../test/support/scheduling.ts';
import { insertPatient } from '../../../../test/support/patients.ts';
import { call, insertDiagnosis, insertEncounter } from '../../../../test/support/clinical.ts';
import { buildApp } from '../../app.ts';

// The chart's own tables. Sign-in checks and the audit chain also query (their caches expire on a
// slow machine), but they are the same for every route and not what this test is about.
const CHART_TABLES = /"name":"(patients|patient_allergies|patient_problems|encounters|encounter_vitals|encounter_diagnoses|encounter_notes|prescriptions|lab_orders|lab_order_tests)"/;

/** Counts the statements on the chart's tables the app sends while `on`. */
class QueryCounter implements KyselyPlugin {
  on = false;
  count = 0;
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    if (this.on && CHART_TABLES.test(JSON.stringify(args.node))) this.count++;
    return args.node;
  };
  transformResult: KyselyPlugin['transformResult'] = async (args) => args.result;
}

eachDialect((dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let clinic: Clinic;
  const counter = new QueryCounter();
  before(async () => {
    env = await startTestEnv(dialect);
    app = await buildApp({ ...env, db: { ...env.db, kysely: env.db.kysely.withPlugin(counter) } });
    await app.ready();
    clinic = await createClinic(app);
  });
  after(async () => {
    await app.close();
    await env.close();
  });

  /** A patient with `n` encounters a day apart, each with a diagnosis and vitals. */
  async function patientWith(n: number, facilityId = clinic.facility.id) {
    const p = await insertPatient(env.db, facilityId);
    for (let i = 0; i < n; i++) {
      const startedAt = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString();
      const id = await insertEncounter(env.db, facilityId, { patient_id: p.id, started_at: startedAt, status: 'completed', completed_at: startedAt });
      await insertDiagnosis(env.db, facilityId, id);
    }
    return p.id;
  }

  async function chartQueries(patientId: string, query = ''): Promise<number> {
    counter.count = 0;
    counter.on = true;
    const res = await call(app, clinic.doctor, 'GET', `/patients/${patientId}/chart${query}`);
    counter.on = false;
    assert.equal(res.statusCode, 200, res.body);
    return counter.count;
  }

  test('the chart holds demographics, allergies, active problems, latest vitals and recent encounters with diagnoses', async () => {
    const patientId = await patientWith(3);
    const open = (await call(app, clinic.nurse, 'POST', '/encounters', { patientId })).json();
    await call(app, clinic.nurse, 'POST', `/encounters/${open.id}/vitals`, { pulse: 70 });
    await call(app, clinic.nurse, 'POST', `/encounters/${open.id}/vitals`, { pulse: 82, weightKg: 60 });
    await call(app, clinic.nurse, 'POST', `/patients/${patientId}/allergies`, { substance: 'Penicillin', severity: 'severe', reaction: 'rash' });
    const problem = (await call(app, clinic.doctor, 'POST', `/patients/${patientId}/problems`, { description: 'Hypertension' })).json();
    await call(app, clinic.doctor, 'POST', `/patients/${patientId}/problems`, { description: 'Old fracture' }).then((r) =>
      call(app, clinic.doctor, 'PATCH', `/patients/${patientId}/problems/${r.json().id}`, { status: 'resolved' }));
    const chart = (await call(app, clinic.doctor, 'GET', `/patients/${patientId}/chart?limit=2`)).json();
    assert.equal(chart.patient.id, patientId);
    assert.equal(chart.patient.ageYears > 30, true);
    assert.deepEqual(chart.allergies.map((a: { substance: string }) => a.substance), ['Penicillin']);
    assert.deepEqual(chart.problems.map((p: { id: string }) => p.id), [problem.id], 'resolved problems are not active');
    assert.equal(chart.latestVitals.pulse, 82);
    assert.deepEqual(chart.encounters.items.map((e: { id: string }) => e.id)[0], open.id, 'newest first');
    assert.equal(chart.encounters.items[1].diagnoses[0].code, 'B54');
    const rest = (await call(app, clinic.doctor, 'GET', `/patients/${patientId}/chart?limit=2&cursor=${chart.encounters.nextCursor}`)).json();
    assert.equal(rest.encounters.items.length, 2);
    assert.equal(rest.encounters.nextCursor, null);
    assert.equal(new Set([...chart.encounters.items, ...rest.encounters.items].map((e: { id: string }) => e.id)).size, 4);
    const audit = await env.db.kysely.selectFrom('audit_events').select('action').where('patient_id', '=', patientId).where('action', '=', 'chart.read').execute();
    assert.equal(audit.length, 2);
  });

  test("another facility's patient answers 404; a receptionist may not read charts", async () => {
    const other = await createClinic(app);
    const theirs = await patientWith(1, other.facility.id);
    assert.equal((await call(app, clinic.doctor, 'GET', `/patients/${theirs}/chart`)).statusCode, 404);
    assert.equal((await call(app, clinic.receptionist, 'GET', `/patients/${await patientWith(0)}/chart`)).statusCode, 403);
  });

  test('the chart costs the same number of queries for 10 encounters as for 50', async () => {
    const few = await patientWith(10);
    const many = await patientWith(50);
    const a = await chartQueries(few);
    const b = await chartQueries(many);
    const c = await chartQueries(many, '?limit=50');
    assert.equal(a, 7, 'patient, allergies, problems, prescriptions, latest vitals, encounters, their diagnoses');
    assert.equal(b, a);
    assert.equal(c, a);
  });
});
