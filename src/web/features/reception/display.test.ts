import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPhone, stateName, stateOptions } from './display.ts';

test('Sudanese numbers read in groups after +249, however they were typed', () => {
  assert.equal(formatPhone('+249912345678'), '+249 912 345 678');
  assert.equal(formatPhone('0912 345 678'), '+249 912 345 678');
  assert.equal(formatPhone('+447946095812'), '+447946095812');
  assert.equal(formatPhone(' 12 '), '12', 'not a number: as typed');
});

test("states by the API's code, in either language; all 18 to choose from", () => {
  assert.equal(stateName('river_nile', 'en'), 'River Nile');
  assert.equal(stateName('river_nile', 'ar'), 'نهر النيل');
  assert.equal(stateName(null, 'ar'), '');
  assert.equal(stateOptions('ar').length, 18);
});

test('a comparison marks the rows two sides share, spelling and formatting aside', async () => {
  const { sameRows, sideOfForm } = await import('./compare.ts');
  const { emptyPatientForm } = await import('./patient-form.ts');
  const a = sideOfForm({ ...emptyPatientForm(), firstNameAr: 'فاطمة', lastNameAr: 'الأمين', sex: 'female', dateOfBirth: '1990-05-12', phone: '0912 345 678' });
  const b = sideOfForm({ ...emptyPatientForm(), firstNameAr: 'فاطمه', lastNameAr: 'الامين', sex: 'female', dateOfBirth: '1990-05-12', phone: '+249912345678', nationalId: '12345678901' });
  assert.deepEqual([...sameRows([a, b])].sort(), ['birth', 'nameAr', 'phone', 'sex']);
  const estimated = sideOfForm({ ...emptyPatientForm(), birthKnown: 'year', birthYear: '1990' });
  assert.ok(!sameRows([a, estimated]).has('birth'), 'an exact date is not the same as an estimated year');
});
