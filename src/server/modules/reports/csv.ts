// CSV for spreadsheets (RFC 4180): a UTF-8 byte-order mark so Excel reads Arabic correctly, CRLF
// line ends, quotes where a cell needs them, and text cells that a spreadsheet would run as a
// formula (= + - @ at the start) defused with a leading apostrophe.
import type { ReportCell } from '../../platform/modules.ts';

const BOM = '\uFEFF';

export function csvCell(cell: ReportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: ReportCell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** Whole CSV documents: the BOM, then the rows. */
export const csvDocument = (rows: ReportCell[][]): string => BOM + rows.map(csvRow).join('');
