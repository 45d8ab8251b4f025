// GET /api/v1/audit-events on every database: who may read, facility scoping, every filter,
// cursor pagination, bad input, and the read itself being audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, tokenFor, authHeaders, type TestFacility } from '../../../../test/support/fixtures.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { AuditEvent } from '../../platform/audit/audit-log.ts';

interface Item { id: string; seq: number; occurredAt: string; action: string; facilityId: string | null; patientId: string | null; actorId: string | null; outcome: string; details: Record<string, unknown> | null }
interface Page { items: Item[]; nextCursor: string | null }

eachDialect((dialect) => {
  let t: TestApp;
  let home: TestFacility;
  let other: TestFacility;
  const tokens: Record<'officer' | 'otherOfficer' | 'doctor' | 'admin', string> = { officer: '', otherOfficer: '', doctor: '', admin: '' };
  const ids = { officer: '', actor: uuidv7(), patient: uuidv7() };

  before(async () => {
    t = await startTestApp(dialect);
    home = await createFacility(t.db);
    other = await createFacility(t.db);
    const officer = await createUser(t.db, [{ facilityId: home.id, role: 'compliance_officer' }]);
    const otherOfficer = await createUser(t.db, [{ facilityId: other.id, role: 'compliance_officer' }]);
    const doctor = await createUser(t.db, [{ facilityId: home.id, role: 'doctor' }]);
    const admin = await createUser(t.db, [{ facilityId: home.id, role: 'super_admin' }]);
    ids.officer = officer.id;
    tokens.officer = await tokenFor(t.app, officer.id);
    tokens.otherOfficer = await tokenFor(t.app, otherOfficer.id);
    tokens.doctor = await tokenFor(t.app, doctor.id);
    tokens.admin = await tokenFor(t.app, admin.id);

    const events: AuditEvent[] = [
      { action: 'auth.login', facilityId: home.id, actorId: ids.actor },
      { action: 'auth.login', facilityId: home.id, actorId: ids.actor, outcome: 'failure', details: { reason: 'bad password' } },
      { action: 'auth.logout', facilityId: home.id, actorId: ids.actor },
      { action: 'authz.check', facilityId: home.id, actorId: uuidv7() },
      { action: 'patient.read', facilityId: home.id, actorId: ids.actor, patientId: ids.patient, targetType: 'patient', targetId: ids.patient },
      { action: 'patient.update', facilityId: home.id, actorId: uuidv7(), patientId: ids.patient, details: { fields: ['phone'], nested: { n: 1 } } },
      { action: 'patient.read', facilityId: other.id, actorId: ids.actor, patientId: ids.patient },
      { action: 'auth.login', facilityId: null, outcome: 'failure', details: { email: 'nobody@example.com' } },
    ];
    for (const e of events) await t.app.ctx.audit.record({ ip: '10.1.2.3', userAgent: 'audit-test', requestId: 'req-1', ...e });
  });
  after(() => t.close());

  const get = (token: string, query = '', facilityId?: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/audit-events${query}`, headers: authHeaders(token, facilityId) });
  const list = async (token: string, query = '', facilityId?: string): Promise<Page> => {
    const res = await get(token, query, facilityId);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Page;
  };
  const actions = (page: Page) => page.items.map((i) => i.action);
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  test('a compliance officer lists their facility\'s events, newest first, with every field', async () => {
    const page = await list(tokens.officer, '?action=auth.');
    assert.deepEqual(actions(page), ['auth.logout', 'auth.login', 'auth.login']);
    assert.ok(page.items.every((i) => i.facilityId === home.id));
    const seqs = page.items.map((i) => i.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
    const failed = page.items[1]!;
    assert.equal(failed.outcome, 'failure');
    assert.deepEqual(Object.keys(failed).sort(), ['action', 'actorId', 'details', 'facilityId', 'id', 'ip', 'occurredAt', 'outcome', 'patientId', 'requestId', 'seq', 'targetId', 'targetType', 'userAgent']);
    assert.deepEqual(failed.details, { reason: 'bad password' });
    assert.match(failed.occurredAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(page.nextCursor, null);
  });

  test('another facility\'s events and facility-less events stay out of sight', async () => {
    const here = await list(tokens.officer, `?patientId=${ids.patient}`);
    assert.deepEqual(actions(here), ['patient.update', 'patient.read']);
    const away = await list(tokens.otherOfficer, `?patientId=${ids.patient}`);
    assert.deepEqual(actions(away), ['patient.read']);
    assert.equal(away.items[0]!.facilityId, other.id);
    const all = await list(tokens.officer, '?limit=200');
    assert.ok(all.items.every((i) => i.facilityId === home.id));
  });

  test('filters: actor, patient, exact action, action prefix, outcome', async () => {
    assert.deepEqual(actions(await list(tokens.officer, `?actorId=${ids.actor}`)), ['patient.read', 'auth.logout', 'auth.login', 'auth.login']);
    assert.deepEqual(actions(await list(tokens.officer, '?action=auth.login')), ['auth.login', 'auth.login']);
    const patientEvents = await list(tokens.officer, '?action=patient.');
    assert.deepEqual(actions(patientEvents), ['patient.update', 'patient.read']);
    assert.deepEqual(patientEvents.items[0]!.details, { fields: ['phone'], nested: { n: 1 } });
    assert.deepEqual(actions(await list(tokens.officer, '?action=auth')), [], 'without the dot it is an exact action');
    assert.deepEqual(actions(await list(tokens.officer, '?outcome=failure&action=auth.')), ['auth.login']);
    const combined = await list(tokens.officer, `?actorId=${ids.actor}&patientId=${ids.patient}&action=patient.read&outcome=success`);
    assert.equal(combined.items.length, 1);
    assert.equal(combined.items[0]!.patientId, ids.patient);
  });

  test('from is inclusive, to exclusive, and an offset is read as the same instant', async () => {
    const rows = await t.db.kysely.selectFrom('audit_events').select(['id', 'occurred_at']).where('facility_id', '=', home.id)
      .where('action', 'not like', 'audit.%').orderBy('seq').execute();
    const from = rows[1]!.occurred_at;
    const to = new Date(Date.parse(rows[4]!.occurred_at) + 1).toISOString(); // later than from even if all share a millisecond
    const expected = rows.filter((r) => r.occurred_at >= from && r.occurred_at < to).map((r) => r.id).sort();
    const page = await list(tokens.officer, `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=200`);
    assert.deepEqual(page.items.filter((i) => !i.action.startsWith('audit.')).map((i) => i.id).sort(), expected);
    const plusTwo = new Date(Date.parse(from) + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    const again = await list(tokens.officer, `?from=${encodeURIComponent(plusTwo)}&to=${encodeURIComponent(to)}&limit=200`);
    assert.deepEqual(again.items.filter((i) => !i.action.startsWith('audit.')).map((i) => i.id).sort(), expected);
  });

  test('cursor pagination returns every event exactly once, newest first', async () => {
    const all = await t.db.kysely.selectFrom('audit_events').select(['id', 'seq']).where('facility_id', '=', home.id).orderBy('seq', 'desc').execute();
    assert.ok(all.length > 6, 'enough events for several pages');
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(tokens.officer, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= 3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    assert.deepEqual(seen.map((i) => i.id), all.map((r) => r.id));
    assert.equal(pages, Math.ceil(all.length / 3));
  });

  test('reading the audit log is itself audited', async () => {
    await list(tokens.officer, `?patientId=${ids.patient}&action=patient.`);
    const reads = await list(tokens.officer, `?action=audit.read&actorId=${ids.officer}&limit=1`);
    const read = reads.items[0]!;
    assert.equal(read.patientId, ids.patient);
    assert.equal(read.facilityId, home.id);
    assert.deepEqual(read.details, { scope: 'facility', patientId: ids.patient, action: 'patient.', returned: 2 });
  });

  test('a doctor is refused with 403, and the refusal is audited', async () => {
    const res = await get(tokens.doctor);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'forbidden');
    const denied = await list(tokens.officer, '?action=access.denied');
    assert.equal(denied.items[0]!.outcome, 'denied');
    assert.deepEqual(denied.items[0]!.details, { permission: 'audit:read', role: 'doctor' });
  });

  test('without a token → 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events' });
    assert.equal(res.statusCode, 401);
  });

  test('a super admin sees the active facility by default, and everything with scope=all', async () => {
    const own = await list(tokens.admin, '?limit=200', home.id);
    assert.ok(own.items.every((i) => i.facilityId === home.id));
    const all = await list(tokens.admin, '?scope=all&action=auth.login&outcome=failure');
    assert.deepEqual(all.items.map((i) => i.facilityId), [null, home.id]);
    const elsewhere = await list(tokens.admin, `?scope=all&patientId=${ids.patient}&action=patient.read`);
    assert.deepEqual(elsewhere.items.map((i) => i.facilityId).sort(), [home.id, other.id].sort());
  });

  test('scope=all is refused to a compliance officer', async () => {
    const res = await get(tokens.officer, '?scope=all');
    assert.equal(res.statusCode, 403);
    assert.match(res.json().detail, /scope=all/);
  });

  test('bad filters → 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['?actorId=not-a-uuid', 'querystring.actorId'],
      ['?patientId=123', 'querystring.patientId'],
      ['?action=auth%20login', 'querystring.action'],
      ['?action=' + 'a'.repeat(65), 'querystring.action'],
      ['?outcome=maybe', 'querystring.outcome'],
      ['?from=yesterday', 'querystring.from'],
      ['?to=2026-02-30T00:00:00Z', 'querystring.to'],
      ['?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'querystring.to'],
      ['?limit=0', 'querystring.limit'],
      ['?limit=201', 'querystring.limit'],
      ['?limit=ten', 'querystring.limit'],
      ['?cursor=garbage', 'querystring.cursor'],
      [`?cursor=${Buffer.from('seq:0').toString('base64url')}`, 'querystring.cursor'],
      ['?cursor=a+b', 'querystring.cursor'],
      ['?scope=everything', 'querystring.scope'],
      ['?facilityId=' + other.id, 'querystring.facilityId'],
    ];
    for (const [query, field] of cases) {
      const res = await get(tokens.officer, query);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(res.json().code, 'validation_failed', query);
      assert.deepEqual(fieldsOf(res.json()), [field], query);
    }
  });
});
