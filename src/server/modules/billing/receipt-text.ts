// The receipt's words in English and Arabic, and how its figures, names and time are written.
import type { Language } from '../../platform/http/i18n/language.ts';
import type { PaymentMethod } from './billing.table.ts';
import type { Currency } from './money.ts';
import { arabicAmountWords, englishAmountWords } from './amount-words.ts';

export const RECEIPT_TEXT = {
  en: {
    receipt: 'Payment receipt', refundReceipt: 'Refund receipt', invoice: 'Invoice', date: 'Date', patient: 'Patient', mrn: 'MRN',
    description: 'Description', quantity: 'Qty', unitPrice: 'Unit price', amount: 'Amount',
    subtotal: 'Subtotal', discount: 'Discount', credited: 'Credit notes', payerShare: 'Covered by the insurer', patientShare: 'Patient\'s share',
    total: 'Invoice total', paid: 'Amount paid', refunded: 'Amount refunded',
    inWords: 'In words', method: 'Method', reference: 'Reference', status: 'Status', pending: 'Pending confirmation of the transfer',
    balance: 'Balance remaining', clerk: 'Received by', refundedBy: 'Refunded by', reason: 'Reason', payment: 'Payment',
    methods: { cash: 'Cash', mobile_money: 'Mobile money', bank_transfer: 'Bank transfer (bank app)', card: 'Card' } as Record<PaymentMethod, string>,
  },
  ar: {
    receipt: 'إيصال دفع', refundReceipt: 'إيصال استرداد', invoice: 'رقم الفاتورة', date: 'التاريخ', patient: 'المريض', mrn: 'الرقم الطبي',
    description: 'البيان', quantity: 'الكمية', unitPrice: 'سعر الوحدة', amount: 'المبلغ',
    subtotal: 'المجموع', discount: 'الخصم', credited: 'إشعارات دائنة', payerShare: 'حصة جهة التأمين', patientShare: 'حصة المريض',
    total: 'إجمالي الفاتورة', paid: 'المبلغ المدفوع', refunded: 'المبلغ المسترد',
    inWords: 'كتابةً', method: 'طريقة الدفع', reference: 'المرجع', status: 'الحالة', pending: 'في انتظار تأكيد التحويل',
    balance: 'الرصيد المتبقي', clerk: 'استلمه', refundedBy: 'ردّه', reason: 'السبب', payment: 'رقم الدفعة',
    methods: { cash: 'نقدًا', mobile_money: 'تحويل عبر الهاتف المحمول', bank_transfer: 'تحويل بنكي (تطبيق البنك)', card: 'بطاقة' } as Record<PaymentMethod, string>,
  },
} as const;

/** The amount in words as a receipt writes it: "فقط … لا غير" / "… only". */
export function amountInWords(minor: number, currency: Currency, lang: Language): string {
  if (lang === 'ar') return `فقط ${arabicAmountWords(minor, currency)} لا غير`;
  const words = englishAmountWords(minor, currency);
  return `${words[0]!.toUpperCase()}${words.slice(1)} only`;
}

/** The name in the receipt's script with the other beside it, whichever exist. */
export function patientLine(lang: Language, latin: string | null, arabic: string | null): string {
  const [first, second] = lang === 'ar' ? [arabic, latin] : [latin, arabic];
  if (first && second) return `${first} (${second})`;
  return first ?? second ?? '';
}

// Intl marks Arabic dates with bidi controls (ALM, RLM) that the fonts have no glyphs for; the
// layout resolves direction itself.
const BIDI_MARKS = /[\u061C\u200E\u200F]/g;

/** The payment's time in the facility's zone, with the zone named. */
export function receiptTime(iso: string, timeZone: string, lang: Language): string {
  const locale = lang === 'ar' ? 'ar-SD-u-nu-latn' : 'en-GB';
  const text = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
  return `${text.replace(BIDI_MARKS, '')} (${timeZone})`;
}
