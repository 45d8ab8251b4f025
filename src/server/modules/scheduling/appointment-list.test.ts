// The day list on every database, through HTTP: start-time order with patient names and MRNs,
// keyset pages, filters, clear 400s, and one audit event per read.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { blamed, book, createClinic, createPatient, nextWeekday, type Clinic, type TestPatient, MONDAY, TUESDAY } from '../../../../test/support/scheduling.ts';

eachDialect((dialect) => {
  describe('the day list', () => {
    let t: TestApp;
    let clinic: Clinic;
    const date = nextWeekday(MONDAY);
    const ids: string[] = [];
    let amna: TestPatient;
    before(async () => {
      t = await startTestApp(dialect);
      clinic = await createClinic(t.app);
      amna = await createPatient(t.app, clinic, { first: 'Amna', last: 'Osman' });
      const musa = await createPatient(t.app, clinic, { first: 'Musa', last: 'Adam' });
      // Booked out of order, listed by start time.
      for (const [who, p, time] of [[clinic.doctor, musa, '12:00'], [clinic.nurse, amna, '09:00'], [clinic.doctor, amna, '10:00'], [clinic.nurse, musa, '10:00']] as const) {
        const res = await book(t.app, who, { patientId: p.id, dateTime: `${date} ${time}`, type: 'consultation' });
        assert.equal(res.statusCode, 201, res.body);
        ids.push(res.json().id);
      }
      const nextDay = await book(t.app, clinic.doctor, { patientId: musa.id, dateTime: `${nextWeekday(TUESDAY, 3)} 09:00`, type: 'consultation' });
      assert.equal(nextDay.statusCode, 201);
    });
    after(() => t.close());

    const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/appointments?${query}`, headers: clinic.receptionist.headers });

    test("from=to=date lists that day in start order, with each patient's name and MRN", async () => {
      const res = await list(`from=${date}&to=${date}`);
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items as { dateTime: string; patientName: string; mrn: string; providerName: string }[];
      // The two at 10:00 keep booking order (ids are time-ordered).
      assert.deepEqual(items.map((a) => [a.dateTime.slice(11, 16), a.patientName]), [
        ['09:00', 'Amna Osman'], ['10:00', 'Amna Osman'], ['10:00', 'Musa Adam'], ['12:00', 'Musa Adam'],
      ]);
      assert.ok(items.every((a) => a.mrn && a.providerName));
      assert.equal(res.json().nextCursor, null);
    });

    test('the name comes in each script the record has, for the list and the queue alike', async () => {
      const reg = await t.app.inject({
        method: 'POST', url: '/api/v1/patients', headers: clinic.receptionist.headers,
        payload: { firstNameAr: 'حواء', fatherNameAr: 'إبراهيم', lastNameAr: 'الطيب', firstName: 'Hawa', fatherName: 'Ibrahim', lastName: 'Eltayeb', sex: 'female', dateOfBirth: '1991-02-03', confirmNew: true },
      });
      assert.equal(reg.statusCode, 201, reg.body);
      const arabicOnly = await t.app.inject({
        method: 'POST', url: '/api/v1/patients', headers: clinic.receptionist.headers,
        payload: { firstNameAr: 'مستورة', lastNameAr: 'علي', sex: 'female', birthYear: 1950, confirmNew: true },
      });
      assert.equal(arabicOnly.statusCode, 201, arabicOnly.body);
      const day = nextWeekday(TUESDAY, 10);
      for (const [p, time] of [[reg.json().id, '09:00'], [arabicOnly.json().id, '09:30']] as const) {
        assert.equal((await book(t.app, clinic.doctor, { patientId: p, dateTime: `${day} ${time}`, type: 'consultation' })).statusCode, 201);
      }
      const res = await list(`from=${day}&to=${day}`);
      const names = (res.json().items as { patientName: string; patientNameLatin: string | null; patientNameArabic: string | null }[])
        .map((a) => [a.patientName, a.patientNameLatin, a.patientNameArabic]);
      assert.deepEqual(names, [
        ['Hawa Ibrahim Eltayeb', 'Hawa Ibrahim Eltayeb', 'حواء إبراهيم الطيب'],
        ['مستورة علي', null, 'مستورة علي'],
      ]);
    });

    test('pages follow the cursor without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(`from=${date}&to=${date}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.statusCode, 200, res.body);
        seen.push(...res.json().items.map((a: { id: string }) => a.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      assert.equal(seen.length, 4);
      assert.deepEqual(new Set(seen), new Set(ids));
    });

    test('filters by provider, patient and status', async () => {
      const byProvider = await list(`from=${date}&to=${date}&providerId=${clinic.nurse.id}`);
      assert.equal(byProvider.json().items.length, 2);
      const byPatient = await list(`patientId=${amna.id}`);
      assert.equal(byPatient.json().items.length, 2);
      const cancelled = await list('status=cancelled');
      assert.equal(cancelled.json().items.length, 0);
      const open = await list(`status=scheduled&status=checked_in&from=${date}&to=${date}`);
      assert.equal(open.json().items.length, 4);
    });

    test('bad bounds and forged cursors → 400 naming the parameter', async () => {
      assert.deepEqual(blamed(await list('from=2026-02-30')), ['querystring.from']);
      assert.deepEqual(blamed(await list(`from=${date}&to=2020-01-01`)), ['querystring.to']);
      assert.deepEqual(blamed(await list('cursor=bm90LWEtY3Vyc29y')), ['querystring.cursor']);
      assert.deepEqual(blamed(await list('status=finished')), ['querystring.status.0']);
    });

    test('reads are audited: one event per list with the count, one per appointment read', async () => {
      await list(`patientId=${amna.id}`);
      const listed = await t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'appointment.list')
        .where('patient_id', '=', amna.id).executeTakeFirstOrThrow();
      assert.equal(JSON.parse(listed.details!).count, 2);
      assert.equal(listed.actor_id, clinic.receptionist.id);

      const one = await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${ids[1]}`, headers: clinic.receptionist.headers });
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().patientId, amna.id);
      const read = await t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'appointment.read').where('target_id', '=', ids[1]!).executeTakeFirstOrThrow();
      assert.equal(read.patient_id, amna.id);
      const created = await t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'appointment.create').where('target_id', '=', ids[1]!).executeTakeFirstOrThrow();
      assert.equal(created.patient_id, amna.id);
      assert.equal(created.facility_id, clinic.facility.id);
    });
  });
});
