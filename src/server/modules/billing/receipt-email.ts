// The receipt email's words (English and Arabic, registered with notifications at import time) and
// its PDF attachment, made at send time from the payment as it is then (renderReceiptPdf), so the
// email carries the same receipt the counter prints.
import type { NotificationAttachmentProvider } from '../../platform/modules.ts';
import { registerTemplate, str, type TemplateData } from '../notifications/index.ts';
import { receiptFor } from './receipt.ts';

export const RECEIPT_EVENT = 'billing.receipt';
/** The attachment kind billing provides; its ref is `<facilityId>:<paymentId>`. */
export const RECEIPT_ATTACHMENT = 'receipt';

// The Arabic email names the currency as the printed Arabic receipt does.
const CURRENCY_AR: Record<string, string> = { SDG: 'جنيه سوداني', USD: 'دولار أمريكي' };
const currencyAr = (d: TemplateData) => CURRENCY_AR[str(d, 'currency')] ?? str(d, 'currency');

registerTemplate(RECEIPT_EVENT, {
  en: (d) => ({
    subject: `Your payment receipt for invoice ${str(d, 'invoiceNumber')}`,
    text: `Dear ${str(d, 'name')},\n\nThank you for your payment of ${str(d, 'amount')} ${str(d, 'currency')} to ${str(d, 'facility')} for invoice ${str(d, 'invoiceNumber')}.\n\nYour receipt is attached as a PDF. Please keep it for your records.`,
  }),
  ar: (d) => ({
    subject: `إيصال الدفع للفاتورة رقم ${str(d, 'invoiceNumber')}`,
    text: `عزيزي/عزيزتي ${str(d, 'name')}،\n\nنشكرك على سداد مبلغ ${str(d, 'amount')} ${currencyAr(d)} إلى ${str(d, 'facility')} عن الفاتورة رقم ${str(d, 'invoiceNumber')}.\n\nتجد إيصال الدفع مرفقًا بصيغة PDF، يرجى الاحتفاظ به.`,
  }),
});

export const receiptAttachment: NotificationAttachmentProvider = async (db, ref, language) => {
  const [facilityId = '', paymentId = ''] = ref.split(':');
  const { pdf, invoiceNumber } = await receiptFor(db, { facilityId, paymentId, language });
  return { filename: `receipt-${invoiceNumber}.pdf`, contentType: 'application/pdf', content: pdf };
};
