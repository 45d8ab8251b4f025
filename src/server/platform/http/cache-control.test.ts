// No response carrying patient data or tokens may be kept by a browser, proxy or CDN: every API
// response, errors included, says `Cache-Control: no-store` — on every database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser } from '../../../../test/support/fixtures.ts';
import { openDesk, registered } from '../../../../test/support/patients.ts';

function assertNoStore(res: LightMyRequestResponse, what: string): void {
  assert.equal(res.headers['cache-control'], 'no-store', `${what}: ${res.statusCode} ${JSON.stringify(res.headers)}`);
  assert.equal(res.headers.pragma, 'no-cache', what);
}

eachDialect((dialect) => {
  let t: TestApp;
  before(async () => { t = await startTestApp(dialect); });
  after(() => t.close());

  test('a patient record with its national id is no-store', async () => {
    const desk = await openDesk(t.app);
    const p = await registered(t.app, desk, { firstName: 'Huda', lastName: 'Idris', dateOfBirth: '1980-05-05', nationalId: '123-4567-8901' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/patients/${p.id}`, headers: desk.headers });
    assert.equal(res.statusCode, 200, res.body);
    assertNoStore(res, 'GET patient');
    assertNoStore(await t.app.inject({ method: 'GET', url: '/api/v1/patients?q=Huda', headers: desk.headers }), 'search');
  });

  test('sign-in and refresh responses carrying tokens are no-store', async () => {
    const facility = await createFacility(t.db);
    const u = await createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }]);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password } });
    assert.equal(login.statusCode, 200, login.body);
    assertNoStore(login, 'login');
    const refresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: login.json().refreshToken } });
    assert.equal(refresh.statusCode, 200, refresh.body);
    assertNoStore(refresh, 'refresh');
  });

  test('errors are no-store too: 401, 404 and a failed sign-in', async () => {
    assertNoStore(await t.app.inject({ method: 'GET', url: '/api/v1/patients' }), '401');
    assertNoStore(await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' }), '404');
    const failed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@clinic.sd', password: 'wrong-password-1' } });
    assert.equal(failed.statusCode, 401);
    assertNoStore(failed, 'failed login');
  });

  test('health and metrics are live state and never cached; the docs page may be', async () => {
    assertNoStore(await t.app.inject({ method: 'GET', url: '/health' }), '/health');
    assertNoStore(await t.app.inject({ method: 'GET', url: '/health/ready' }), '/health/ready');
    assertNoStore(await t.app.inject({ method: 'GET', url: '/metrics' }), '/metrics');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    assert.equal(docs.statusCode, 200);
    assert.notEqual(docs.headers['cache-control'], 'no-store');
  });
});
