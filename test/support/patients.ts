// Shared set-up of the patient tests: a registration desk (facility + staff token), registering
// through the API, and patient rows written straight to the database for fixtures that only need
// a patient to exist (with its name keys, so search finds it).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/server/db/connect.ts';
import type { Role } from '../../src/server/platform/access/roles.ts';
import { uuidv7, nowIso } from '../../src/server/platform/ids.ts';
import type { PatientTable } from '../../src/server/modules/patients/patients.table.ts';
import { patientNameKeys } from '../../src/server/modules/patients/name-keys.ts';
import { authHeaders, createFacility, createUser, tokenFor, type TestFacility } from './fixtures.ts';

export interface Desk { facility: TestFacility; userId: string; headers: Record<string, string> }

/** A facility and a member of it with `role`, ready to call the API. */
export async function openDesk(app: FastifyInstance, role: Role = 'receptionist', facility?: TestFacility): Promise<Desk> {
  const f = facility ?? await createFacility(app.ctx.db);
  const user = await createUser(app.ctx.db, [{ facilityId: f.id, role }]);
  return { facility: f, userId: user.id, headers: authHeaders(await tokenFor(app, user.id), f.id) };
}

export function register(app: FastifyInstance, desk: Desk, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/patients', headers: desk.headers, payload: body });
}

/** Registers a patient that must be new (confirmNew), answering its record. */
export async function registered(app: FastifyInstance, desk: Desk, body: Record<string, unknown>): Promise<{ id: string; mrn: string; version: number } & Record<string, unknown>> {
  const res = await register(app, desk, { confirmNew: true, ...body });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function search(app: FastifyInstance, desk: Desk, query: Record<string, string>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/patients?${new URLSearchParams(query)}`, headers: desk.headers });
}

/** The ids a search answers, in order. */
export async function found(app: FastifyInstance, desk: Desk, q: string): Promise<string[]> {
  const res = await search(app, desk, { q });
  if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
  return res.json<{ items: { id: string }[] }>().items.map((p) => p.id);
}

/** A patient row written directly, with its name keys. */
export async function insertPatient(db: Db, facilityId: string, overrides: Partial<PatientTable> = {}): Promise<PatientTable> {
  const id = overrides.id ?? uuidv7();
  const now = nowIso();
  const row: PatientTable = {
    id, facility_id: facilityId, mrn: `T-${id.slice(-12).toUpperCase()}`, status: 'active', merged_into_id: null,
    first_name: 'Amna', father_name: null, grandfather_name: null, last_name: 'Osman',
    first_name_ar: null, father_name_ar: null, grandfather_name_ar: null, last_name_ar: null,
    sex: 'female', date_of_birth: '1990-01-01', birth_year: 1990, birth_date_estimated: 0, phone: null,
    national_id_enc: null, national_id_index: null, address_state: null, address_locality: null, address_line: null,
    email: null, emergency_name: null, emergency_phone: null, emergency_relationship: null, preferred_language: 'ar',
    version: 1, created_at: now, updated_at: now,
    ...overrides,
  };
  // A column left null is not named, so a database migrated only part-way (the migration tests) takes the row.
  const named = Object.fromEntries(Object.entries(row).filter(([k, v]) => v !== null || k in overrides)) as PatientTable;
  await db.kysely.insertInto('patients').values(named).execute();
  const keys = patientNameKeys(row);
  if (keys.length) await db.kysely.insertInto('patient_name_keys').values(keys.map((key) => ({ facility_id: facilityId, key, patient_id: id }))).execute();
  return row;
}
