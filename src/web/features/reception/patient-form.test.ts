import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyPatientForm, formValuesOf, rebase, toCreateBody, toPatchBody, type PatientFormValues } from './patient-form.ts';
import type { Patient } from '../../api/types.ts';

const record: Patient = {
  id: '0190a000-0000-7000-8000-000000000001', mrn: 'OTH-000001', status: 'active', mergedIntoId: null,
  firstName: 'Fatima', fatherName: 'Mohamed', grandfatherName: null, lastName: 'Elamin',
  firstNameAr: 'فاطمة', fatherNameAr: 'محمد', grandfatherNameAr: null, lastNameAr: 'الأمين',
  sex: 'female', dateOfBirth: '1990-05-12', birthYear: 1990, birthDateEstimated: false,
  phone: '+249912345678', email: null, nationalId: '12345678901',
  address: { state: 'khartoum', locality: 'Omdurman', line: null }, emergencyContact: null,
  preferredLanguage: 'ar', version: 3, createdAt: '2026-01-01T08:00:00.000Z', updatedAt: '2026-01-02T08:00:00.000Z',
};

test('a registration sends what was filled in, tidied, and leaves blanks out', () => {
  const v: PatientFormValues = {
    ...emptyPatientForm(), preferredLanguage: 'en', firstNameAr: ' فاطمة ', lastNameAr: 'الأمين', firstName: 'Fatima', lastName: 'Elamin  ',
    sex: 'female', dateOfBirth: '1990-05-12', phone: '0912 345 678', address: { state: 'gezira', locality: '', line: '' },
  };
  assert.deepEqual(toCreateBody(v), {
    firstNameAr: 'فاطمة', lastNameAr: 'الأمين', firstName: 'Fatima', lastName: 'Elamin', sex: 'female',
    dateOfBirth: '1990-05-12', phone: '0912 345 678', address: { state: 'gezira' }, preferredLanguage: 'en',
  });
  assert.deepEqual(toCreateBody({ ...v, birthKnown: 'year', birthYear: '١٩٨٥', address: { state: '', locality: '', line: '' } }, true), {
    firstNameAr: 'فاطمة', lastNameAr: 'الأمين', firstName: 'Fatima', lastName: 'Elamin', sex: 'female',
    birthYear: 1985, birthDateEstimated: true, phone: '0912 345 678', preferredLanguage: 'en', confirmNew: true,
  });
});

test('an edit sends only what changed; a cleared field is null; groups go whole', () => {
  const base = formValuesOf(record);
  assert.deepEqual(toPatchBody(base, base), {}, 'nothing changed, nothing sent');
  assert.deepEqual(toPatchBody(base, { ...base, phone: '0911111111', grandfatherNameAr: 'أحمد', fatherName: ' ' }), {
    fatherName: null, grandfatherNameAr: 'أحمد', phone: '0911111111',
  });
  assert.deepEqual(toPatchBody(base, { ...base, address: { ...base.address, locality: 'Bahri' } }), { address: { state: 'khartoum', locality: 'Bahri' } });
  assert.deepEqual(toPatchBody(base, { ...base, address: { state: '', locality: '', line: '' } }), { address: null });
  assert.deepEqual(toPatchBody(base, { ...base, birthKnown: 'year', birthYear: '1989' }), { dateOfBirth: null, birthYear: 1989, birthDateEstimated: true });
  assert.deepEqual(toPatchBody(base, { ...base, birthYear: '1989' }), {}, 'the hidden year field is not the birth');
  assert.deepEqual(toPatchBody(base, { ...base, emergencyContact: { name: 'Omer', phone: '0912345678', relationship: '' } }), { emergencyContact: { name: 'Omer', phone: '0912345678' } });
});

test('a record shows in the form as it is stored', () => {
  const v = formValuesOf({ ...record, dateOfBirth: null, birthYear: 1980, birthDateEstimated: true, address: null });
  assert.equal(v.birthKnown, 'year');
  assert.equal(v.birthYear, '1980');
  assert.equal(v.grandfatherName, '');
  assert.deepEqual(v.address, { state: '', locality: '', line: '' });
});

test("after a conflict the user's edits go onto the newer record; a field both changed is reported", () => {
  const oldBase = formValuesOf(record);
  const newBase = formValuesOf({ ...record, version: 4, phone: '+249900000000', address: { state: 'khartoum', locality: 'Bahri', line: null }, lastName: 'El-Amin' });
  const typed = { ...oldBase, phone: '0911111111', firstNameAr: 'فاطمه', lastName: 'El-Amin' };
  const { values, clashes } = rebase(oldBase, newBase, typed);
  assert.equal(values.phone, '0911111111', 'mine, though they changed it too');
  assert.equal(values.firstNameAr, 'فاطمه', 'mine, only I changed it');
  assert.equal(values.address.locality, 'Bahri', 'theirs, I did not touch it');
  assert.equal(values.lastName, 'El-Amin', 'we both made the same change');
  assert.deepEqual(clashes, { phone: '+249900000000' });
  assert.deepEqual(toPatchBody(newBase, values), { firstNameAr: 'فاطمه', phone: '0911111111' }, 'the retry changes only what I changed');
});
