// The text of a PDF written by pdfkit, in Node alone (no poppler): one string per text object (a
// BT…ET block), decoded through each font's ToUnicode map, or a marked-content span's ActualText
// where one is given (the receipt's right-to-left runs carry their logical text there). It reads
// what pdfkit writes (objects with /Length, Flate streams, bfrange maps), not PDFs in general.
import { inflateSync } from 'node:zlib';

interface PdfObject { dict: string; stream: Buffer | null }

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\n/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(text))) {
    const from = m.index + m[0].length;
    const streamAt = text.indexOf('\nstream\n', from);
    const endAt = text.indexOf('endobj', from);
    if (streamAt >= 0 && streamAt < endAt) {
      const dict = text.slice(from, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const raw = pdf.subarray(streamAt + 8, streamAt + 8 + length);
      out.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
      start.lastIndex = streamAt + 8 + length;
    } else {
      out.set(Number(m[1]), { dict: text.slice(from, endAt), stream: null });
    }
  }
  return out;
}

/** glyph id → text, from a ToUnicode CMap of `<first> <last> [<utf16> …]` ranges. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, first, , list] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    [...list!.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, units], i) => {
      map.set(parseInt(first!, 16) + i, String.fromCharCode(...units!.trim().split(/\s+/).map((u) => parseInt(u, 16))));
    });
  }
  return map;
}

function unescape(literal: string): string {
  const bytes = literal.replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c);
  const buf = Buffer.from(bytes, 'latin1');
  if (buf[0] !== 0xfe || buf[1] !== 0xff) return bytes;
  return String.fromCharCode(...Array.from({ length: (buf.length - 2) / 2 }, (_, i) => buf.readUInt16BE(2 + 2 * i)));
}

export function pdfText(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    for (const [, names] of o.dict.matchAll(/\/Font <<([^>]*)>>/g)) {
      for (const [, name, ref] of names!.matchAll(/\/(\w+) (\d+) 0 R/g)) {
        const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objs.get(Number(ref))?.dict ?? '')?.[1];
        const cmap = cmapRef ? objs.get(Number(cmapRef))?.stream : null;
        if (cmap) fonts.set(name!, toUnicode(cmap.toString('latin1')));
      }
    }
  }
  const out: string[] = [];
  for (const o of objs.values()) {
    const content = o.stream?.toString('latin1') ?? '';
    if (!/\bBT\b/.test(content) || !content.includes(' Tf')) continue;
    let font = new Map<number, string>();
    let actual: string | null = null;
    let block = '';
    const ops = /\/(\w+) [\d.]+ Tf|\/Span <<\s*\/ActualText \(((?:\\.|[^\\)])*)\)\s*>> BDC|\bEMC\b|\[([^\]]*)\] TJ|\bET\b/g;
    for (const [op, fontName, actualText, tj] of content.matchAll(ops)) {
      if (fontName) font = fonts.get(fontName) ?? new Map();
      else if (actualText !== undefined) actual = unescape(actualText);
      else if (op === 'EMC') {
        if (actual !== null) out.push(actual);
        actual = null;
        block = '';
      } else if (tj !== undefined) {
        if (actual === null) for (const [, hex] of tj.matchAll(/<([0-9a-f]+)>/gi)) for (let i = 0; i < hex!.length; i += 4) block += font.get(parseInt(hex!.slice(i, i + 4), 16)) ?? '';
      } else if (op === 'ET' && actual === null && block) {
        out.push(block);
        block = '';
      }
    }
  }
  return out;
}
