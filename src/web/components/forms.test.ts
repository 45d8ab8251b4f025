import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api/problem.ts';
import { applyServerErrors } from './forms.ts';

function fakeForm(values: object) {
  const errors: Record<string, string> = {};
  return { errors, form: { getValues: () => values, setFieldError: (path: string, error: string) => void (errors[path] = error) } };
}

test('field errors land on the fields the form has; nothing is left over', () => {
  const { form, errors } = fakeForm({ currentPassword: '', newPassword: '' });
  const error = new ApiError(400, { code: 'validation_failed', errors: [
    { field: 'body.newPassword', message: 'must be at least 12 characters' },
    { field: 'body.newPassword', message: 'is a common password' },
  ] });
  assert.equal(applyServerErrors(form, error), null);
  assert.deepEqual(errors, { newPassword: 'Must be at least 12 characters' });
});

test('nested paths work; errors on fields the form lacks are returned to show above it', () => {
  const { form, errors } = fakeForm({ names: [{ first: '' }] });
  const error = new ApiError(400, { code: 'validation_failed', errors: [
    { field: 'body.names.0.first', message: 'is required' },
    { field: 'body.nationalId', message: 'is taken' },
  ] });
  assert.equal(applyServerErrors(form, error), error);
  assert.deepEqual(errors, { 'names.0.first': 'Is required' });
});

test('a refusal with no field errors is returned whole', () => {
  const { form } = fakeForm({ email: '' });
  const error = new ApiError(401, { code: 'invalid_credentials' });
  assert.equal(applyServerErrors(form, error), error);
  const crash = new Error('boom');
  assert.equal(applyServerErrors(form, crash), crash);
});

test('the form\'s own words replace the server\'s for the fields it knows', () => {
  const { form, errors } = fakeForm({ password: '' });
  const error = new ApiError(400, { code: 'validation_failed', errors: [{ field: 'body.password', message: 'is not your current password' }] });
  assert.equal(applyServerErrors(form, error, { password: 'كلمة المرور غير صحيحة' }), null);
  assert.deepEqual(errors, { password: 'كلمة المرور غير صحيحة' });
});
