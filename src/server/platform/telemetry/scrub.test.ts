// What error reports may say: messages keep their words and lose quoted values, e-mail addresses
// and long numbers; DSNs map to the tracker's envelope endpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrubMessage, stackFrames } from './scrub.ts';
import { parseDsn } from './error-reporter.ts';

test('messages lose quoted values, e-mail addresses, long numbers and PostgreSQL key details', () => {
  assert.equal(scrubMessage('invalid input syntax for type date: "Amna Osman"'), 'invalid input syntax for type date: [redacted]');
  assert.equal(scrubMessage("Duplicate entry 'x@y.sd' for key 'users_email'"), 'Duplicate entry [redacted] for key [redacted]');
  assert.equal(scrubMessage('user amna@clinic.sd not found'), 'user [redacted] not found');
  assert.equal(scrubMessage('no patient with national id 19876543210 or phone +249 912 345 678'), 'no patient with national id [redacted] or phone [redacted]');
  assert.equal(scrubMessage('Key (national_id_index)=(ab12) already exists.'), 'Key [redacted] already exists.');
  assert.equal(scrubMessage('no such table: patient_name_keys'), 'no such table: patient_name_keys');
});

test('stack frames are oldest first, relative to the app, and marked in-app', () => {
  const frames = stackFrames('Error: x\n    at inner (/srv/app/src/a.ts:3:7)\n    at outer (file:///srv/app/node_modules/fastify/x.js:9:1)', '/srv/app');
  assert.deepEqual(frames.map((f) => [f.function, f.filename, f.in_app]), [['outer', 'node_modules/fastify/x.js', false], ['inner', 'src/a.ts', true]]);
});

test('a DSN names the envelope endpoint and the public key', () => {
  assert.deepEqual(parseDsn('https://abc123@o1.ingest.example.org/42'), { endpoint: 'https://o1.ingest.example.org/api/42/envelope/', publicKey: 'abc123', raw: 'https://abc123@o1.ingest.example.org/42' });
  assert.equal(parseDsn('http://k@127.0.0.1:9000/sentry/7').endpoint, 'http://127.0.0.1:9000/sentry/api/7/envelope/');
});
