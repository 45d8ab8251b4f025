import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPatientForm, serverRuleCode } from './rules.ts';
import { emptyPatientForm, type PatientFormValues } from './patient-form.ts';

const TODAY = '2026-11-19';
const form = (over: Partial<PatientFormValues> = {}): PatientFormValues => ({
  ...emptyPatientForm(), firstNameAr: 'فاطمة', lastNameAr: 'الأمين', sex: 'female', dateOfBirth: '1990-05-12', ...over,
});
const codes = (v: PatientFormValues, mode: 'typing' | 'complete' = 'complete') =>
  Object.fromEntries(Object.entries(checkPatientForm(v, TODAY, mode)).map(([k, p]) => [k, p!.code]));

test('a complete Arabic-only or Latin-only registration passes', () => {
  assert.deepEqual(codes(form()), {});
  assert.deepEqual(codes(form({ firstNameAr: '', lastNameAr: '', firstName: 'Fatima', lastName: 'Elamin' })), {});
});

test('a first and last name in one script: the missing ones are named where the user started', () => {
  assert.deepEqual(codes(form({ firstNameAr: '', lastNameAr: '' })), { firstNameAr: 'firstNameRequired', lastNameAr: 'lastNameRequired' });
  assert.deepEqual(checkPatientForm(form({ firstNameAr: '', lastNameAr: '' }), TODAY, 'complete', 'en'), {
    firstName: { code: 'firstNameRequired' }, lastName: { code: 'lastNameRequired' },
  }, 'nothing typed: the interface script, whose fields come first');
  assert.deepEqual(codes(form({ firstNameAr: '', fatherNameAr: 'محمد', lastNameAr: '', fatherName: 'Mohamed' })), { firstNameAr: 'firstNameRequired', lastNameAr: 'lastNameRequired' }, 'both started: the interface script');
  assert.deepEqual(codes(form({ firstNameAr: '', lastNameAr: 'الأمين', firstName: 'Fatima' })), { firstNameAr: 'firstNameRequired' }, 'both started, Arabic interface');
  assert.deepEqual(codes(form({ firstNameAr: '', lastNameAr: '', firstName: 'Fatima' })), { lastName: 'lastNameRequired' });
  assert.deepEqual(codes(form({ lastNameAr: '', firstName: 'Fatima', lastName: 'Elamin' })), {}, 'Latin complete is enough');
  assert.deepEqual(codes(form({ lastNameAr: ' ' })), { lastNameAr: 'lastNameRequired' }, 'spaces are not a name');
});

test('a name in the other script is refused while typing, in either direction', () => {
  assert.deepEqual(codes(form({ firstName: 'فاطمة' }), 'typing'), { firstName: 'arabicInLatin' });
  assert.deepEqual(codes(form({ fatherNameAr: 'Mohamed' }), 'typing'), { fatherNameAr: 'latinInArabic' });
  assert.deepEqual(codes(form({ firstName: "Sa'ad", fatherName: 'Abd al-Rahman' }), 'typing'), {}, 'apostrophes and hyphens are fine');
});

test('lengths are the server limits', () => {
  assert.deepEqual(checkPatientForm(form({ grandfatherName: 'a'.repeat(101) }), TODAY, 'typing'), { grandfatherName: { code: 'tooLong', values: { max: 100 } } });
  assert.deepEqual(codes(form({ grandfatherName: 'a'.repeat(100) })), {});
});

test('phones: the forms the server normalises pass; letters fail at once, a short number when complete', () => {
  for (const phone of ['0912345678', '0912 345 678', '+249912345678', '00249912345678', '٠٩١٢٣٤٥٦٧٨', '+44 20 7946 0958']) {
    assert.deepEqual(codes(form({ phone })), {}, phone);
  }
  assert.deepEqual(codes(form({ phone: '09a' }), 'typing'), { phone: 'phoneInvalid' });
  assert.deepEqual(codes(form({ phone: '0912' }), 'typing'), {}, 'still typing');
  assert.deepEqual(codes(form({ phone: '0912' })), { phone: 'phoneInvalid' });
  assert.deepEqual(codes(form({ phone: '0812345678' })), {}, 'landlines and other prefixes are Sudanese numbers too');
  assert.deepEqual(codes(form({ phone: '+249 0912345678' })), { phone: 'phoneInvalid' }, 'the trunk 0 after +249');
});

