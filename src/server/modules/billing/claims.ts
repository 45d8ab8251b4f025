// The claims of a payer for a month: every live invoice issued that month to a patient it covered,
// with the member number, the patient, each line's payer share, and the credit notes that lowered
// it, so the lines less the credits add up to the invoice's payer share. The CSV is the same rows
// for the payer's claims office (UTF-8 with a BOM so Excel shows Arabic names).
import type { Executor } from './caller.ts';
import { displayName } from '../patients/index.ts';

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01T00:00:00.000Z`, to: `${next}-01T00:00:00.000Z` };
}

export async function listClaims(db: Executor, facilityId: string, payerId: string, month: string) {
  const { from, to } = monthRange(month);
  const invoices = await db.selectFrom('invoices as i').innerJoin('patients as p', 'p.id', 'i.patient_id')
    .select(['i.id', 'i.number', 'i.issued_at', 'i.patient_id', 'i.member_number', 'i.currency', 'i.total', 'i.payer_share', 'p.mrn',
      'p.first_name', 'p.father_name', 'p.grandfather_name', 'p.last_name', 'p.first_name_ar', 'p.father_name_ar', 'p.grandfather_name_ar', 'p.last_name_ar'])
    .where('i.facility_id', '=', facilityId).where('i.payer_id', '=', payerId).where('i.status', '!=', 'void')
    .where('i.issued_at', '>=', from).where('i.issued_at', '<', to).orderBy('i.issued_at').orderBy('i.id').execute();
  const ids = invoices.map((i) => i.id);
  const lines = ids.length === 0 ? [] : await db.selectFrom('invoice_lines').selectAll().where('invoice_id', 'in', ids).orderBy('position').execute();
  const credits = ids.length === 0 ? [] : await db.selectFrom('credit_notes').selectAll().where('invoice_id', 'in', ids).orderBy('created_at').execute();
  return invoices.map((i) => ({
    invoiceId: i.id, number: i.number, issuedAt: i.issued_at, patientId: i.patient_id, mrn: i.mrn, patientName: displayName(i),
    memberNumber: i.member_number ?? '', currency: i.currency, total: Number(i.total), payerShare: Number(i.payer_share),
    lines: lines.filter((l) => l.invoice_id === i.id).map((l) => ({
      position: Number(l.position), description: l.description, serviceCode: l.service_code, kind: l.kind, quantity: Number(l.quantity),
      unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total), coverageBp: Number(l.coverage_bp), payerShare: Number(l.payer_share),
    })),
    credits: credits.filter((c) => c.invoice_id === i.id).map((c) => ({ number: c.number, reason: c.reason, amount: Number(c.amount), payerPart: Number(c.payer_part) })),
  }));
}

export type Claim = Awaited<ReturnType<typeof listClaims>>[number];

/** Minor units as a decimal in major units (2 decimals, both currencies), exactly. */
export function major(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One CSV field (RFC 4180 quoting); text that a spreadsheet would run as a formula is prefixed with '. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const HEADER = ['invoice', 'issued_at', 'mrn', 'patient', 'member_number', 'item', 'quantity', 'unit_price', 'line_total', 'coverage_percent', 'payer_share', 'currency'];

export function claimsCsv(claims: Claim[]): string {
  const rows: (string | number)[][] = [HEADER];
  for (const c of claims) {
    const head = [c.number, c.issuedAt, c.mrn, c.patientName, c.memberNumber];
    for (const l of c.lines) rows.push([...head, l.description, l.quantity, major(l.unitPrice), major(l.lineTotal), major(l.coverageBp), major(l.payerShare), c.currency]);
    for (const cn of c.credits) rows.push([...head, `${cn.number}: ${cn.reason}`, 1, major(-cn.amount), major(-cn.amount), '', major(-cn.payerPart), c.currency]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
