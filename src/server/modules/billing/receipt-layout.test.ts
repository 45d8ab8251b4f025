// The receipt's line layout, pure: bidi runs in visual order with one direction and one font each,
// brackets mirrored in right-to-left runs, and the amount's words kept whole in logical order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawnRtl, visualRuns } from './pdf-text.ts';

const fonts = { latin: 'L', arabic: 'A' };
const runs = (text: string, base: 'ltr' | 'rtl') => visualRuns(text, base, fonts).map((r) => [r.text, r.font, r.rtl ? 'rtl' : 'ltr']);

test('an Arabic line with a number: the number reads left to right where the bidi algorithm puts it', () => {
  assert.deepEqual(runs('المبلغ: 1,250.50 ج.س', 'rtl'), [
    [' ج.س', 'A', 'rtl'], ['1,250.50', 'L', 'ltr'], ['المبلغ: ', 'A', 'rtl'],
  ]);
});

test('an English line with an Arabic name: the name is one right-to-left run in the Arabic face', () => {
  assert.deepEqual(runs('Mohamed Osman (محمد عثمان)', 'ltr'), [
    ['Mohamed Osman (', 'L', 'ltr'], ['محمد عثمان', 'A', 'rtl'], [')', 'L', 'ltr'],
  ]);
});

test('an Arabic line with a Latin name: Latin words stay together and in order', () => {
  assert.deepEqual(runs('محمد عثمان (Mohamed Osman)', 'rtl'), [
    [')', 'A', 'rtl'], ['Mohamed Osman', 'L', 'ltr'], ['محمد عثمان (', 'A', 'rtl'],
  ]);
});

test('the amount in words is one run, in logical order, for fontkit to shape and reverse', () => {
  const words = 'فقط ألف ومائتان وخمسون جنيهًا وخمسون قرشًا لا غير';
  assert.deepEqual(runs(words, 'rtl'), [[words, 'A', 'rtl']]);
});

test('right-to-left runs have their brackets mirrored; a run of neutrals alone is reversed too', () => {
  assert.equal(drawnRtl('محمد (أحمد)'), 'محمد )أحمد(');
  assert.equal(drawnRtl(' ('), ') ');
});
