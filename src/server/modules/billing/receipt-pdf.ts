// A payment's receipt as an A5 PDF in English or Arabic. Arabic pages run right to left: labels on
// the right, the lines table mirrored, each line laid out by pdf-text.ts (bidi order, shaped
// Arabic). The fonts (Noto Sans, Noto Sans Arabic; OFL, fonts/OFL.txt) are embedded as subsets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import type { Language } from '../../platform/http/i18n/language.ts';
import { formatAmount } from './amount-words.ts';
import { drawLine, lineWidth, visualRuns, type FontPair, type TextDoc } from './pdf-text.ts';
import type { ReceiptData } from './receipt-data.ts';
import { RECEIPT_TEXT, amountInWords, patientLine, receiptTime } from './receipt-text.ts';

const FONT_DIR = path.join(import.meta.dirname, 'fonts');
const parse = (file: string) => fontkit.create(readFileSync(path.join(FONT_DIR, file))) as fontkit.Font;
// Read and parsed once, shared by every document (pdfkit takes a parsed font; each document keeps
// its own subset): parsing the four faces per receipt was most of its cost (docs/performance.md).
const FONTS = {
  latin: parse('NotoSans-Regular.ttf'),
  latinBold: parse('NotoSans-Bold.ttf'),
  arabic: parse('NotoSansArabic-Regular.ttf'),
  arabicBold: parse('NotoSansArabic-Bold.ttf'),
};
const REGULAR: FontPair = { latin: 'latin', arabic: 'arabic' };
const BOLD: FontPair = { latin: 'latinBold', arabic: 'arabicBold' };

const MARGIN = 32;
/** The currency as Sudanese receipts write it in Arabic (ج.س = جنيه سوداني). */
const CURRENCY_AR = { SDG: 'ج.س', USD: 'دولار' } as const;
const LINE = 15;
const LABEL = 95;

class Page {
  y = MARGIN + 12;
  readonly width: number;
  readonly doc: PDFKit.PDFDocument;
  readonly lang: Language;
  constructor(doc: PDFKit.PDFDocument, lang: Language) {
    this.doc = doc;
    this.lang = lang;
    this.width = doc.page.width - 2 * MARGIN;
  }
  get rtl() { return this.lang === 'ar'; }
  private get td() { return this.doc as unknown as TextDoc; }

  /** Text in a cell [from, from + width] measured from the start edge (left in English, right in Arabic). */
  cell(text: string, from: number, width: number, opts: { end?: boolean; bold?: boolean } = {}) {
    const fonts = opts.bold ? BOLD : REGULAR;
    const x = this.rtl ? MARGIN + this.width - from - width : MARGIN + from;
    const alignStart = !opts.end;
    const align = (alignStart !== this.rtl) ? 'left' : 'right';
    drawLine(this.td, this.fit(text, width, fonts), { x, y: this.y, width, align, base: this.rtl ? 'rtl' : 'ltr', fonts });
  }

