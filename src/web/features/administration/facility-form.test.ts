import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FACILITY_TYPES as SERVER_TYPES } from '../../../server/modules/facilities/facilities.schemas.ts';
import { FACILITY_TYPES, facilityProblems } from './facility-form.ts';

const ok = { name: 'Omdurman Teaching Hospital', code: 'OTH', type: 'hospital', state: 'khartoum', locality: '', timeZone: 'Africa/Khartoum', lockAfterMinutes: 10 };

test('the facility types are the server\'s', () => {
  assert.deepEqual([...FACILITY_TYPES], [...SERVER_TYPES]);
});

test('the facility form follows the server schema', () => {
  assert.deepEqual(facilityProblems(ok), {});
  assert.deepEqual(facilityProblems({ ...ok, name: ' ', code: 'oth', timeZone: 'Mars/Olympus', lockAfterMinutes: 0 }),
    { name: 'nameRequired', code: 'codeInvalid', timeZone: 'timeZoneInvalid', lockAfterMinutes: 'lockRange' });
  assert.deepEqual(facilityProblems({ ...ok, code: 'A', lockAfterMinutes: '121', type: '', state: '' }),
    { code: 'codeInvalid', lockAfterMinutes: 'lockRange', type: 'typeRequired', state: 'stateRequired' });
});
