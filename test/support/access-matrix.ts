// What the access matrix (test/access-matrix.test.ts) needs to know about records. Every route with a
// path parameter needs an entry in ACCESS_FIXTURES under the longest URL prefix that names it, so
// the matrix can ask for a record of the caller's own facility and one of another facility; the
// matrix fails for a route it cannot fill, so a new route cannot skip the cross-facility check.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createUser } from './fixtures.ts';
import { insertPatient } from './patients.ts';
import { insertAppointment, insertException, insertProvider } from './scheduling.ts';
import { insertAllergy, insertEncounter, insertLabOrder, insertPrescription, insertProblem } from './clinical.ts';
import { insertCoverage, insertInvoice, insertPayer, insertPayment, insertShift } from './billing.ts';
import { insertDeadDelivery } from './notification-records.ts';

/** Whose record to make: the caller's own, or another facility's (and another user's). */
export interface RecordOwner { facilityId: string; userId: string }

export interface AccessFixture {
  /** Creates a record belonging to `owner`; returns its id (routes with one parameter) or every parameter by name. */
  create(app: FastifyInstance, owner: RecordOwner): Promise<string | Record<string, string>>;
  /**
   * Installation-wide administration: a super admin reaches this record in any facility, so the
   * matrix expects success instead of 404 for them. Leave unset for facility-owned data.
   */
  superAdminReachesAll?: boolean;
}

export const ACCESS_FIXTURES: Record<string, AccessFixture> = {
  '/api/v1/facilities/:id': { create: async (_app, owner) => owner.facilityId, superAdminReachesAll: true },
  '/api/v1/users/:id': {
    create: async (app, owner) => (await createUser(app.ctx.db, [{ facilityId: owner.facilityId, role: 'nurse' }])).id,
    superAdminReachesAll: true,
  },
  // A patient and, for the merge route's body, a second one in the same facility to merge into it.
  '/api/v1/patients/:id': {
    create: async (app, owner) => {
      const duplicate = await insertPatient(app.ctx.db, owner.facilityId, { first_name: 'Matrix', last_name: 'Duplicate' });
      mergeableDuplicates.set(owner.facilityId, duplicate.id);
      return (await insertPatient(app.ctx.db, owner.facilityId, { first_name: 'Matrix', last_name: 'Patient' })).id;
    },
  },
  '/api/v1/appointments/:id': { create: async (app, owner) => insertAppointment(app.ctx.db, owner.facilityId) },
  '/api/v1/providers/:id': { create: async (app, owner) => insertProvider(app.ctx.db, owner.facilityId) },
  '/api/v1/providers/:id/exceptions/:exceptionId': { create: async (app, owner) => insertException(app.ctx.db, owner.facilityId) },
  '/api/v1/encounters/:id': { create: async (app, owner) => insertEncounter(app.ctx.db, owner.facilityId) },
  '/api/v1/prescriptions/:id': { create: async (app, owner) => insertPrescription(app.ctx.db, owner.facilityId) },
  '/api/v1/lab-orders/:id': { create: async (app, owner) => insertLabOrder(app.ctx.db, owner.facilityId) },
  '/api/v1/patients/:id/allergies/:allergyId': { create: async (app, owner) => insertAllergy(app.ctx.db, owner.facilityId) },
  '/api/v1/patients/:id/problems/:problemId': { create: async (app, owner) => insertProblem(app.ctx.db, owner.facilityId) },
  '/api/v1/invoices/:id': { create: async (app, owner) => insertInvoice(app.ctx.db, owner.facilityId) },
  '/api/v1/payments/:id': { create: async (app, owner) => insertPayment(app.ctx.db, owner.facilityId) },
  '/api/v1/payers/:id': { create: async (app, owner) => insertPayer(app.ctx.db, owner.facilityId, owner.userId) },
  '/api/v1/patients/:id/coverages/:coverageId': { create: async (app, owner) => insertCoverage(app.ctx.db, owner.facilityId, owner.userId) },
  // Open in the sense of not closed, but not holding the clerk's one open slot, so the matrix can make many.
  '/api/v1/cash-shifts/:id': { create: async (app, owner) => insertShift(app.ctx.db, owner.facilityId, owner.userId) },
  '/api/v1/notifications/:id': { create: async (app, owner) => insertDeadDelivery(app.ctx.db, owner.facilityId) },
};

/** The latest duplicate patient made in each facility by the patients fixture. */
const mergeableDuplicates = new Map<string, string>();

/**
 * Valid bodies, by "METHOD url", for routes whose record lookup sits behind body validation:
 * there `{}` stops at a 400 before the 404 the matrix expects for another facility's record.
 * Each is built for the caller (their active facility and user id). Other routes get `{}`.
 */
