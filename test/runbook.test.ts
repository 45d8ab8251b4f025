// The SQL the runbook (docs/operations.md "A user lost their MFA device") tells an administrator
// to run, run as written on every database: the user signs in again without a second factor, their
// recovery codes are gone, and every session they had is over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sql } from 'kysely';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { createFacility, createUser } from './support/fixtures.ts';
import { PASSWORD, me, nextTotp, post, problemOf, signIn } from '../src/server/modules/auth/test-helpers.ts';

function runbookSql(marker: string): string[] {
  const doc = fs.readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');
  const block = new RegExp(`<!-- ${marker} -->\\s*\`\`\`sql\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1];
  assert.ok(block, `docs/operations.md has the ${marker} SQL block`);
  return block.split(/;\s*$/m).map((s) => s.replace(/^\s+/gm, ' ').trim()).filter(Boolean);
}

eachDialect((dialect) => {
  let t: TestApp;
  before(async () => { t = await startTestApp(dialect); });
  after(() => t.close());

  test('the MFA reset SQL clears the second factor and ends every session of that user only', async () => {
    const facility = await createFacility(t.db);
    const [lost, bystander] = [await createUser(t.db, [{ facilityId: facility.id, role: 'doctor' }]), await createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }])];
    const { accessToken } = await signIn(t.app, lost.email);
    const { secret } = (await post(t.app, '/auth/mfa/enroll', { password: PASSWORD }, accessToken)).json() as { secret: string };
    assert.equal((await post(t.app, '/auth/mfa/confirm', { code: await nextTotp(secret) }, accessToken)).statusCode, 200);
    problemOf(await post(t.app, '/auth/login', { email: lost.email, password: PASSWORD }), 401, 'mfa_required');
    const other = await signIn(t.app, bystander.email);

    const statements = runbookSql('runbook:mfa-reset');
    assert.equal(statements.length, 3);
    for (const statement of statements) await sql.raw(statement.replaceAll('user@example.org', lost.email)).execute(t.db.kysely);

    const codes = await t.db.kysely.selectFrom('mfa_recovery_codes').select('id').where('user_id', '=', lost.id).execute();
    assert.equal(codes.length, 0, 'recovery codes deleted');
    const active = await t.db.kysely.selectFrom('refresh_tokens').select('id').where('user_id', '=', lost.id).where('status', '=', 'active').execute();
    assert.equal(active.length, 0, 'refresh tokens revoked');
    assert.equal((await me(t.app, accessToken)).statusCode, 401, 'the old access token no longer works');
    assert.equal((await me(t.app, other.accessToken)).statusCode, 200, 'other users keep their sessions');
    const again = await post(t.app, '/auth/login', { email: lost.email, password: PASSWORD });
    assert.equal(again.statusCode, 200, `signs in with the password alone: ${again.body}`);
    assert.equal((again.json() as { user: { mfaEnabled: boolean } }).user.mfaEnabled, false);
  });
});
