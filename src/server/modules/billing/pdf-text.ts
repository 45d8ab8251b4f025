// One line of mixed Arabic / Latin text drawn into a pdfkit document in the right visual order.
// pdfkit hands each string to fontkit, which shapes Arabic (joined forms, lam-alef) and reverses a
// right-to-left run by itself, but it treats a whole string as one direction and one font. So the
// Unicode bidi algorithm (bidi-js) resolves the levels, the line is cut into runs that are contiguous
// in both logical and visual order with one direction and one font, and each run is drawn separately
// in visual order, in its logical text (fontkit does the reversing and shaping).
import bidiModule from 'bidi-js';

// bidi-js is CommonJS typed as an ES module: at run time the default import is the factory itself.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';
export interface FontPair { latin: string; arabic: string }
export interface Run { text: string; font: string; rtl: boolean }

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const NEUTRAL = /[\s\p{P}\p{S}]/u;

/**
 * The font each character is drawn with: Arabic letters in the Arabic face, other letters and digits
 * in the Latin one, and neutrals (spaces, punctuation) in the face of the direction they resolved to.
 */
function fontsOf(text: string, levels: Uint8Array, fonts: FontPair): string[] {
  return [...text].map((ch, i) => {
    if (ARABIC.test(ch)) return fonts.arabic;
    if (NEUTRAL.test(ch)) return (levels[i]! & 1) === 1 ? fonts.arabic : fonts.latin;
    return fonts.latin;
  });
}

/** The runs of `text` in visual (left-to-right drawing) order, for a paragraph of base direction `base`. */
export function visualRuns(text: string, base: Direction, fonts: FontPair): Run[] {
  if (text.length === 0) return [];
  const levels = bidi.getEmbeddingLevels(text, base);
  const order = bidi.getReorderedIndices(text, levels);
  const font = fontsOf(text, levels.levels, fonts);
  const runs: Run[] = [];
  let start = 0;
  for (let v = 1; v <= order.length; v++) {
    const prev = order[v - 1]!;
    const cur = order[v];
    const rtl = (levels.levels[prev]! & 1) === 1;
    const continues = cur !== undefined && (levels.levels[cur]! & 1) === (rtl ? 1 : 0) && font[cur] === font[prev] && cur === prev + (rtl ? -1 : 1);
    if (continues) continue;
    const idx = order.slice(start, v);
    const lo = Math.min(...idx);
    const hi = Math.max(...idx);
    runs.push({ text: text.slice(lo, hi + 1), font: font[prev]!, rtl });
    start = v;
  }
  return runs;
}

/**
 * What to hand fontkit for a right-to-left run: brackets mirrored (fontkit does not apply the bidi
 * mirroring), and a run of neutrals alone (" (") reversed here, as fontkit lays those out left to right.
 */
export function drawnRtl(text: string): string {
  const mirrored = [...text].map((ch) => bidi.getMirroredCharacter(ch) ?? ch);
  return (ARABIC.test(text) ? mirrored : mirrored.reverse()).join('');
}

/** The subset of pdfkit's document this module uses (so it is testable and typed loosely). */
export interface TextDoc {
  font(name: string): TextDoc;
  widthOfString(text: string, options?: Record<string, unknown>): number;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): TextDoc;
  markContent(tag: string, options?: Record<string, unknown>): TextDoc;
  endMarkedContent(): TextDoc;
}

// Any `features` makes pdfkit lay a string out whole: without, it lays out word by word and
// concatenates the words in logical order, which reverses word order in Arabic. fontkit writes into
// the object, hence a fresh one each time.
const whole = () => ({ features: {} });

export function lineWidth(doc: TextDoc, runs: Run[]): number {
  return runs.reduce((w, r) => w + doc.font(r.font).widthOfString(r.rtl ? drawnRtl(r.text) : r.text, whole()), 0);
}

/**
 * Draws `text` on one line with its baseline at `y`, within [x, x + width]: flush left for
 * `align: 'left'`, flush right for 'right'. Right-to-left runs are written in logical order (fontkit
 * reverses them) inside a Span whose ActualText is that logical text: the Noto Arabic faces draw
 * ف and ق (and others) from one dotless glyph plus dots, so the glyphs alone cannot tell a text
 * extractor or screen reader which letter it was.
 */
export function drawLine(doc: TextDoc, text: string, opts: { x: number; y: number; width: number; align: 'left' | 'right'; base: Direction; fonts: FontPair }): void {
  const runs = visualRuns(text, opts.base, opts.fonts);
  let x = opts.align === 'left' ? opts.x : opts.x + opts.width - lineWidth(doc, runs);
  for (const r of runs) {
    doc.font(r.font);
    const s = r.rtl ? drawnRtl(r.text) : r.text;
    if (r.rtl) doc.markContent('Span', { actual: r.text });
    doc.text(s, x, opts.y, { lineBreak: false, baseline: 'alphabetic', ...whole() });
    if (r.rtl) doc.endMarkedContent();
    x += doc.widthOfString(s, whole());
  }
}
