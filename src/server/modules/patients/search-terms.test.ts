import { test } from 'node:test';
import assert from 'node:assert/strict';
import { birthFilter, queryTerms } from './search-terms.ts';

test('a year or date among name words is a birth filter; the word before it counts as complete', () => {
  assert.deepEqual(queryTerms('Mohamed 1985'), { names: 'Mohamed  ', years: [1985], dates: [] });
  assert.deepEqual(queryTerms('1985 Moh'), { names: '  Moh', years: [1985], dates: [] });
  assert.deepEqual(queryTerms('محمد 1985-06-01'), { names: 'محمد  ', years: [], dates: ['1985-06-01'] });
  assert.deepEqual(queryTerms('Ali 1985-02-30').dates, [], 'not a real date: left as a word');
});

test('digits alone, or inside a word, are not a birth filter', () => {
  assert.deepEqual(queryTerms('1985'), { names: '1985', years: [], dates: [] });
  assert.deepEqual(queryTerms('0912345678'), { names: '0912345678', years: [], dates: [] });
  assert.deepEqual(queryTerms('KTH-001985').years, []);
  assert.deepEqual(queryTerms('Ali 19850').years, []);
});

test('birth filters combine: the same year agrees, different ones contradict', () => {
  assert.equal(birthFilter([], []), undefined);
  assert.deepEqual(birthFilter([1985], []), { year: 1985 });
  assert.deepEqual(birthFilter([1985, 1985], ['1985-06-01']), { year: 1985, date: '1985-06-01' });
  assert.equal(birthFilter([1985, 1990], []), null);
  assert.equal(birthFilter([1990], ['1985-06-01']), null);
  assert.equal(birthFilter([], ['1985-06-01', '1985-06-02']), null);
});
