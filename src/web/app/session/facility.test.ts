import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chosenFacility } from './facility.ts';

const me = (...ids: string[]) => ({ id: 'u1', memberships: ids.map((facilityId) => ({ facilityId })) });

test('one facility needs no choice; several use the last pick of this user, if still a member', () => {
  assert.equal(chosenFacility(me('f1'), null), 'f1');
  assert.equal(chosenFacility(me('f1', 'f2'), null), null);
  assert.equal(chosenFacility(me('f1', 'f2'), 'u1:f2'), 'f2');
  assert.equal(chosenFacility(me('f1', 'f2'), 'u2:f2'), null, 'another user\'s choice on a shared computer');
  assert.equal(chosenFacility(me('f1', 'f2'), 'u1:f9'), null, 'no longer a member');
  assert.equal(chosenFacility(me(), 'u1:f1'), null);
});
