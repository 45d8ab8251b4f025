import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayProblems, slotProblem } from './hours-form.ts';

test('a day\'s ranges are checked as the server checks them', () => {
  assert.deepEqual(dayProblems([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '24:00' }]), {});
  assert.deepEqual(dayProblems([{ start: '12:00', end: '08:00' }]), { 0: 'endBeforeStart' });
  assert.deepEqual(dayProblems([{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }]), { 1: 'overlap' });
  assert.deepEqual(dayProblems([{ start: '8:00', end: '12:00' }]), { 0: 'timeInvalid' });
  assert.equal(slotProblem(30), null);
  assert.equal(slotProblem(4), 'slotRange');
  assert.equal(slotProblem('481'), 'slotRange');
});
