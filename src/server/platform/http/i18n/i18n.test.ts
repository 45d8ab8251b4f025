// The message catalogue: Accept-Language negotiation, schema errors turned into one human message
// per field, and Arabic entries that still match a message the code throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Ajv } from 'ajv';
import { Type } from 'typebox';
import { languageOf } from './language.ts';
import { fieldProblems, type SchemaError } from './field-messages.ts';
import { ARABIC, arabicOf } from './arabic-messages.ts';

test('Accept-Language picks Arabic only when it is preferred', () => {
  assert.equal(languageOf(undefined), 'en');
  assert.equal(languageOf('ar'), 'ar');
  assert.equal(languageOf('ar-SD,ar;q=0.9,en;q=0.8'), 'ar');
  assert.equal(languageOf('en-GB,ar;q=0.5'), 'en');
  assert.equal(languageOf('fr,ar;q=0.4'), 'ar', 'the first language we speak');
  assert.equal(languageOf('ar;q=0,en'), 'en');
  assert.equal(languageOf('de'), 'en');
});

const problemsOf = (schema: object, data: unknown, lang: 'en' | 'ar' = 'en') => {
  const ajv = new Ajv({ allErrors: true, verbose: true, coerceTypes: 'array' });
  const validate = ajv.compile(schema);
  assert.equal(validate(data), false);
  return Object.fromEntries(fieldProblems(validate.errors as unknown as SchemaError[], 'body', lang).map((p) => [p.field, p.message]));
};

test('a union of a value list and null says "one of …, null" once; a union of types names them', () => {
  const schema = Type.Object({
    state: Type.Union([Type.Enum(['khartoum', 'kassala']), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    kind: Type.Union([Type.Literal('off'), Type.Literal('hours')]),
  });
  assert.deepEqual(problemsOf(schema, { state: 'mars', phone: { a: 1 }, kind: 'x' }), {
    'body.state': 'must be one of: khartoum, kassala, null',
    'body.phone': 'must be text or null',
    'body.kind': 'must be one of: off, hours',
  });
});

test('a union whose object branch fails deeper blames the deeper field only', () => {
  const schema = Type.Object({ contact: Type.Union([Type.Object({ name: Type.String() }), Type.Null()]) });
  assert.deepEqual(problemsOf(schema, { contact: {} }), { 'body.contact.name': 'is required' });
});

test('messages come in Arabic', () => {
  const schema = Type.Object({ n: Type.Integer({ minimum: 5 }), s: Type.String({ minLength: 1 }) }, { additionalProperties: false });
  assert.deepEqual(problemsOf(schema, { n: 1, s: '', x: 1 }, 'ar'), {
    'body.n': 'يجب ألا يقل عن 5', 'body.s': 'يجب ألا يكون فارغًا', 'body.x': 'ليس حقلًا مسموحًا به',
  });
});

test('an English message with a varying part is translated with the part carried over', () => {
  assert.equal(arabicOf('Your role (nurse) does not allow patients:merge.'), 'دورك (nurse) لا يسمح بـ patients:merge.');
  assert.equal(arabicOf('Appointment not found'), 'لم يُعثر على الموعد.');
  assert.equal(arabicOf('Widget not found'), undefined, 'an unknown noun falls back to the code');
});

test('every Arabic entry still matches a message in the source', () => {
  const files = fs.globSync('src/server/**/*.ts').filter((f) => !f.endsWith('.test.ts') && !f.includes('/i18n/'));
  const source = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const stale = ARABIC.map(([english]) => english)
    .filter((english) => !english.split(/\{\w+\}/).filter((part) => part.length > 3).every((part) => source.includes(part)));
  assert.deepEqual(stale, [], 'update arabic-messages.ts: these English messages are no longer thrown');
});
