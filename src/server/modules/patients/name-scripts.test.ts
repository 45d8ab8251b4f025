// A name typed into the field of the other script (decision 0021) on every database: refused with
// a 400 that names the field and the field to use instead, and nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { openDesk, register, registered, type Desk } from '../../../../test/support/patients.ts';

const DOB = { dateOfBirth: '1990-01-01' };

interface Problem { field: string; message: string }

eachDialect((dialect) => {
  let t: TestApp;
  let desk: Desk;
  before(async () => {
    t = await startTestApp(dialect);
    desk = await openDesk(t.app);
  });
  after(() => t.close());

  const count = async () => Number((await t.db.kysely.selectFrom('patients').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  function refused(res: { statusCode: number; body: string; json(): { code: string; errors: Problem[] } }): Problem[] {
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().code, 'validation_failed');
    return res.json().errors;
  }

  test('Arabic typed into a Latin name field is refused, naming the Arabic field to use', async () => {
    const before = await count();
    const [problem, ...rest] = refused(await register(t.app, desk, { firstName: 'محمد', lastName: 'Osman', ...DOB }));
    assert.deepEqual(rest, []);
    assert.equal(problem!.field, 'body.firstName');
    assert.match(problem!.message, /Arabic/);
    assert.match(problem!.message, /\bfirstNameAr\b/);

    const all = refused(await register(t.app, desk, { firstName: 'محمد', fatherName: 'أحمد', grandfatherName: 'علي', lastName: 'الأمين', ...DOB }));
    assert.deepEqual(all.map((p) => [p.field, /\b(\w+Ar)\b/.exec(p.message)?.[1]]), [
      ['body.firstName', 'firstNameAr'], ['body.fatherName', 'fatherNameAr'], ['body.grandfatherName', 'grandfatherNameAr'], ['body.lastName', 'lastNameAr'],
    ]);
    assert.equal(await count(), before, 'nothing was written');
  });

  test('Latin typed into an Arabic name field is refused, naming the Latin field to use', async () => {
    const before = await count();
    const problems = refused(await register(t.app, desk, { firstNameAr: 'Fatima', lastNameAr: 'الأمين', ...DOB }));
    assert.deepEqual(problems.map((p) => p.field), ['body.firstNameAr']);
    assert.match(problems[0]!.message, /Latin/);
    assert.match(problems[0]!.message, /\bfirstName\b/);
    assert.ok(!/\bfirstNameAr\b.*\bfirstNameAr\b/.test(problems[0]!.message));
    // One field holding both spellings is refused too: each script has its own field.
    assert.deepEqual(refused(await register(t.app, desk, { firstName: 'Ali علي', lastName: 'Osman', ...DOB })).map((p) => p.field), ['body.firstName']);
    assert.equal(await count(), before);
  });

  test('an edit that puts a name in the wrong script is refused and changes nothing', async () => {
    const p = await registered(t.app, desk, { firstName: 'Huda', lastName: 'Idris', firstNameAr: 'هدى', lastNameAr: 'إدريس', ...DOB });
    const patch = (payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/v1/patients/${p.id}`, headers: { ...desk.headers, 'if-match': '"1"' }, payload });
    assert.deepEqual(refused(await patch({ lastName: 'إدريس' })).map((x) => x.field), ['body.lastName']);
    assert.deepEqual(refused(await patch({ fatherNameAr: 'Osman' })).map((x) => x.field), ['body.fatherNameAr']);
    const now = await t.app.inject({ method: 'GET', url: `/api/v1/patients/${p.id}`, headers: desk.headers });
    assert.deepEqual([now.json().version, now.json().lastName, now.json().fatherNameAr], [1, 'Idris', null]);
  });

  test('each script in its own field is accepted, with accents, apostrophes, hyphens and Arabic marks', async () => {
    const res = await register(t.app, desk, {
      firstName: "Sa'ad", fatherName: 'Abd al-Rahman', lastName: 'Élamin', firstNameAr: 'سَعْد', fatherNameAr: 'عبد الرحمن', lastNameAr: 'الأمين', confirmNew: true, ...DOB,
    });
    assert.equal(res.statusCode, 201, res.body);
  });
});
