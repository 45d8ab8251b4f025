// The critical-result job: handled (so the worker does not fail it for want of a handler) and
// logged at warn level with ids and flags only — no names, no values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { criticalResultHandler } from './jobs.ts';
import { jobHandlers } from '../jobs.ts';
import { CRITICAL_RESULT_TOPIC } from './lab.ts';

test('a critical result job is logged for operators with ids and flags only', async () => {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } }));
  await criticalResultHandler(log)({ orderId: 'o1', patientId: 'p1', notify: 'u1', results: [{ code: '718-7', name: 'Hemoglobin', value: '6.1', flag: 'critical_low' }] }, { id: 'j1', topic: CRITICAL_RESULT_TOPIC, attempt: 1 });
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.level, 40);
  assert.deepEqual([lines[0]!.clinicianId, lines[0]!.tests], ['u1', ['718-7:critical_low']]);
  assert.ok(!JSON.stringify(lines[0]).includes('6.1'), 'the value stays out of the log');
});

test('the worker has a handler for the topic', () => {
  const handlers = jobHandlers({ log: pino({ level: 'silent' }) } as Parameters<typeof jobHandlers>[0]);
  assert.ok(handlers.has(CRITICAL_RESULT_TOPIC));
});
