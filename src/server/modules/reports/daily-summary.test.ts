// The daily summary on every database: the hourly job, run for a due time at 06:00 in the
// facility's zone, emails each active facility admin yesterday's figures (in their language)
// through the real SMTP server; run again, and an hour later, it sends nothing more; before
// 06:00 local it sends nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect } from '../../../../test/support/app.ts';
import { startNotifyEnv, drain, type NotifyEnv } from '../../../../test/support/notifications.ts';
import { createFacility, createUser, type TestFacility, type TestUser } from '../../../../test/support/fixtures.ts';
import { insertPatient } from '../../../../test/support/patients.ts';
import { insertAppointment } from '../../../../test/support/scheduling.ts';
import { insertEncounter } from '../../../../test/support/clinical.ts';
import { addCollected } from '../billing/daily-totals.ts';
import { saveFacilitySettings } from '../notifications/settings.ts';
import { recurringJobs } from '../jobs.ts';
import { DAILY_SUMMARY_TOPIC } from './daily-summary.ts';
import pino from 'pino';

// Khartoum is UTC+2: 04:00Z is 06:00 local on 20 November, so the summary is of the 19th.
const DUE = new Date('2026-11-20T04:00:00Z');
const YESTERDAY = (h: number, m = 0) => Date.UTC(2026, 10, 19, h - 2, m);

eachDialect((dialect) => {
  let env: NotifyEnv;
  let facility: TestFacility;
  let en: TestUser, ar: TestUser;
  const run = (due: Date) => recurringJobs({ config: env.t.config, db: env.t.db, redis: undefined, log: pino({ level: 'silent' }) })
    .find((j) => j.topic === DAILY_SUMMARY_TOPIC)!.run(due);

  before(async () => {
    env = await startNotifyEnv(dialect);
    const db = env.t.db;
    facility = await createFacility(db);
    en = await createUser(db, [{ facilityId: facility.id, role: 'facility_admin' }], { name: 'Hassan Ali' });
    ar = await createUser(db, [{ facilityId: facility.id, role: 'facility_admin' }], { name: 'Sara Ahmed' });
    await db.kysely.updateTable('users').set({ preferred_language: 'ar' }).where('id', '=', ar.id).execute();
    const disabled = await createUser(db, [{ facilityId: facility.id, role: 'facility_admin' }]);
    await db.kysely.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    await createUser(db, [{ facilityId: facility.id, role: 'doctor' }]);
    // Yesterday local: 3 patients (00:00 and 23:59 are its edges), not the ones just before or after.
    for (const at of [YESTERDAY(0), YESTERDAY(12), YESTERDAY(23, 59), YESTERDAY(0) - 60_000, YESTERDAY(24)]) {
      await insertPatient(db, facility.id, { created_at: new Date(at).toISOString() });
    }
    const noShows = [await insertAppointment(db, facility.id, { at: YESTERDAY(9) }), await insertAppointment(db, facility.id, { at: YESTERDAY(10) })];
    await db.kysely.updateTable('appointments').set({ status: 'no_show' }).where('id', 'in', noShows).execute();
    await insertAppointment(db, facility.id, { at: YESTERDAY(11) });
    await insertAppointment(db, facility.id, { at: YESTERDAY(30) });
    for (const at of [YESTERDAY(8), YESTERDAY(14), YESTERDAY(25)]) await insertEncounter(db, facility.id, { started_at: new Date(at).toISOString() });
    await addCollected(db.kysely, db.client, facility.id, 'SDG', 'cash', new Date(YESTERDAY(9)).toISOString(), 150_000);
    await addCollected(db.kysely, db.client, facility.id, 'SDG', 'cash', new Date(YESTERDAY(15)).toISOString(), 25_050);
    await addCollected(db.kysely, db.client, facility.id, 'SDG', 'mobile_money', new Date(YESTERDAY(16)).toISOString(), 70_000);
    await addCollected(db.kysely, db.client, facility.id, 'SDG', 'card', new Date(YESTERDAY(26)).toISOString(), 99_900);
  });
  after(() => env?.close());

  // Every message the server got: the disabled admin and the doctor must get none.
  const mine = () => env.smtp.received;

  test('before 06:00 local nothing is sent', async () => {
    await run(new Date('2026-11-20T03:00:00Z'));
    await drain([env.worker()]);
    assert.equal(mine().length, 0);
  });

  test('at 06:00 local each active admin gets one email with yesterday\'s figures; again, nothing more', async () => {
    await run(DUE);
    await drain([env.worker()]);
    await env.smtp.waitFor(2);
    const mails = mine();
    assert.deepEqual(mails.map((m) => m.envelopeTo[0]).sort(), [en.email, ar.email].sort());
    const english = mails.find((m) => m.envelopeTo[0] === en.email)!.parsed;
    assert.equal(english.subject, 'NileCare daily summary for 2026-11-19');
    const text = english.text ?? '';
    assert.match(text, /Dear Hassan Ali/);
    assert.match(text, /Patients registered: 3\n/);
    assert.match(text, /Encounters: 2\n/);
    assert.match(text, /- no-shows: 2\n/);
    assert.match(text, /- scheduled: 1\n/);
    assert.match(text, /- SDG cash: 1750\.50 \(2\)/);
    assert.match(text, /- SDG mobile money: 700\.00 \(1\)/);
    assert.doesNotMatch(text, /card/);
    const arabic = mails.find((m) => m.envelopeTo[0] === ar.email)!.parsed;
    assert.equal(arabic.subject, 'ملخص نايل كير اليومي ليوم 2026-11-19');
    assert.match(arabic.text ?? '', /المرضى المسجلون: 3\n/);
    assert.match(arabic.text ?? '', /- لم يحضر: 2\n/);

    await run(DUE);
    await run(new Date('2026-11-20T05:00:00Z'));
    await drain([env.worker()]);
    assert.equal(mine().length, 2, 'the same local day is summarised once');
  });

  test('a facility with the daily summary turned off gets none; turned on, it does', async () => {
    const db = env.t.db;
    const off = await createFacility(db);
    const admin = await createUser(db, [{ facilityId: off.id, role: 'facility_admin' }]);
    await saveFacilitySettings(db.kysely, off.id, admin.id, { reminderLeadMinutes: 1440, channels: { email: true, sms: true }, securityContactEmail: null, dailySummaryEnabled: false });
    await run(DUE);
    await drain([env.worker()]);
    assert.equal(mine().filter((m) => m.envelopeTo.includes(admin.email)).length, 0);
    await saveFacilitySettings(db.kysely, off.id, admin.id, { reminderLeadMinutes: 1440, channels: { email: true, sms: true }, securityContactEmail: null, dailySummaryEnabled: true });
    await run(new Date('2026-11-20T05:00:00Z'));
    await drain([env.worker()]);
    await env.smtp.waitFor(3);
    assert.equal(mine().filter((m) => m.envelopeTo.includes(admin.email)).length, 1);
    assert.equal(mine().length, 3);
  });
});