  /** Cuts a text too wide for its cell, with an ellipsis. */
  private fit(text: string, width: number, fonts: FontPair): string {
    const base = this.rtl ? 'rtl' : 'ltr';
    if (lineWidth(this.td, visualRuns(text, base, fonts)) <= width) return text;
    // The longest prefix that fits with its ellipsis, by bisection (measuring lays the text out).
    const chars = [...text];
    const fits = (n: number) => lineWidth(this.td, visualRuns(`${chars.slice(0, n).join('')}…`, base, fonts)) <= width;
    let [lo, hi] = [1, chars.length - 1];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join('').trimEnd()}…`;
  }

  /** Greedy word wrap: each piece is laid out as its own line (and bidi paragraph). */
  private wrap(text: string, width: number, fonts: FontPair): string[] {
    const base = this.rtl ? 'rtl' : 'ltr';
    const out: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && lineWidth(this.td, visualRuns(next, base, fonts)) > width) {
        out.push(line);
        line = word;
      } else line = next;
    }
    return [...out, line];
  }

  row(label: string, value: string, bold = false) {
    const pieces = this.wrap(value, this.width - LABEL - 5, bold ? BOLD : REGULAR);
    this.need(LINE * pieces.length);
    this.cell(label, 0, LABEL, { bold: true });
    for (const piece of pieces) {
      this.cell(piece, LABEL + 5, this.width - LABEL - 5, { bold });
      this.y += LINE;
    }
  }

  rule() {
    this.doc.moveTo(MARGIN, this.y - 10).lineTo(MARGIN + this.width, this.y - 10).lineWidth(0.5).stroke('#999999');
    this.y += 4;
  }

  need(height: number) {
    if (this.y + height > this.doc.page.height - MARGIN) {
      this.doc.addPage();
      this.y = MARGIN + 12;
    }
  }
}

export function renderReceipt(data: ReceiptData, lang: Language): Promise<Buffer> {
  const t = RECEIPT_TEXT[lang];
  const cur = data.invoice.currency;
  const money = (minor: number) => `${formatAmount(minor)} ${lang === 'ar' ? CURRENCY_AR[cur] : cur}`;
  const title = data.payment.refund ? t.refundReceipt : t.receipt;
  const doc = new PDFDocument({ size: 'A5', margin: MARGIN, lang, info: { Title: `${title} ${data.invoice.number}`, Creator: 'NileCare', CreationDate: new Date(data.payment.receivedAt) } });
  // @types/pdfkit knows only paths and bytes; pdfkit itself takes a parsed fontkit font.
  for (const [name, font] of Object.entries(FONTS)) doc.registerFont(name, font as unknown as Buffer);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const p = new Page(doc, lang);

  doc.fontSize(15);
  p.cell(data.facility.name, 0, p.width, { bold: true });
  p.y += 20;
  doc.fontSize(12);
  p.cell(title, 0, p.width, { bold: true });
  p.y += 20;
  doc.fontSize(9);
  p.row(t.invoice, data.invoice.number);
  p.row(t.payment, data.payment.id);
  p.row(t.date, receiptTime(data.payment.receivedAt, data.facility.timeZone, lang));
  p.row(t.patient, patientLine(lang, data.patient.nameLatin, data.patient.nameArabic));
  p.row(t.mrn, data.patient.mrn);
  p.y += 10;

  // The lines: description, quantity, unit price, amount (mirrored in Arabic).
  const cols = { desc: [0, p.width - 230], qty: [p.width - 225, 40], unit: [p.width - 180, 85], amount: [p.width - 90, 90] } as const;
  const tableRow = (cells: [string, string, string, string], bold = false) => {
    p.need(LINE);
    p.cell(cells[0], cols.desc[0], cols.desc[1], { bold });
    p.cell(cells[1], cols.qty[0], cols.qty[1], { bold, end: true });
    p.cell(cells[2], cols.unit[0], cols.unit[1], { bold, end: true });
    // A totals row has only an amount: it may take the unit price's column too (large sums).
    const wide = !cells[1] && !cells[2];
    p.cell(cells[3], wide ? cols.unit[0] : cols.amount[0], wide ? p.width - cols.unit[0] : cols.amount[1], { bold, end: true });
    p.y += LINE;
  };
  tableRow([t.description, t.quantity, t.unitPrice, t.amount], true);
  p.rule();
  for (const l of data.lines) tableRow([l.description, String(l.quantity), formatAmount(l.unitPrice), formatAmount(l.lineTotal)]);
  p.rule();
  if (data.invoice.discount > 0) {
    tableRow([t.subtotal, '', '', formatAmount(data.invoice.subtotal)]);
    tableRow([t.discount, '', '', formatAmount(-data.invoice.discount)]);
  }
  if (data.invoice.credited > 0) tableRow([t.credited, '', '', formatAmount(-data.invoice.credited)]);
  tableRow([t.total, '', '', money(data.invoice.total)], true);
  if (data.invoice.payerShare > 0) {
    tableRow([t.payerShare, '', '', formatAmount(-data.invoice.payerShare)]);
    tableRow([t.patientShare, '', '', money(data.invoice.total - data.invoice.payerShare)], true);
  }
  p.y += 10;

  doc.fontSize(10);
  const amount = Math.abs(data.payment.amount);
  p.row(data.payment.refund ? t.refunded : t.paid, money(amount), true);
  p.row(t.inWords, amountInWords(amount, cur, lang));
  p.row(t.method, t.methods[data.payment.method]);
  if (data.payment.reference) p.row(t.reference, data.payment.reference);
  if (data.payment.status === 'pending') p.row(t.status, t.pending, true);
  if (data.payment.reason) p.row(t.reason, data.payment.reason);
  p.row(t.balance, money(data.balance), true);
  p.row(data.payment.refund ? t.refundedBy : t.clerk, data.clerk);
  doc.end();
  return done;
}