export const ACCESS_BODIES: Record<string, (caller: RecordOwner) => unknown> = {
  'POST /api/v1/facilities/:id/departments': () => ({ name: 'Matrix ward', code: `M${randomBytes(4).toString('hex').toUpperCase()}` }),
  // An empty policy: requiring MFA here would lock the matrix's own callers out of later routes.
  'PUT /api/v1/facilities/:id/mfa-policy': () => ({ roles: [] }),
  'POST /api/v1/users/:id/temporary-password': () => ({ password: 'Matrix temporary passphrase 2026' }),
  'PUT /api/v1/users/:id/memberships': (caller) => ({ memberships: [{ facilityId: caller.facilityId, role: 'nurse' }] }),
  // The matrix makes the route's record (and so this duplicate, in the caller's facility) before the body.
  'POST /api/v1/patients/:id/merge': (caller) => ({ duplicateId: mergeableDuplicates.get(caller.facilityId) }),
  'POST /api/v1/appointments/:id/cancel': () => ({ reason: 'Matrix check' }),
  // In the past: the caller's own appointment answers 400 (not moved), another facility's 404 first.
  'POST /api/v1/appointments/:id/reschedule': () => ({ dateTime: '2020-01-05 10:00:00' }),
  'PUT /api/v1/providers/:id/working-hours': () => ({ slotMinutes: 30, days: {} }),
  'POST /api/v1/providers/:id/exceptions': () => ({ date: `${new Date().getUTCFullYear() + 2}-01-05` }),
  'POST /api/v1/encounters/:id/vitals': () => ({ pulse: 80 }),
  'POST /api/v1/encounters/:id/notes': () => ({ plan: 'Matrix check' }),
  'POST /api/v1/encounters/:id/diagnoses': () => ({ code: 'B54', type: 'primary' }),
  'POST /api/v1/patients/:id/allergies': () => ({ substance: 'Matrix dust', severity: 'mild' }),
  'POST /api/v1/patients/:id/problems': () => ({ description: 'Matrix problem' }),
  'POST /api/v1/encounters/:id/prescriptions': () => ({ medicationCode: 'amoxicillin-cap-500mg', dose: 500, doseUnit: 'mg', route: 'oral', frequency: 'three times daily', durationDays: 5 }),
  'POST /api/v1/encounters/:id/lab-orders': () => ({ tests: ['718-7'] }),
  'POST /api/v1/prescriptions/:id/dispense': () => ({ quantity: 1 }),
  'PATCH /api/v1/prescriptions/:id': () => ({ instructions: 'After meals' }),
  'POST /api/v1/prescriptions/:id/cancel': () => ({ reason: 'Matrix check' }),
  'POST /api/v1/lab-orders/:id/results': () => ({ results: [{ code: '718-7', value: 13.5 }] }),
  'PATCH /api/v1/patients/:id/allergies/:allergyId': () => ({ status: 'inactive' }),
  'PATCH /api/v1/patients/:id/problems/:problemId': () => ({ status: 'resolved' }),
  'POST /api/v1/invoices/:id/void': () => ({ reason: 'Matrix check' }),
  'POST /api/v1/invoices/:id/discount': () => ({ amount: 1, reason: 'Matrix check' }),
  'POST /api/v1/invoices/:id/payments': () => ({ amount: 1, method: 'cash' }),
  // POST /api/v1/payments/stripe/webhook is public but signed: no token, a Stripe-Signature instead
  // (the matrix sees it reached, never 401/403); stripe-webhook.test.ts checks the signature.
  'POST /api/v1/payments/:id/refunds': () => ({ amount: 1, reason: 'Matrix check' }),
  'POST /api/v1/invoices/:id/credit-notes': () => ({ amount: 1, reason: 'Matrix check' }),
  'PATCH /api/v1/payers/:id': () => ({ kind: 'company' }),
  // A payer that does not exist: the caller's own patient answers 422 (not found in the body), another facility's 404 first.
  'POST /api/v1/patients/:id/coverages': () => ({ payerId: '00000000-0000-7000-8000-000000000000', memberNumber: 'MATRIX-1' }),
  'POST /api/v1/cash-shifts/:id/close': () => ({ countedCash: 0 }),
  'PUT /api/v1/patients/:id/contact-preferences': () => ({ email: null, smsOptOut: false, emailOptOut: false, language: null }),
  'PUT /api/v1/notifications/settings': () => ({ reminderLeadMinutes: 1440, emailEnabled: true, smsEnabled: true }),
};

const PARAM = /:([A-Za-z0-9_]+)|\*/g;

export function pathParams(url: string): string[] {
  return [...url.matchAll(PARAM)].map((m) => m[1] ?? '*');
}

/** The fixture for a route: the entry under the longest prefix that ends at a segment boundary. */
export function fixtureFor(url: string): { prefix: string; fixture: AccessFixture } | undefined {
  const prefixes = Object.keys(ACCESS_FIXTURES).filter((p) => url === p || url.startsWith(`${p}/`)).sort((a, b) => b.length - a.length);
  const prefix = prefixes[0];
  return prefix ? { prefix, fixture: ACCESS_FIXTURES[prefix]! } : undefined;
}

/** The route URL with its parameters filled from a fixture's answer; throws naming a parameter it lacks. */
export function fillUrl(url: string, values: string | Record<string, string>): string {
  const names = pathParams(url);
  const byName = typeof values === 'string'
    ? (names.length === 1 ? { [names[0]!]: values } : {})
    : values;
  return url.replace(PARAM, (_m, name: string | undefined) => {
    const value = byName[name ?? '*'];
    if (value === undefined) throw new Error(`${url}: the fixture gives no value for :${name ?? '*'} (return a Record of every parameter)`);
    return encodeURIComponent(value);
  });
}
