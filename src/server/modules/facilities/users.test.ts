// Staff accounts through HTTP on every database: creation rules and who may grant what, 409s,
// 400s naming the field, listing with filters and cursor pages, isolation between facilities,
// and no password hash in any response.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, tokenFor, authHeaders, type TestFacility } from '../../../../test/support/fixtures.ts';
import type { Role } from '../../platform/access/roles.ts';
import { verifyPassword } from '../auth/index.ts';

interface Res { statusCode: number; body: string; json(): Record<string, unknown> & { errors?: { field: string }[] } }
interface UserJson { id: string; email: string; name: string; status: string; memberships: { facilityId: string; role: string }[] }

const PASSWORD = 'Blue Nile at dawn 2026';

eachDialect((dialect) => {
  let t: TestApp;
  let home: TestFacility;
  let other: TestFacility;
  const tok = { superAdmin: '', admin: '', officer: '', doctor: '' };
  const responses: string[] = [];

  before(async () => {
    t = await startTestApp(dialect);
    home = await createFacility(t.db);
    other = await createFacility(t.db);
    const make = async (role: Role) => tokenFor(t.app, (await createUser(t.db, [{ facilityId: home.id, role }], { name: `Zz ${role}` })).id);
    tok.superAdmin = await make('super_admin');
    tok.admin = await make('facility_admin');
    tok.officer = await make('compliance_officer');
    tok.doctor = await make('doctor');
  });
  after(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: unknown): Promise<Res> => {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: authHeaders(token), ...(payload !== undefined && { payload: payload as object }) });
    responses.push(res.body);
    return res;
  };
  const fields = (res: Res) => (res.json().errors ?? []).map((e) => e.field);
  const newUser = (memberships: { facilityId: string; role: string }[], over: Record<string, unknown> = {}) =>
    ({ email: `staff-${Math.random().toString(36).slice(2, 10)}@clinic.sd`, name: 'Amna Osman', password: PASSWORD, memberships, ...over });

  test('a facility admin creates a user in their facility: 201, email lower-cased, argon2id hash stored, audited', async () => {
    const res = await call('POST', '/users', tok.admin, newUser([{ facilityId: home.id, role: 'nurse' }], { email: 'Amna.Osman@Clinic.SD', phone: '+249912345678' }));
    assert.equal(res.statusCode, 201, res.body);
    const u = res.json() as unknown as UserJson & Record<string, unknown>;
    assert.equal(u.email, 'amna.osman@clinic.sd');
    assert.deepEqual(Object.keys(u).sort(), ['createdAt', 'email', 'id', 'lastLoginAt', 'memberships', 'mfaEnabled', 'mustChangePassword', 'name', 'phone', 'status', 'updatedAt']);
    assert.deepEqual(u.memberships, [{ facilityId: home.id, role: 'nurse' }]);
    const row = await t.db.kysely.selectFrom('users').select(['password_hash', 'status']).where('id', '=', u.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.equal((await verifyPassword(row.password_hash, PASSWORD)).ok, true);
    const audit = await t.db.kysely.selectFrom('audit_events').select(['action', 'facility_id']).where('target_id', '=', u.id).execute();
    assert.deepEqual(audit.map((a) => [a.action, a.facility_id]), [['user.create', home.id]]);
  });

  test('an account created with a password must change it at first sign-in, whoever created it', async () => {
    for (const token of [tok.admin, tok.superAdmin]) {
      const email = `first.sign-in.${Math.random().toString(36).slice(2, 8)}@clinic.sd`;
      const res = await call('POST', '/users', token, newUser([{ facilityId: home.id, role: 'nurse' }], { email }));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().mustChangePassword, true);
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
      assert.equal(login.statusCode, 200, login.body);
      assert.equal(login.json().user.mustChangePassword, true);
      const blocked = await call('GET', '/facilities', login.json().accessToken);
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().code, 'password_change_required');
    }
  });

  test('the same email in another case is a 409', async () => {
    const res = await call('POST', '/users', tok.superAdmin, newUser([{ facilityId: other.id, role: 'doctor' }], { email: 'AMNA.OSMAN@clinic.sd' }));
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().field, 'body.email');
  });

  test('a facility admin cannot tell whether an email is used in another facility: the same answer as for their own staff', async () => {
    const mine = await createUser(t.db, [{ facilityId: home.id, role: 'nurse' }], { email: 'mine@clinic.sd', name: 'Mine Staff' });
    const theirs = await createUser(t.db, [{ facilityId: other.id, role: 'doctor' }], { email: 'theirs@clinic.sd', name: 'Their Staff' });
    const answer = async (email: string) => {
      const res = await call('POST', '/users', tok.admin, newUser([{ facilityId: home.id, role: 'nurse' }], { email }));
      const body = res.json();
      return { status: res.statusCode, body, stable: { ...body, requestId: undefined } };
    };

    const own = await answer('Mine@Clinic.sd');
    const elsewhere = await answer('theirs@clinic.sd');
    assert.equal(own.status, 409);
    assert.deepEqual(elsewhere.stable, own.stable, 'the answer does not depend on where the account is');
    const text = JSON.stringify(elsewhere.body);
    for (const secret of [theirs.id, theirs.name, other.id, mine.id]) assert.ok(!text.includes(secret), `leaks ${secret}: ${text}`);
    assert.doesNotMatch(String(elsewhere.body.detail), /exist|already/i, 'does not say an account exists');
    assert.match(String(elsewhere.body.detail), /super admin/);
    assert.equal(elsewhere.body.field, 'body.email');
    const memberships = await t.db.kysely.selectFrom('memberships').select('facility_id').where('user_id', '=', theirs.id).execute();
    assert.deepEqual(memberships.map((m) => m.facility_id), [other.id], 'nothing was granted');

    const fresh = await answer('brand.new@clinic.sd');
    assert.equal(fresh.status, 201);

    // The probe is visible to the facility's compliance officer, without the other account's id.
    const refused = (await t.db.kysely.selectFrom('audit_events').select(['facility_id', 'target_id', 'details'])
      .where('action', '=', 'user.create').where('outcome', '=', 'failure').orderBy('seq').execute())
      .map((e) => [e.facility_id, e.target_id, JSON.parse(e.details!)]).filter(([, , d]) => /^(mine|theirs)@/.test(d.email));
    assert.deepEqual(refused, [
      [home.id, null, { reason: 'email_unavailable', email: 'mine@clinic.sd' }],
      [home.id, null, { reason: 'email_unavailable', email: 'theirs@clinic.sd' }],
    ]);

    // A super admin, who sees every account anyway, is told plainly.
    const plain = await call('POST', '/users', tok.superAdmin, newUser([{ facilityId: home.id, role: 'nurse' }], { email: 'theirs@clinic.sd' }));
    assert.equal(plain.statusCode, 409);
    assert.match(String(plain.json().detail), /already exists/);
  });

  test('a weak password is a 400 naming body.password, and nothing is written', async () => {
    for (const password of ['short', 'password1234', 'amna.osman-2026!x']) {
      const email = `amna.osman.${password.length}@clinic.sd`;
      const res = await call('POST', '/users', tok.admin, newUser([{ facilityId: home.id, role: 'nurse' }], { email, password }));
      assert.equal(res.statusCode, 400, password);
      assert.deepEqual([...new Set(fields(res))], ['body.password'], password);
      assert.equal(await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(), undefined);
    }
  });

  test('other bad input is a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [newUser([{ facilityId: home.id, role: 'nurse' }], { email: 'not-an-email' }), ['body.email']],
      [newUser([{ facilityId: home.id, role: 'wizard' }]), ['body.memberships.0.role']],
      [newUser([]), ['body.memberships']],
      [newUser([{ facilityId: home.id, role: 'nurse' }], { phone: '09-12' }), ['body.phone']],
      [newUser([{ facilityId: home.id, role: 'nurse' }], { isAdmin: true }), ['body.isAdmin']],
      [newUser([{ facilityId: home.id, role: 'nurse' }, { facilityId: home.id, role: 'doctor' }]), ['body.memberships.1.facilityId']],
    ];
    for (const [body, expected] of cases) {
      const res = await call('POST', '/users', tok.admin, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(fields(res), expected, JSON.stringify(body));
    }
    const ghost = await call('POST', '/users', tok.superAdmin, newUser([{ facilityId: '0194f7a0-0000-7000-8000-000000000009', role: 'nurse' }]));
    assert.deepEqual(fields(ghost), ['body.memberships.0.facilityId']);
  });

  test('a facility admin may not grant super_admin nor a membership in another facility (403); a super admin may', async () => {
    const superGrant = await call('POST', '/users', tok.admin, newUser([{ facilityId: home.id, role: 'super_admin' }]));
    assert.equal(superGrant.statusCode, 403);
    const elsewhere = await call('POST', '/users', tok.admin, newUser([{ facilityId: other.id, role: 'nurse' }]));
    assert.equal(elsewhere.statusCode, 403);
    const mixed = await call('POST', '/users', tok.admin, newUser([{ facilityId: home.id, role: 'nurse' }, { facilityId: other.id, role: 'nurse' }]));
    assert.equal(mixed.statusCode, 403);
    assert.equal((await call('POST', '/users', tok.officer, newUser([{ facilityId: home.id, role: 'nurse' }]))).statusCode, 403);

    const res = await call('POST', '/users', tok.superAdmin, newUser([{ facilityId: home.id, role: 'doctor' }, { facilityId: other.id, role: 'super_admin' }]));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((res.json() as unknown as UserJson).memberships.length, 2);
  });

  test('listing: only the active facility, by name, filtered, one cursor page at a time', async () => {
    for (const name of ['Hassan Ali', 'Hiba Yousif', 'hamid Omer', 'Fatima Adam']) {
      await createUser(t.db, [{ facilityId: home.id, role: 'receptionist' }], { name, email: `${name.split(' ')[0]!.toLowerCase()}@list.sd` });
    }
    const outsider = await createUser(t.db, [{ facilityId: other.id, role: 'receptionist' }], { name: 'Hassan Outsider' });
    const names = async (query: string, token = tok.officer) => {
      const res = await call('GET', `/users${query}`, token);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as UserJson[]).map((u) => u.name);
    };
    assert.deepEqual(await names('?role=receptionist'), ['Fatima Adam', 'Hassan Ali', 'Hiba Yousif', 'hamid Omer']);
    assert.deepEqual((await names('?q=h&role=receptionist')).sort(), ['Hassan Ali', 'Hiba Yousif', 'hamid Omer']);
    assert.deepEqual(await names('?q=HI'), ['Hiba Yousif']);
    assert.deepEqual(await names('?q=fatima%40list'), ['Fatima Adam']);
    assert.deepEqual(await names('?q=%25'), [], 'a wildcard in q matches itself only');
    assert.ok(!(await names('?q=hassan', tok.superAdmin)).includes(outsider.name), 'a super admin lists the facility they act in');

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await call('GET', `/users?role=receptionist&limit=3${cursor ? `&cursor=${cursor}` : ''}`, tok.admin);
      pages.push((res.json().items as UserJson[]).map((u) => u.name));
      cursor = res.json().nextCursor as string | null;
    } while (cursor);
    assert.deepEqual(pages, [['Fatima Adam', 'Hassan Ali', 'Hiba Yousif'], ['hamid Omer']]);

    const receptionist = (await call('GET', '/users?q=hiba', tok.admin)).json().items as UserJson[];
    await call('POST', `/users/${receptionist[0]!.id}/disable`, tok.admin);
    assert.deepEqual(await names('?status=disabled'), ['Hiba Yousif']);
    assert.ok(!(await names('?status=active')).includes('Hiba Yousif'));

    assert.deepEqual(fields(await call('GET', '/users?cursor=bm90LWEtY3Vyc29y', tok.admin)), ['querystring.cursor']);
    assert.deepEqual(fields(await call('GET', '/users?limit=0', tok.admin)), ['querystring.limit']);
    assert.deepEqual(fields(await call('GET', '/users?sort=password_hash', tok.admin)), ['querystring.sort']);
    assert.equal((await call('GET', '/users', tok.doctor)).statusCode, 403);
  });

  test('a user only in another facility answers 404 to read and every change; a super admin sees them', async () => {
    const stranger = await createUser(t.db, [{ facilityId: other.id, role: 'doctor' }], { name: 'Only Elsewhere' });
    for (const token of [tok.admin, tok.officer]) assert.equal((await call('GET', `/users/${stranger.id}`, token)).statusCode, 404);
    const attempts: [('POST' | 'PATCH'), string, unknown][] = [
      ['PATCH', '', { name: 'Renamed' }], ['POST', '/disable', undefined], ['POST', '/enable', undefined],
      ['POST', '/temporary-password', { password: PASSWORD }],
    ];
    for (const [method, path, body] of attempts) {
      assert.equal((await call(method, `/users/${stranger.id}${path}`, tok.admin, body)).statusCode, 404, path);
    }
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/users/${stranger.id}/memberships`, headers: authHeaders(tok.admin), payload: { memberships: [{ facilityId: home.id, role: 'doctor' }] } });
    assert.equal(put.statusCode, 404);
    const row = await t.db.kysely.selectFrom('users').select(['name', 'status', 'must_change_password']).where('id', '=', stranger.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.name, row.status, Number(row.must_change_password)], ['Only Elsewhere', 'active', 0]);
    const memberships = await t.db.kysely.selectFrom('memberships').select('facility_id').where('user_id', '=', stranger.id).execute();
    assert.deepEqual(memberships.map((m) => m.facility_id), [other.id]);

    const seen = await call('GET', `/users/${stranger.id}`, tok.superAdmin);
    assert.equal(seen.statusCode, 200);
    assert.deepEqual((seen.json() as unknown as UserJson).memberships, [{ facilityId: other.id, role: 'doctor' }]);
  });

  test('a facility admin sees only the membership in their facility of a user who works in two', async () => {
    const both = await createUser(t.db, [{ facilityId: home.id, role: 'nurse' }, { facilityId: other.id, role: 'nurse' }]);
    const mine = (await call('GET', `/users/${both.id}`, tok.admin)).json() as unknown as UserJson;
    assert.deepEqual(mine.memberships, [{ facilityId: home.id, role: 'nurse' }]);
    const all = (await call('GET', `/users/${both.id}`, tok.superAdmin)).json() as unknown as UserJson;
    assert.equal(all.memberships.length, 2);
  });

  test('PATCH edits name and phone, audited; empty fields and bad values are refused', async () => {
    const u = await createUser(t.db, [{ facilityId: home.id, role: 'pharmacist' }]);
    const res = await call('PATCH', `/users/${u.id}`, tok.admin, { name: 'Omer Hassan', phone: '+249911111111' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().name, res.json().phone], ['Omer Hassan', '+249911111111']);
    assert.equal((await call('PATCH', `/users/${u.id}`, tok.admin, { phone: null })).json().phone, null);
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', u.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['user.update', 'user.update']);
    assert.deepEqual(fields(await call('PATCH', `/users/${u.id}`, tok.admin, { name: '   ' })), ['body.name']);
    assert.deepEqual(fields(await call('PATCH', `/users/${u.id}`, tok.admin, { email: 'new@x.sd' })), ['body.email']);
    assert.deepEqual(fields(await call('PATCH', `/users/${u.id}`, tok.admin, { status: 'deleted' })), ['body.status']);
    assert.equal((await call('PATCH', `/users/${u.id}`, tok.officer, { name: 'x' })).statusCode, 403);
  });

  test('no response ever carried a password hash or MFA secret', () => {
    assert.ok(responses.length > 40);
    for (const body of responses) assert.doesNotMatch(body, /\$argon2|password_?hash|mfa_?secret/i);
  });
});
