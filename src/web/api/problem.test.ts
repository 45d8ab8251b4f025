import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './problem.ts';

test('field errors are keyed by the form path, per source, first message wins', () => {
  const error = new ApiError(400, {
    code: 'validation_failed', detail: 'bad',
    errors: [
      { field: 'body.firstName', message: 'is required' },
      { field: 'body.names.0.first', message: 'is too long' },
      { field: 'body.firstName', message: 'second message' },
      { field: 'querystring.limit', message: 'must be ≤ 100' },
      { field: 42, message: 'ignored' },
    ],
  });
  assert.equal(error.code, 'validation_failed');
  assert.equal(error.message, 'bad');
  assert.deepEqual(error.fieldErrors(), { firstName: 'is required', 'names.0.first': 'is too long' });
  assert.deepEqual(error.fieldErrors('querystring'), { limit: 'must be ≤ 100' });
});

test('a body that is not a problem still gives a status, a code and a message', () => {
  const html = new ApiError(502, '<html>Bad gateway</html>');
  assert.equal(html.code, 'http_502');
  assert.equal(html.problem.detail, '<html>Bad gateway</html>');
  assert.deepEqual(html.fieldErrors(), {});
  assert.equal(new ApiError(0, undefined).code, 'network_error');
  assert.equal(new ApiError(404, { title: 'Not Found' }).message, 'Not Found');
});

test('a conflict naming its field puts its detail on that field', () => {
  const error = new ApiError(409, { code: 'conflict', detail: 'A facility with code OTH already exists.', field: 'body.code' });
  assert.deepEqual(error.fieldErrors(), { code: 'A facility with code OTH already exists.' });
  assert.deepEqual(error.fieldErrors('querystring'), {});
  assert.deepEqual(new ApiError(409, { code: 'conflict', detail: 'Changed meanwhile.' }).fieldErrors(), {});
});
