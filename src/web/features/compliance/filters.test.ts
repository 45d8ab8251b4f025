import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterProblems, readFilters, toQuery } from './filters.ts';

const zone = 'Africa/Khartoum'; // UTC+2
const empty = readFilters(new URLSearchParams());

test('filters are checked with the server\'s rules', () => {
  assert.deepEqual(filterProblems(empty, zone), {});
  assert.deepEqual(filterProblems({ ...empty, patientId: 'MRN-1', actorId: 'x', action: 'auth login' }, zone),
    { patientId: 'uuidInvalid', actorId: 'uuidInvalid', action: 'actionInvalid' });
  assert.deepEqual(filterProblems({ ...empty, from: '2026-11-27T10:00', to: '2026-11-27T09:00' }, zone), { to: 'toBeforeFrom' });
  assert.deepEqual(filterProblems({ ...empty, from: '2026-02-30T10:00' }, zone), { from: 'timeInvalid' });
});

test('times typed in the facility become UTC instants; empty filters are left out', () => {
  const f = readFilters(new URLSearchParams('patientId=0192F0A0-0000-7000-8000-000000000001&from=2026-11-27T08:00&outcome=denied&action=patient.'));
  assert.deepEqual(toQuery(f, zone), { patientId: '0192f0a0-0000-7000-8000-000000000001', action: 'patient.', outcome: 'denied', from: '2026-11-27T06:00:00.000Z' });
  assert.deepEqual(toQuery(empty, zone), {});
});