test('national ID: 11 digits, grouped or in Arabic digits', () => {
  assert.deepEqual(codes(form({ nationalId: '123-4567-8901' })), {});
  assert.deepEqual(codes(form({ nationalId: '١٢٣٤٥٦٧٨٩٠١' })), {});
  assert.deepEqual(codes(form({ nationalId: '1234567890' })), { nationalId: 'nationalIdInvalid' });
  assert.deepEqual(codes(form({ nationalId: '12345' }), 'typing'), {});
  assert.deepEqual(codes(form({ nationalId: '12345x' }), 'typing'), { nationalId: 'nationalIdInvalid' });
  assert.deepEqual(codes(form({ nationalId: '123456789012' }), 'typing'), { nationalId: 'nationalIdInvalid' }, 'too many digits');
});

test('birth: a real date, not in the future, not more than 130 years ago; or a year in range', () => {
  assert.deepEqual(codes(form({ dateOfBirth: '' })), { dateOfBirth: 'dateRequired' });
  assert.deepEqual(codes(form({ dateOfBirth: '2026-02-30' })), { dateOfBirth: 'dateInvalid' });
  assert.deepEqual(codes(form({ dateOfBirth: '2026-11-20' })), { dateOfBirth: 'dateFuture' });
  assert.deepEqual(codes(form({ dateOfBirth: TODAY })), {}, 'born today');
  assert.deepEqual(codes(form({ dateOfBirth: '1895-12-31' })), { dateOfBirth: 'dateTooOld' });
  assert.deepEqual(codes(form({ dateOfBirth: '1896-01-01' })), {});
  assert.deepEqual(codes(form({ birthKnown: 'year', birthYear: '' })), { birthYear: 'yearRequired' });
  assert.deepEqual(codes(form({ birthKnown: 'year', birthYear: '1985' })), {});
  assert.deepEqual(codes(form({ birthKnown: 'year', birthYear: '١٩٨٥' })), {}, 'Arabic-Indic digits');
  assert.deepEqual(checkPatientForm(form({ birthKnown: 'year', birthYear: '2027' }), TODAY, 'complete'), { birthYear: { code: 'yearRange', values: { min: 1896, max: 2026 } } });
  assert.deepEqual(codes(form({ birthKnown: 'year', birthYear: '19a' }), 'typing'), { birthYear: 'yearRange' });
  assert.deepEqual(codes(form({ birthKnown: 'year', birthYear: '', dateOfBirth: 'junk' })), { birthYear: 'yearRequired' }, 'the hidden date is not checked');
});

test('sex must be chosen (unknown is a choice)', () => {
  assert.deepEqual(codes(form({ sex: '' })), { sex: 'sexRequired' });
  assert.deepEqual(codes(form({ sex: 'unknown' })), {});
});

test('an emergency contact, when started, needs a name and a valid phone', () => {
  assert.deepEqual(codes(form({ emergencyContact: { name: '', phone: '', relationship: 'Brother' } })), {
    'emergencyContact.name': 'contactNameRequired', 'emergencyContact.phone': 'contactPhoneRequired',
  });
  assert.deepEqual(codes(form({ emergencyContact: { name: 'Omer', phone: '0912', relationship: '' } })), { 'emergencyContact.phone': 'phoneInvalid' });
  assert.deepEqual(codes(form({ emergencyContact: { name: 'Omer', phone: '0912345678', relationship: '' } })), {});
});

test("the server's refusals in the form's own words", () => {
  assert.equal(serverRuleCode('firstName', 'is in Arabic script: type the Arabic spelling in firstNameAr (firstName is for the Latin spelling)'), 'arabicInLatin');
  assert.equal(serverRuleCode('lastNameAr', 'is in Latin letters: type the Latin spelling in lastName (lastNameAr is for the Arabic spelling)'), 'latinInArabic');
  assert.equal(serverRuleCode('phone', 'is not a valid phone number (e.g. 0912345678, +249912345678 or +<country code><number>)'), 'phoneInvalid');
  assert.equal(serverRuleCode('nationalId', 'must be the 11-digit national number'), 'nationalIdInvalid');
  assert.equal(serverRuleCode('dateOfBirth', 'is in the future'), 'dateFuture');
  assert.equal(serverRuleCode('firstNameAr', 'is required (or give firstName and lastName)'), 'firstNameRequired');
  assert.equal(serverRuleCode('address.locality', 'must NOT have more than 100 characters'), null, 'unknown messages stay the server\'s');
});
