import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containsPersonal, grantableRoles, staffProblems, temporaryPassword } from './rules.ts';
import { checkPassword } from '../../../server/modules/auth/crypto/password-policy.ts';

test('staff fields follow the server schema; while typing only what typing cannot fix', () => {
  const ok = { name: 'Sara Osman', email: 'sara.osman@clinic.sd', phone: '+249 912 345 678', role: 'nurse' };
  assert.deepEqual(staffProblems(ok, 'complete'), {});
  assert.deepEqual(staffProblems({ name: ' ', email: '', phone: '', role: '' }, 'complete'), { name: 'nameRequired', email: 'emailRequired', role: 'roleRequired' });
  assert.deepEqual(staffProblems({ name: ' ', email: '', phone: '', role: '' }, 'typing'), {});
  assert.deepEqual(staffProblems({ ...ok, email: 'sara@', phone: '0912-345' }, 'typing'), {});
  assert.deepEqual(staffProblems({ ...ok, email: 'sara@', phone: '12345' }, 'complete'), { email: 'emailInvalid', phone: 'phoneInvalid' });
  assert.deepEqual(staffProblems({ ...ok, email: 'sara osman@x', phone: '+249 91x', name: 'x'.repeat(201) }, 'typing'), { email: 'emailInvalid', phone: 'phoneInvalid', name: 'tooLong' });
  assert.deepEqual(staffProblems({ ...ok, phone: '0912345678' }, 'complete'), {});
});

test('only a super admin may grant super_admin', () => {
  assert.ok(grantableRoles('super_admin').includes('super_admin'));
  assert.ok(!grantableRoles('facility_admin').includes('super_admin'));
  assert.ok(grantableRoles('facility_admin').includes('facility_admin'));
});

test('a temporary password passes the server policy and never contains the person', () => {
  const person = { name: 'Sara Osman', email: 'sara.osman@clinic.sd' };
  for (let i = 0; i < 50; i++) {
    const password = temporaryPassword(person);
    assert.match(password, /^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    assert.deepEqual(checkPassword(password, person), []);
  }
  // A generator that first yields the person's name tries again.
  let calls = 0;
  const rigged = (n: number) => {
    calls++;
    const text = calls === 1 ? 'HawaHawaHawaHawa' : 'ABCDEFGHJKLMNPQR';
    return new Uint8Array(Array.from({ length: n }, (_, i) => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'.indexOf(text[i % 16]!)));
  };
  assert.equal(temporaryPassword({ name: 'Hawa Adam', email: 'h.adam@clinic.sd' }, rigged), 'ABCD-EFGH-JKLM-NPQR');
  assert.equal(calls, 2);
  assert.equal(containsPersonal('xxOSMANxx', person), true);
});
