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

test('the largest invoice (100 lines of the largest amounts) runs onto more pages with its sums whole', async () => {
  const { renderReceipt } = await import('./receipt-pdf.ts');
  const { pdfText } = await import('../../../../test/support/pdf-text.ts');
  const line = { description: 'Laboratory test with a description far too long for its column', quantity: 10_000, unitPrice: 1_000_000_000, lineTotal: 10_000_000_000_000 };
  const pdf = await renderReceipt({
    facility: { name: 'Clinic', timeZone: 'Africa/Khartoum' },
    invoice: { number: 'CL-2026-000001', currency: 'USD', total: 1_000_000_000_000_000, discount: 0, subtotal: 1_000_000_000_000_000, credited: 0, payerShare: 0 },
    lines: Array.from({ length: 100 }, () => line),
    patient: { id: 'p', mrn: 'CL-000001', nameLatin: null, nameArabic: 'آمنة يوسف' },
    payment: { id: 'x', amount: 999_999_999_999_999, method: 'card', reference: null, status: 'completed', refund: false, reason: null, receivedAt: '2026-11-27T14:20:00.000Z' },
    clerk: 'Omer', balance: 1,
  }, 'en');
  assert.ok((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length >= 3);
  const text = pdfText(pdf);
  assert.ok(text.includes('10,000,000,000,000.00 USD'), 'the invoice total, not cut');
  assert.ok(text.includes('9,999,999,999,999.99 USD'));
  assert.ok(text.some((t) => /^Laboratory test with a \S.*…$/.test(t)), `a description cut with an ellipsis: ${JSON.stringify(text.slice(6, 10))}`);
  assert.ok(text.includes('آمنة يوسف'));
});
