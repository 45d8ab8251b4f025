// Reading an ICD-10-CM release in the "order file" format NCHS publishes (icd10cm_order_YYYY.txt,
// public domain). Fixed width, one code per line:
//
//   columns  1-5   order number, zero-filled          column 15     1 = valid for recording
//            7-13  code without its dot, blank-filled                 (billable), 0 = header
//            17-76 short description, blank-filled    columns 78-   long description
//
// with a blank between fields. A line that does not fit is reported with its number, so a wrong
// or damaged file is refused before anything is written.
import fs from 'node:fs';
import readline from 'node:readline';
import { normaliseIcd10Code } from './codes.ts';

export interface OrderFileEntry { line: number; code: string; billable: boolean; shortTitle: string; title: string }

export class OrderFileError extends Error {}

// The file is read as Latin-1 so that one character is one byte and the columns are where the
// format says, whatever the text holds; the descriptions are then decoded as the UTF-8 (of which
// ASCII is a part) that releases are written in.
const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

export function parseOrderLine(text: string, line: number): OrderFileEntry {
  const fail = (why: string) => new OrderFileError(`line ${line}: ${why} — is this an ICD-10-CM order file (icd10cm_order_YYYY.txt)?`);
  if (text.length < 78) throw fail(`${text.length} characters, shorter than the 78 the fixed-width fields need`);
  if (!/^\d{5}$/.test(text.slice(0, 5))) throw fail('columns 1-5 are not an order number');
  if (text[5] !== ' ' || text[13] !== ' ' || text[15] !== ' ' || text[76] !== ' ') throw fail('the fields are not separated by blanks in columns 6, 14, 16 and 77');
  const raw = text.slice(6, 13).trimEnd();
  const code = normaliseIcd10Code(raw);
  if (!code || raw.includes('.')) throw fail(`"${raw}" in columns 7-13 is not an ICD-10-CM code`);
  const flag = text[14];
  if (flag !== '0' && flag !== '1') throw fail(`column 15 is "${flag}", not 0 (header) or 1 (billable)`);
  const title = utf8(text.slice(77)).trim();
  if (!title) throw fail('the long description (column 78 on) is empty');
  return { line, code, billable: flag === '1', shortTitle: utf8(text.slice(16, 76)).trim(), title };
}

/** The file's entries, in order; stops with an OrderFileError at the first line that does not fit. */
export async function* readOrderFile(file: string): AsyncGenerator<OrderFileEntry> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'latin1' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') continue;
    yield parseOrderLine(text, n);
  }
}
