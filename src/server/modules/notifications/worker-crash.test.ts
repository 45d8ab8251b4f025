// A worker killed mid-job (SIGKILL to a real `nilecare worker` process while the SMTP server holds
// a message before answering 250), then two workers over the same queue: on every database, every
// message arrives exactly once. The one in hand was never accepted (a real MTA delivers only after
// 250), so it is sent again after the dead worker's claim expires (OUTBOX_CLAIM_TIMEOUT); its log
// row, left 'sending', shows the second attempt. The window that remains — a kill after the 250
// and before the 'sent' update — resends with the same Message-ID (see docs/architecture.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { eachDialect } from '../../../../test/support/app.ts';
import { startNotifyEnv, drain, type NotifyEnv } from '../../../../test/support/notifications.ts';
import { cleanUpProcesses, nilecare } from '../../../../test/support/process.ts';
import { until } from '../../../../test/support/wait.ts';
import { createClinic, type Clinic } from '../../../../test/support/scheduling.ts';
import { queueNotification, APPOINTMENT_EVENTS } from './index.ts';

// The worker is another process: it knows the templates the modules register, not the test's.
const EVENT = APPOINTMENT_EVENTS.booked;

const N = 8;
const CLAIM_MS = 5000;

eachDialect((dialect) => {
  let n: NotifyEnv;
  let clinic: Clinic;
  before(async () => {
    n = await startNotifyEnv(dialect);
    clinic = await createClinic(n.t.app);
  });
  after(async () => { cleanUpProcesses(); await n.close(); });

  test('SIGKILL mid-send, then two workers: each of 8 messages arrives exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const [q] = await queueNotification(n.t.db.kysely, { facilityId: clinic.facility.id, event: EVENT, to: { email: `patient${i}@example.org`, name: `Patient ${i}` }, data: { facility: 'Crash clinic', startsAt: new Date().toISOString() }, subjectRef: 'test:crash' });
      ids.push(q!.id);
    }
    n.smtp.holdMs = 400;
    const child = nilecare(['worker'], { ...n.t.database.env, ...n.smtp.env(), OUTBOX_CLAIM_TIMEOUT: `${CLAIM_MS}ms`, LOG_LEVEL: 'warn' });
    // Two messages accepted, the third in the server's hands but not yet answered: kill now.
    await until('the worker to be sending its third message', () => n.smtp.received.length >= 2 && n.smtp.dataStarted > n.smtp.received.length, 60_000)
      .catch((err: Error) => { throw new Error(`${err.message}; worker stdout:\n${child.stdout()}\nstderr:\n${child.stderr()}`); });
    child.child.kill('SIGKILL');
    const { signal } = await child.exited;
    assert.equal(signal, 'SIGKILL');
    const killedAt = Date.now();
    n.smtp.holdMs = 0;
    await sleep(100); // the server notices the closed connection and drops the held message
    const acceptedBeforeKill = n.smtp.received.length;

    const rows = async () => n.t.db.kysely.selectFrom('notification_deliveries').select(['id', 'status', 'attempts']).where('subject_ref', '=', 'test:crash').execute();
    const left = await rows();
    assert.deepEqual(left.filter((r) => r.status === 'sending').length, 1, `the job in hand is left 'sending': ${JSON.stringify(left)}`);
    assert.equal(left.filter((r) => r.status === 'sent').length, acceptedBeforeKill);

    // Until the claim expires nobody takes the dead worker's jobs; then two workers drain the queue.
    const a = n.worker({ batchSize: 2 });
    const b = n.worker({ batchSize: 2 });
    assert.equal(await drain([a, b]), 0, 'the claim still holds');
    await sleep(Math.max(0, CLAIM_MS + 200 - (Date.now() - killedAt)));
    await drain([a, b]);

    const byAddress = new Map<string, number>();
    for (const m of n.smtp.received) for (const to of m.envelopeTo) byAddress.set(to, (byAddress.get(to) ?? 0) + 1);
    assert.equal(n.smtp.received.length, N, `received ${n.smtp.received.length} messages for ${N}`);
    for (let i = 0; i < N; i++) assert.equal(byAddress.get(`patient${i}@example.org`), 1, `patient${i}`);
    assert.deepEqual(new Set(n.smtp.received.map((m) => m.parsed.messageId)), new Set(ids.map((id) => `<${id}@clinic.example.sd>`)));
    const done = await rows();
    assert.ok(done.every((r) => r.status === 'sent'), JSON.stringify(done));
    assert.deepEqual(done.map((r) => Number(r.attempts)).sort(), [...Array(N - 1).fill(1), 2], 'only the message in hand took a second attempt');
  });
});
