// A facility's compliance officer sees the sign-ins, failures and lockouts of the facility's staff
// — events that belong to no facility — and only theirs; someone on the staff of two facilities is
// seen by both. On every database, with sign-ins made through the real API.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, startTestEnv, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, tokenFor, authHeaders, type TestFacility, type TestUser } from '../../../../test/support/fixtures.ts';
import { migrateDown, migrateUp, migrationStatus } from '../../db/migrate.ts';
import { AuditLog } from '../../platform/audit/audit-log.ts';

interface Item { seq: number; action: string; outcome: string; actorId: string | null; details: Record<string, unknown> | null }
interface Page { items: Item[]; nextCursor: string | null }

eachDialect((dialect) => {
  describe('authentication events of a facility\'s staff', () => {
    let t: TestApp;
    let a: TestFacility;
    let b: TestFacility;
    const officer = { a: '', b: '' };
    const staff = {} as Record<'inA' | 'lockedInA' | 'inB' | 'inBoth' | 'joinsA', TestUser>;

    const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

    before(async () => {
      t = await startTestApp(dialect);
      a = await createFacility(t.db);
      b = await createFacility(t.db);
      officer.a = await tokenFor(t.app, (await createUser(t.db, [{ facilityId: a.id, role: 'compliance_officer' }])).id);
      officer.b = await tokenFor(t.app, (await createUser(t.db, [{ facilityId: b.id, role: 'compliance_officer' }])).id);
      staff.inA = await createUser(t.db, [{ facilityId: a.id, role: 'nurse' }]);
      staff.lockedInA = await createUser(t.db, [{ facilityId: a.id, role: 'receptionist' }]);
      staff.inB = await createUser(t.db, [{ facilityId: b.id, role: 'nurse' }]);
      staff.inBoth = await createUser(t.db, [{ facilityId: a.id, role: 'doctor' }, { facilityId: b.id, role: 'doctor' }]);
      staff.joinsA = await createUser(t.db, [{ facilityId: b.id, role: 'pharmacist' }]);

      assert.equal((await login(staff.inA.email, staff.inA.password)).statusCode, 200);
      assert.equal((await login(staff.inA.email, 'Not-the-password-1')).statusCode, 401);
      for (let i = 0; i < 5; i++) assert.equal((await login(staff.lockedInA.email, 'Not-the-password-1')).statusCode, 401);
      assert.equal((await login(staff.lockedInA.email, staff.lockedInA.password)).statusCode, 429);
      assert.equal((await login(staff.inB.email, staff.inB.password)).statusCode, 200);
      assert.equal((await login(staff.inB.email, 'Not-the-password-1')).statusCode, 401);
      assert.equal((await login(staff.inBoth.email, staff.inBoth.password)).statusCode, 200);
      assert.equal((await login('nobody@clinic.sd', 'Not-the-password-1')).statusCode, 401);
      // Signed in while only at B; later also joins A.
      assert.equal((await login(staff.joinsA.email, staff.joinsA.password)).statusCode, 200);
      await t.db.kysely.insertInto('memberships').values({ id: crypto.randomUUID(), user_id: staff.joinsA.id, facility_id: a.id, role: 'pharmacist', created_at: new Date().toISOString() }).execute();
      assert.equal((await login(staff.joinsA.email, staff.joinsA.password)).statusCode, 200);
    });
    after(() => t.close());

    async function list(token: string, query: string): Promise<Page> {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit-events?${query}`, headers: authHeaders(token) });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Page;
    }
    const summary = (page: Page) => page.items.map((i) => `${i.actorId === null ? 'nobody' : Object.entries(staff).find(([, u]) => u.id === i.actorId)?.[0]}:${i.action}:${i.outcome}${i.details?.reason === 'locked' ? ':locked' : ''}`);

    test('the officer of A sees the sign-ins, failures and lockouts of A\'s staff, newest first, and nothing of B\'s', async () => {
      assert.deepEqual(summary(await list(officer.a, 'action=auth.')), [
        'joinsA:auth.login:success',
        'inBoth:auth.login:success',
        'lockedInA:auth.login:failure:locked',
        ...Array(5).fill('lockedInA:auth.login:failure'),
        'inA:auth.login:failure',
        'inA:auth.login:success',
      ]);
    });

    test('the officer of B sees B\'s staff, including the one who works in both', async () => {
      assert.deepEqual(summary(await list(officer.b, 'action=auth.')), [
        'joinsA:auth.login:success',
        'joinsA:auth.login:success',
        'inBoth:auth.login:success',
        'inB:auth.login:failure',
        'inB:auth.login:success',
      ]);
    });

    test('a temporary password set by a super admin acting in A is seen in B too, once in each', async () => {
      const boss = await tokenFor(t.app, (await createUser(t.db, [{ facilityId: a.id, role: 'super_admin' }])).id);
      const res = await t.app.inject({
        method: 'POST', url: `/api/v1/users/${staff.inBoth.id}/temporary-password`, headers: authHeaders(boss, a.id), payload: { password: 'A temporary one 2026!' },
      });
      assert.equal(res.statusCode, 200, res.body);
      for (const token of [officer.a, officer.b]) {
        const page = await list(token, 'action=user.temporary_password');
        assert.deepEqual(page.items.map((i) => i.action), ['user.temporary_password']);
      }
    });

    test('filters and cursor pages work across own and linked events, each event once', async () => {
      assert.deepEqual(summary(await list(officer.a, `action=auth.login&actorId=${staff.inA.id}&outcome=failure`)), ['inA:auth.login:failure']);
      const all = await list(officer.a, 'limit=200');
      assert.ok(all.items.some((i) => i.action === 'audit.read'), 'the facility\'s own events are there too');
      const seen: number[] = [];
      let cursor = '';
      for (let page = 0; page < 100; page++) {
        const p = await list(officer.a, `limit=3${cursor}`);
        seen.push(...p.items.map((i) => i.seq));
        if (!p.nextCursor) break;
        cursor = `&cursor=${p.nextCursor}`;
      }
      const expected = all.items.map((i) => i.seq);
      assert.deepEqual(seen.filter((s) => s <= expected[0]!), expected, 'every event once, newest first');
    });
  });

  describe('events recorded before the upgrade', () => {
    test('authentication events of users are linked to their facilities by the migration', async () => {
      const env = await startTestEnv(dialect);
      try {
        const name = '2026-11-27T1100_audit_event_facilities';
        while ((await migrationStatus(env.db)).find((m) => m.name === name)?.executedAt) await migrateDown(env.db);
        const [a, b] = [await createFacility(env.db), await createFacility(env.db)];
        const inA = await createUser(env.db, [{ facilityId: a.id, role: 'nurse' }]);
        const inBoth = await createUser(env.db, [{ facilityId: a.id, role: 'nurse' }, { facilityId: b.id, role: 'nurse' }]);
        const audit = new AuditLog(env.db);
        await audit.record({ action: 'auth.login', actorId: inA.id });
        await audit.record({ action: 'auth.login', actorId: inBoth.id, outcome: 'failure' });
        await audit.record({ action: 'auth.login', outcome: 'failure', details: { email: 'nobody@clinic.sd' } });
        await audit.record({ action: 'patient.read', actorId: inA.id, facilityId: a.id });
        await migrateUp(env.db);
        const links = await env.db.kysely.selectFrom('audit_event_facilities as l').innerJoin('audit_events as e', 'e.seq', 'l.seq')
          .select(['l.facility_id', 'e.actor_id']).execute();
        const got = links.map((l) => `${l.facility_id === a.id ? 'A' : 'B'}:${l.actor_id === inA.id ? 'inA' : 'inBoth'}`).sort();
        assert.deepEqual(got, ['A:inA', 'A:inBoth', 'B:inBoth']);
      } finally {
        await env.close();
      }
    });
  });
});
