import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/problem.ts';
import { problemMessage } from './problem-message.ts';

const t = ((key: string) => `«${key}»`) as unknown as TFunction;

test('the kind of problem in our words; the server\'s reason for a 403 or 409 when asked for', () => {
  const forbidden = new ApiError(403, { code: 'forbidden', detail: 'This user also works in other facilities.' });
  assert.equal(problemMessage(t, forbidden), '«errors:forbidden»');
  assert.equal(problemMessage(t, forbidden, { preferDetail: true }), 'This user also works in other facilities.');
  const invalid = new ApiError(400, { code: 'validation_failed', detail: 'body.days.friday.0: overlaps 08:00–16:00' });
  assert.equal(problemMessage(t, invalid, { preferDetail: true }), '«errors:validation_failed»', 'field details stay on their fields');
  assert.equal(problemMessage(t, new ApiError(409, { code: 'conflict' }), { preferDetail: true }), '«errors:conflict»');
});
