// The access matrix: every route the app registers × every role × the caller's own facility and
// another one, through real HTTP on every database. Public routes never answer 401/403;
// 'authenticated' routes want a token; permission routes want a token (401) and a role that holds
// the permission (403 otherwise); and another facility's record answers 404 to everyone entitled
// to the route in their own facility. A new route is covered the moment it is registered; one
// with a path parameter fails here until test/support/access-matrix.ts can make its records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { createFacility, createUser, tokenFor, authHeaders, type TestFacility } from './support/fixtures.ts';
import { ACCESS_BODIES, fillUrl, fixtureFor, pathParams, type RecordOwner } from './support/access-matrix.ts';
import { PERMISSIONS, ROLES, roleCan, type Role } from '../src/server/platform/access/roles.ts';
import type { RouteEntry } from '../src/server/platform/http/route-access.ts';
import { uuidv7 } from '../src/server/platform/ids.ts';

/** 'reached': authorization passed; 'reached-record': and the record was found (no 404). */
type Want = 'reached' | 'reached-record' | 401 | 403 | 404;

function meets(res: LightMyRequestResponse, want: Want): boolean {
  const s = res.statusCode;
  if (typeof want === 'number') return s === want && (want !== 404 || res.json<{ code?: string }>().code !== 'route_not_found');
  // A 500 is a crash, not a decision; a 503 is a health check saying a part is down, as designed.
  if (s === 401 || s === 403 || s === 500) return false;
  return want === 'reached' || s !== 404;
}

const isProtected = (r: RouteEntry) => r.access !== 'public';
const withBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method);

eachDialect((dialect) => {
  let t: TestApp;
  let home: TestFacility;
  let away: TestFacility;
  const staff = { home: {} as Record<Role, string>, away: {} as Record<Role, string> };

  before(async () => {
    t = await startTestApp(dialect);
    home = await createFacility(t.db);
    away = await createFacility(t.db);
    for (const role of ROLES) {
      staff.home[role] = (await createUser(t.db, [{ facilityId: home.id, role }], { name: `Matrix ${role}` })).id;
      staff.away[role] = (await createUser(t.db, [{ facilityId: away.id, role }], { name: `Matrix away ${role}` })).id;
    }
  });
  after(() => t.close());

  async function send(route: RouteEntry, url: string, caller?: RecordOwner, facilityHeader?: string) {
    const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
    const headers = caller ? authHeaders(await tokenFor(t.app, caller.userId), facilityHeader) : {};
    const body = ACCESS_BODIES[`${method} ${route.url}`];
    const payload = withBody(method) ? ((body && caller ? body(caller) : {}) as object) : undefined;
    return t.app.inject({ method, url: url.startsWith('/') ? url : `/${url}`, headers, ...(payload && { payload }) });
  }

  /** Every request the matrix makes for one route, and what each should answer. */
  async function check(route: RouteEntry): Promise<string[]> {
    const problems: string[] = [];
    const expect = (label: string, res: LightMyRequestResponse, want: Want) => {
      if (!meets(res, want)) problems.push(`${label}: got ${res.statusCode} ${res.body.slice(0, 160)}; want ${want}`);
    };
    const params = pathParams(route.url);
    const found = fixtureFor(route.url);
    if (isProtected(route) && params.length && !found) return [`no entry in ACCESS_FIXTURES (test/support/access-matrix.ts) makes records for ${route.url}`];
    const urlFor = async (owner: RecordOwner) => (params.length ? fillUrl(route.url, await found!.fixture.create(t.app, owner)) : route.url);
    const filler = params.length ? fillUrl(route.url, Object.fromEntries(params.map((p) => [p, isProtected(route) ? uuidv7() : 'x']))) : route.url;

    expect('no token', await send(route, filler), isProtected(route) ? 401 : 'reached');
    for (const role of ROLES) {
      const caller = { facilityId: home.id, userId: staff.home[role] };
      if (!isProtected(route)) {
        expect(`${role} with a token`, await send(route, filler, caller), 'reached');
        continue;
      }
      const permission = typeof route.access === 'object' ? route.access.permission : undefined;
      const entitled = !permission || role === 'super_admin' || roleCan(role, permission);
      expect(`${role}, own facility`, await send(route, await urlFor(caller), caller), !entitled ? 403 : params.length ? 'reached-record' : 'reached');
      if (params.length) {
        const otherUrl = await urlFor({ facilityId: away.id, userId: staff.away[role] });
        const reachesAll = role === 'super_admin' && found!.fixture.superAdminReachesAll;
        expect(`${role}, another facility's record`, await send(route, otherUrl, caller), !entitled ? 403 : reachesAll ? 'reached-record' : 404);
      } else if (permission) {
        expect(`${role}, acting in a facility they do not belong to`, await send(route, route.url, caller, away.id), role === 'super_admin' ? 'reached' : 403);
      }
    }
    return problems;
  }

  test('every route declares an access rule the platform knows', () => {
    assert.ok(t.app.routeTable.length > 10, 'the route table is recorded');
    const bad = t.app.routeTable.filter((r) => !(r.access === 'public' || r.access === 'authenticated'
      || (typeof r.access === 'object' && (PERMISSIONS as readonly string[]).includes(r.access.permission))));
    assert.deepEqual(bad, []);
  });

  test('every protected route with a path parameter has a record fixture', () => {
    const missing = t.app.routeTable.filter((r) => isProtected(r) && pathParams(r.url).length > 0 && !fixtureFor(r.url)).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(missing, [], 'add an entry to ACCESS_FIXTURES in test/support/access-matrix.ts');
  });

  test('the matrix sees the administration routes', () => {
    const urls = new Set(t.app.routeTable.map((r) => `${r.method} ${r.url}`));
    for (const u of ['POST /api/v1/facilities', 'GET /api/v1/users/:id', 'PUT /api/v1/users/:id/memberships', 'GET /health']) assert.ok(urls.has(u), u);
  });

  test('every route × every role × own and another facility', async (tc) => {
    for (const route of t.app.routeTable) {
      await tc.test(`${route.method} ${route.url}`, async () => {
        assert.deepEqual(await check(route), []);
      });
    }
  });
});
