// The appointment life cycle on every database, through HTTP: status transitions and the 409s for
// impossible ones, check-in only on the appointment's day in the facility's zone, starting and
// completing by clinicians only, cancelling with a reason, rescheduling with history, and the
// walk-in queue. Dates are computed from today in the facility's zone, never fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { localMinutesToInstant } from '../../platform/time.ts';
import { nowIso } from '../../platform/ids.ts';
import {
  blamed, book, createClinic, createPatient, insertAppointment, localDay, moveAppointmentTo, nextWeekday,
  type Clinic, type Staff, type TestPatient, MONDAY, TUESDAY, WEDNESDAY, SATURDAY,
} from '../../../../test/support/scheduling.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let patient: TestPatient;
  let slot = 0;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    patient = await createPatient(t.app, clinic);
  });
  after(() => t.close());

  /** A fresh appointment on one of the doctor's coming Mondays, each in its own hour from 08:00 to 15:00. */
  async function appointment(p: TestPatient = patient): Promise<string> {
    const n = slot++;
    const monday = nextWeekday(MONDAY, 2 + 7 * Math.floor(n / 8));
    const res = await book(t.app, clinic.doctor, { patientId: p.id, dateTime: `${monday} ${String(8 + (n % 8)).padStart(2, '0')}:00`, type: 'consultation' });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }
  /** One moved to today (in the facility's zone): check-in is allowed only on the appointment's day. */
  async function appointmentToday(p: TestPatient = patient): Promise<string> {
    const id = await appointment(p);
    await moveAppointmentTo(t.db, id, localDay());
    return id;
  }
  const act = (id: string, action: string, who: Staff = clinic.receptionist, payload?: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/appointments/${id}/${action}`, headers: who.headers, payload });
  const history = async (id: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${id}/history`, headers: clinic.receptionist.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as { action: string; fromStatus: string | null; toStatus: string | null; old: Record<string, unknown> | null; new: Record<string, unknown> | null; reason: string | null; actorId: string; actorName: string }[];
  };

  test('scheduled → checked_in → in_progress → completed, each step stamped and in the history', async () => {
    const id = await appointmentToday();
    const checkedIn = await act(id, 'check-in');
    assert.equal(checkedIn.statusCode, 200, checkedIn.body);
    assert.equal(checkedIn.json().status, 'checked_in');
    assert.match(checkedIn.json().checkedInAt, /\+02:00$/);
    assert.equal((await act(id, 'start', clinic.doctor)).json().status, 'in_progress');
    const done = await act(id, 'complete', clinic.doctor);
    assert.equal(done.json().status, 'completed');
    assert.ok(done.json().startedAt && done.json().completedAt);
    const events = await history(id);
    assert.deepEqual(events.map((e) => [e.action, e.fromStatus, e.toStatus]), [
      ['created', null, 'scheduled'], ['checked_in', 'scheduled', 'checked_in'], ['in_progress', 'checked_in', 'in_progress'], ['completed', 'in_progress', 'completed'],
    ]);
    assert.equal(events[1]!.actorName, 'Reception Sara');
    assert.equal(events[3]!.actorId, clinic.doctor.id);
  });

  test('a cancelled appointment cannot be checked in: 409 invalid_transition naming the status', async () => {
    const id = await appointment();
    const cancelled = await act(id, 'cancel', clinic.receptionist, { reason: 'Patient travelling' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().status, 'cancelled');
    assert.equal(cancelled.json().cancelReason, 'Patient travelling');
    const res = await act(id, 'check-in');
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'invalid_transition');
    assert.equal(res.json().currentStatus, 'cancelled');
    assert.match(res.json().detail, /cancelled/);
    assert.equal((await history(id)).at(-1)!.reason, 'Patient travelling');
  });

  test('every other impossible move → 409', async () => {
    const id = await appointment();
    for (const action of ['start', 'complete']) assert.equal((await act(id, action, clinic.doctor)).json().code, 'invalid_transition', action);
    assert.equal((await act(id, 'no-show')).json().status, 'no_show');
    for (const action of ['check-in', 'start', 'complete', 'no-show']) {
      const res = await act(id, action, clinic.doctor);
      assert.equal(res.statusCode, 409, action);
      assert.equal(res.json().currentStatus, 'no_show');
    }
    assert.equal((await act(id, 'cancel', clinic.receptionist, { reason: 'late' })).statusCode, 409);
    const reschedule = await act(id, 'reschedule', clinic.receptionist, { dateTime: `${nextWeekday(TUESDAY)} 09:00` });
    assert.equal(reschedule.statusCode, 409);
    assert.equal(reschedule.json().code, 'invalid_transition');
  });

  test('cancelling needs a reason, and frees the slot', async () => {
    const date = nextWeekday(WEDNESDAY);
    const res = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${date} 09:00`, type: 'consultation' });
    const id = res.json().id;
    assert.deepEqual(blamed(await act(id, 'cancel', clinic.receptionist, {})), ['body.reason']);
    assert.deepEqual(blamed(await act(id, 'cancel', clinic.receptionist, { reason: '   ' })), ['body.reason']);
    assert.equal((await act(id, 'cancel', clinic.receptionist, { reason: 'Clinic closed' })).statusCode, 200);
    const again = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${date} 09:00`, type: 'consultation' });
    assert.equal(again.statusCode, 201, again.body);
  });

  test('rescheduling keeps the history and obeys the booking rules', async () => {
    const tuesday = nextWeekday(TUESDAY);
    const blocker = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${tuesday} 13:00`, type: 'consultation' });
    assert.equal(blocker.statusCode, 201);
    const id = await appointment();
    const move = (payload: Record<string, unknown>) => act(id, 'reschedule', clinic.receptionist, payload);

    const taken = await move({ dateTime: `${tuesday} 13:15` });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().code, 'slot_taken');
    const closed = await move({ dateTime: `${nextWeekday(SATURDAY)} 10:00` });
    assert.equal(closed.statusCode, 400);
    assert.deepEqual(blamed(closed), ['body.dateTime']);
    assert.deepEqual(blamed(await move({ dateTime: '2020-01-05 10:00' })), ['body.dateTime']);
    assert.deepEqual(blamed(await move({ dateTime: `${tuesday} 14:00`, providerId: clinic.receptionist.id })), ['body.providerId']);

    const moved = await move({ dateTime: `${tuesday} 14:00`, durationMinutes: 45 });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().dateTime, `${tuesday}T14:00:00+02:00`);
    assert.equal(moved.json().endTime, `${tuesday}T14:45:00+02:00`);
    assert.equal(moved.json().status, 'scheduled');
    const toNurse = await move({ dateTime: `${tuesday} 13:00`, providerId: clinic.nurse.id });
    assert.equal(toNurse.statusCode, 200, toNurse.body);
    assert.equal(toNurse.json().providerId, clinic.nurse.id);

    const events = (await history(id)).filter((e) => e.action === 'rescheduled');
    assert.equal(events.length, 2);
    assert.equal(events[0]!.new!.dateTime, `${tuesday}T14:00:00+02:00`);
    assert.equal(events[0]!.old!.durationMinutes, 30);
    assert.equal(events[0]!.new!.durationMinutes, 45);
    assert.deepEqual([events[1]!.old!.providerId, events[1]!.new!.providerId], [clinic.doctor.id, clinic.nurse.id]);
    assert.equal(events[1]!.old!.dateTime, events[0]!.new!.dateTime);
    const audited = await t.db.kysely.selectFrom('audit_events').select(['patient_id']).where('action', '=', 'appointment.reschedule').where('target_id', '=', id).execute();
    assert.deepEqual(audited.map((a) => a.patient_id), [patient.id, patient.id]);

    // The old slot is free again for the doctor.
    const reuse = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${tuesday} 14:00`, type: 'consultation' });
    assert.equal(reuse.statusCode, 201);
  });

  test("the queue lists today's checked-in patients by arrival, with waiting minutes, name and MRN", async () => {
    const musa = await createPatient(t.app, clinic, { first: 'Musa', last: 'Adam' });
    const first = await appointmentToday(musa);
    const second = await appointmentToday(patient);
    const third = await appointmentToday(patient);
    // Checked in out of booking order: the queue follows arrival.
    for (const id of [second, first, third]) assert.equal((await act(id, 'check-in')).statusCode, 200);
    assert.equal((await act(third, 'start', clinic.doctor)).statusCode, 200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/queue?providerId=${clinic.doctor.id}`, headers: clinic.nurse.headers });
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { appointmentId: string; patientName: string; patientNameLatin: string | null; patientNameArabic: string | null; mrn: string; waitingMinutes: number }[];
    assert.deepEqual(items.map((i) => i.appointmentId), [second, first], 'in progress is no longer waiting');
    assert.deepEqual(items.map((i) => i.patientName), ['Amna Osman', 'Musa Adam']);
    assert.deepEqual(items.map((i) => [i.patientNameLatin, i.patientNameArabic]), [['Amna Osman', null], ['Musa Adam', null]]);
    assert.equal(items[1]!.mrn, musa.mrn);
    assert.ok(items.every((i) => Number.isInteger(i.waitingMinutes) && i.waitingMinutes >= 0));
    const nurseQueue = await t.app.inject({ method: 'GET', url: `/api/v1/queue?providerId=${clinic.nurse.id}`, headers: clinic.nurse.headers });
    assert.deepEqual(nurseQueue.json().items, []);
    const audit = await t.db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'appointment.queue').execute();
    assert.ok(audit.some((a) => JSON.parse(a.details!).count === 2));
  });

  test('transitions and reschedules are audited with the patient, inside the same transaction', async () => {
    const id = await appointmentToday();
    await act(id, 'check-in');
    const rows = await t.db.kysely.selectFrom('audit_events').select(['action', 'patient_id', 'actor_id']).where('target_id', '=', id).orderBy('seq').execute();
    assert.deepEqual(rows.map((r) => [r.action, r.patient_id]), [['appointment.create', patient.id], ['appointment.check_in', patient.id]]);
    assert.equal(rows[1]!.actor_id, clinic.receptionist.id);
  });

  test("check-in four days early or a day late is refused, naming the appointment's date; nothing changes", async () => {
    for (const days of [4, -1]) {
      const id = await appointment();
      const date = localDay(days);
      await moveAppointmentTo(t.db, id, date);
      const res = await act(id, 'check-in');
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().code, 'invalid_transition');
      assert.equal(res.json().appointmentDate, date);
      assert.equal(res.json().today, localDay());
      assert.ok(res.json().detail.includes(date), res.json().detail);
      const now = await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${id}`, headers: clinic.receptionist.headers });
      assert.deepEqual([now.json().status, now.json().checkedInAt], ['scheduled', null]);
      assert.deepEqual((await history(id)).map((e) => e.action), ['created']);
    }
  });

  test("the day is the facility's: at UTC+14, 00:05 and 23:55 today check in, 00:05 tomorrow does not", async () => {
    const zone = 'Pacific/Kiritimati';
    const far = await createClinic(t.app, { timeZone: zone });
    const today = localDay(0, zone);
    // Whatever the time of day, one of today's two falls on another UTC date than now.
    for (const minutes of [5, 23 * 60 + 55]) {
      const id = await insertAppointment(t.db, far.facility.id, { at: localMinutesToInstant(zone, today, minutes) });
      const res = await act(id, 'check-in', far.receptionist);
      assert.equal(res.statusCode, 200, `${minutes}: ${res.body}`);
      assert.match(res.json().checkedInAt, /\+14:00$/);
    }
    const tomorrow = await insertAppointment(t.db, far.facility.id, { at: localMinutesToInstant(zone, localDay(1, zone), 5) });
    const res = await act(tomorrow, 'check-in', far.receptionist);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().appointmentDate, localDay(1, zone));
  });

  test("today's queue holds only today's appointments, even one checked in days early before this rule", async () => {
    const early = await insertAppointment(t.db, clinic.facility.id, { at: Date.now() + 4 * 86_400_000, checkedInAt: nowIso() });
    const today = await appointmentToday();
    assert.equal((await act(today, 'check-in')).statusCode, 200);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/queue', headers: clinic.nurse.headers });
    assert.equal(res.statusCode, 200, res.body);
    const ids = res.json().items.map((i: { appointmentId: string }) => i.appointmentId);
    assert.ok(ids.includes(today));
    assert.ok(!ids.includes(early), 'an appointment four days ahead is not in today\'s queue');
  });

  test('starting and completing a visit is for clinicians: a receptionist or an administrator gets 403, a nurse or a doctor may', async () => {
    for (const clinician of [clinic.nurse, clinic.doctor]) {
      const id = await appointmentToday();
      assert.equal((await act(id, 'check-in')).statusCode, 200);
      for (const who of [clinic.receptionist, clinic.admin]) {
        const res = await act(id, 'start', who);
        assert.equal(res.statusCode, 403, res.body);
      }
      assert.equal((await act(id, 'start', clinician)).json().status, 'in_progress');
      for (const who of [clinic.receptionist, clinic.admin]) assert.equal((await act(id, 'complete', who)).statusCode, 403);
      const done = await act(id, 'complete', clinician);
      assert.equal(done.json().status, 'completed');
      assert.deepEqual((await history(id)).slice(-2).map((e) => e.actorId), [clinician.id, clinician.id]);
    }
  });
});
