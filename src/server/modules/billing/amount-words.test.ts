// Amounts in words: the Arabic counted-noun grammar case by case, English, figures, and (fast-check)
// that every amount up to the bound is spelled with no gaps or doubled separators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { arabicAmountWords, englishAmountWords, formatAmount } from './amount-words.ts';

test('1,250.50 SDG in both languages', () => {
  assert.equal(arabicAmountWords(125050, 'SDG'), 'ألف ومائتان وخمسون جنيهًا وخمسون قرشًا');
  assert.equal(englishAmountWords(125050, 'SDG'), 'one thousand two hundred fifty Sudanese pounds and fifty piastres');
  assert.equal(formatAmount(125050), '1,250.50');
});

test('Arabic: the counted noun follows the number it comes after', () => {
  const cases: [number, string][] = [
    [0, 'صفر جنيه'],
    [100, 'جنيه واحد'],
    [200, 'جنيهان'],
    [300, 'ثلاثة جنيهات'],
    [1000, 'عشرة جنيهات'],
    [1100, 'أحد عشر جنيهًا'],
    [1200, 'اثنا عشر جنيهًا'],
    [1900, 'تسعة عشر جنيهًا'],
    [2100, 'واحد وعشرون جنيهًا'],
    [9900, 'تسعة وتسعون جنيهًا'],
    [10000, 'مائة جنيه'],
    [10100, 'مائة جنيه وجنيه واحد'],
    [10300, 'مائة وثلاثة جنيهات'],
    [20000, 'مائتا جنيه'],
    [100000, 'ألف جنيه'],
    [200000, 'ألفا جنيه'],
    [250000, 'ألفان وخمسمائة جنيه'],
    [300000, 'ثلاثة آلاف جنيه'],
    [1100000, 'أحد عشر ألف جنيه'],
    [1250000, 'اثنا عشر ألفًا وخمسمائة جنيه'],
    [20000000, 'مائتا ألف جنيه'],
    [100000000, 'مليون جنيه'],
    [200000000, 'مليونا جنيه'],
    [1, 'قرش واحد'],
    [2, 'قرشان'],
    [5, 'خمسة قروش'],
    [25, 'خمسة وعشرون قرشًا'],
    [105, 'جنيه واحد وخمسة قروش'],
  ];
  for (const [minor, words] of cases) assert.equal(arabicAmountWords(minor, 'SDG'), words, `${minor}`);
  assert.equal(arabicAmountWords(150, 'USD'), 'دولار واحد وخمسون سنتًا');
  assert.equal(arabicAmountWords(-30000, 'SDG'), 'ثلاثمائة جنيه', 'the sign is the caller\'s');
});

test('English: singular and plural, zero, scales and hyphens', () => {
  assert.equal(englishAmountWords(0, 'SDG'), 'zero Sudanese pounds');
  assert.equal(englishAmountWords(100, 'SDG'), 'one Sudanese pound');
  assert.equal(englishAmountWords(1, 'SDG'), 'one piastre');
  assert.equal(englishAmountWords(200000105, 'SDG'), 'two million one Sudanese pounds and five piastres');
  assert.equal(englishAmountWords(9999, 'USD'), 'ninety-nine US dollars and ninety-nine cents');
  assert.equal(englishAmountWords(100000000000, 'SDG'), 'one billion Sudanese pounds');
});

test('figures keep the sign and two decimals; fractions and huge amounts are refused', () => {
  assert.equal(formatAmount(-30000), '-300.00');
  assert.equal(formatAmount(5), '0.05');
  assert.equal(formatAmount(123456789012), '1,234,567,890.12');
  assert.throws(() => arabicAmountWords(1.5, 'SDG'), RangeError);
  assert.throws(() => englishAmountWords(Number.MAX_SAFE_INTEGER + 2, 'SDG'), RangeError);
});

test('every amount is spelled with words only: no gaps, no doubled "and"', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (minor) => {
    const ar = arabicAmountWords(minor, 'SDG');
    const en = englishAmountWords(minor, 'USD');
    for (const s of [ar, en]) {
      assert.doesNotMatch(s, /undefined|\s\s|^\s|\s$|\d/);
    }
    assert.doesNotMatch(ar, / و( |$)|وو(?!ا)/);
    assert.doesNotMatch(en, /and and| and$/);
  }), { numRuns: 2000 });
});
