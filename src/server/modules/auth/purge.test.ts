// Spent sign-in records are purged a day after they expire, on every database; live ones stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';
import { createFacility, createUser } from '../../../../test/support/fixtures.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { OutboxWorker } from '../../platform/outbox/worker.ts';
import { purgeExpiredAuthRecords } from './purge.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

eachDialect((dialect) => {
  let t: TestEnv;
  let userId: string;
  before(async () => {
    t = await startTestEnv(dialect);
    const facility = await createFacility(t.db);
    userId = (await createUser(t.db, [{ facilityId: facility.id, role: 'doctor' }])).id;
  });
  after(() => t.close());

  async function token(expiresAt: number, status: 'active' | 'used' | 'revoked') {
    const id = uuidv7();
    await t.db.kysely.insertInto('refresh_tokens').values({
      id, family_id: uuidv7(), user_id: userId, token_hash: id.replaceAll('-', '').padEnd(64, '0'), status,
      created_at: iso(expiresAt - 7 * DAY), expires_at: iso(expiresAt), idle_expires_at: iso(expiresAt), used_at: null, ip: null, user_agent: null,
    }).execute();
    return id;
  }

  async function challenge(expiresAt: number) {
    const id = uuidv7();
    await t.db.kysely.insertInto('auth_challenges').values({
      id, user_id: userId, token_hash: id.replaceAll('-', '').padEnd(64, '1'), purpose: 'mfa_login', attempts: 0,
      expires_at: iso(expiresAt), consumed_at: null, created_at: iso(expiresAt - 300_000),
    }).execute();
    return id;
  }

  test('records expired over a day ago go; recent and live ones stay', async () => {
    const now = Date.now();
    const old = [await token(now - 2 * DAY, 'used'), await token(now - 3 * DAY, 'revoked')];
    const kept = [await token(now - DAY / 2, 'revoked'), await token(now + 5 * DAY, 'active')];
    const oldChallenge = await challenge(now - 2 * DAY);
    const liveChallenge = await challenge(now + 60_000);
    assert.equal(await purgeExpiredAuthRecords(t.db.kysely, now), 3);
    const tokens = (await t.db.kysely.selectFrom('refresh_tokens').select('id').execute()).map((r) => r.id);
    for (const id of old) assert.ok(!tokens.includes(id));
    for (const id of kept) assert.ok(tokens.includes(id));
    const challenges = (await t.db.kysely.selectFrom('auth_challenges').select('id').execute()).map((r) => r.id);
    assert.deepEqual(challenges, [liveChallenge]);
    assert.ok(!challenges.includes(oldChallenge));
  });

  test('the worker runs maintenance on its first tick and then not again until the interval passes', async () => {
    let runs = 0;
    const worker = new OutboxWorker(t.db, new Map(), pino({ level: 'silent' }), {
      maintenance: [{ name: 'count', everyMs: 3_600_000, run: async () => ++runs }],
    });
    await worker.tick();
    await worker.tick();
    assert.equal(runs, 1);
  });
});
