/**
 * Mixed-script, mixed-direction text for pdf-lib. pdf-lib draws a string with one font in logical
 * order; it has no bidi and no font fallback. Here a line is split by the Unicode bidi algorithm
 * (bidi-js) and by script into runs, each drawn with the font that has its glyphs, in visual order.
 *
 * Arabic runs are handed to fontkit in LOGICAL order: fontkit shapes them (joining forms, ligatures)
 * and reverses the glyphs itself for an RTL script. Any other right-to-left run (neutrals inside
 * Arabic text) is given in visual order, mirrored where bidi says so.
 */
import bidiFactory from 'bidi-js';
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { FontKey, FontSet } from './fonts';

const bidi = bidiFactory();

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: RGB;
}

export interface Line {
  text: string;
  direction: 'ltr' | 'rtl';
  /** Bidi levels of this line's characters, resolved over the whole paragraph; absent for plain LTR text. */
  levels?: Uint8Array;
}

/** UAX #9 L2: from the highest level down to the lowest odd level, reverse every run at that level or above. */
export function reorder(levels: Uint8Array): number[] {
  const order = Array.from(levels, (_, i) => i);
  let max = 0;
  let minOdd = 255;
  for (const l of levels) {
    if (l > max) max = l;
    if (l % 2 === 1 && l < minOdd) minOdd = l;
  }
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < order.length) {
      if ((levels[order[i] as number] ?? 0) >= level) {
        let j = i;
        while (j + 1 < order.length && (levels[order[j + 1] as number] ?? 0) >= level) j++;
        const seg = order.slice(i, j + 1).reverse();
        order.splice(i, seg.length, ...seg);
        i = j + 1;
      } else i++;
    }
  }
  return order;
}

export interface VisualRun {
  /** The string handed to pdf-lib's drawText (see the module note on order). */
  text: string;
  font: FontKey;
  width: number;
}

const ARABIC = /\p{Script_Extensions=Arabic}/u;
const ETHIOPIC = /\p{Script_Extensions=Ethiopic}/u;
const LETTER = /\p{L}/u;
/** Characters that can make a line right-to-left (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms). */
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export class TextEngine {
  private readonly widthCache = new Map<string, number>();

  constructor(readonly fonts: FontSet) {}

  /** Font for each UTF-16 index of `text`: strong characters by script, neutrals from their neighbours. */
  private assignFonts(text: string, bold: boolean): FontKey[] {
    const base: FontKey = bold ? 'sansBold' : 'sans';
    const out: (FontKey | undefined)[] = new Array(text.length);
    const cps: number[] = new Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      cps[i] = cp;
      const ch = String.fromCodePoint(cp);
      let key: FontKey | undefined;
      if (ARABIC.test(ch) && this.fonts.has('naskh', cp)) key = 'naskh';
      else if (ETHIOPIC.test(ch) && this.fonts.has('ethiopic', cp)) key = 'ethiopic';
      else if (LETTER.test(ch)) key = base;
      out[i] = key;
      if (cp > 0xffff) {
        out[i + 1] = key;
        cps[i + 1] = cp;
        i++;
      }
    }
    // Neutrals (spaces, digits, punctuation) join the run before them if that font has the glyph,
    // else the run after, else Noto Sans.
    let prev: FontKey | undefined;
    const next: (FontKey | undefined)[] = new Array(text.length);
    let upcoming: FontKey | undefined;
    for (let i = text.length - 1; i >= 0; i--) {
      if (out[i]) upcoming = out[i];
      next[i] = upcoming;
    }
    const result: FontKey[] = new Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const strong = out[i];
      if (strong) {
        prev = strong;
        result[i] = strong;
        continue;
      }
      const cp = cps[i] ?? 0;
      const after = next[i];
      if (prev && this.fonts.has(prev, cp)) result[i] = prev;
      else if (after && this.fonts.has(after, cp)) result[i] = after;
      else result[i] = base;
    }
    return result;
  }

  private runWidth(text: string, font: FontKey, size: number): number {
    const key = `${font}|${size}|${text}`;
    let w = this.widthCache.get(key);
    if (w === undefined) {
      w = this.fonts.get(font).widthOfTextAtSize(text, size);
      this.widthCache.set(key, w);
    }
    return w;
  }

  /** Width of a logical string: the sum of its font runs (order does not change widths). */
  width(text: string, style: TextStyle): number {
    if (!text) return 0;
    const fonts = this.assignFonts(text, Boolean(style.bold));
    let total = 0;
    let start = 0;
    for (let i = 1; i <= text.length; i++) {
      if (i === text.length || fonts[i] !== fonts[start]) {
        total += this.runWidth(text.slice(start, i), fonts[start] as FontKey, style.size);
        start = i;
      }
    }
    return total;
  }

  /** The paragraph's base direction, from its first strong character (UAX #9 P2-P3). */
  static direction(text: string): 'ltr' | 'rtl' {
    if (!RTL_CHARS.test(text)) return 'ltr';
    const { paragraphs } = bidi.getEmbeddingLevels(text, 'auto');
    return (paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
  }

  /** Visual runs of one line, left to right; `levels` are the line's slice of its paragraph's bidi levels. */
  visualRuns(line: string, style: TextStyle, direction: 'ltr' | 'rtl' = 'ltr', levels?: Uint8Array): VisualRun[] {
    if (!line) return [];
    const fonts = this.assignFonts(line, Boolean(style.bold));
    if (!levels && direction === 'ltr' && !RTL_CHARS.test(line)) {
      const runs: VisualRun[] = [];
      let start = 0;
      for (let i = 1; i <= line.length; i++) {
        if (i === line.length || fonts[i] !== fonts[start]) {
          const text = line.slice(start, i);
          const font = fonts[start] as FontKey;
          runs.push({ text, font, width: this.runWidth(text, font, style.size) });
          start = i;
        }
      }
      return runs;
    }
    const lv = levels ?? bidi.getEmbeddingLevels(line, direction).levels;
    const order = reorder(lv);
    const runs: VisualRun[] = [];
    let group: number[] = [];
    const flush = (): void => {
      if (group.length === 0) return;
      const first = group[0] as number;
      const font = fonts[first] as FontKey;
      const rtl = (lv[first] ?? 0) % 2 === 1;
      const mirror = (i: number): string => (rtl ? (bidi.getMirroredCharacter(line[i] as string) ?? line[i]) : line[i]) as string;
      let text: string;
      if (rtl && font === 'naskh' && ARABIC.test(line.slice(Math.min(...group), Math.max(...group) + 1))) {
        // Logical order for fontkit to shape; it reverses RTL glyphs itself.
        text = line.slice(Math.min(...group), Math.max(...group) + 1);
      } else {
        text = group.map(mirror).join('');
      }
      runs.push({ text, font, width: this.runWidth(text, font, style.size) });
      group = [];
    };
    for (const idx of order) {
      const last = group[group.length - 1];
      const sameRun = last !== undefined && fonts[idx] === fonts[last] && lv[idx] === lv[last] && Math.abs(idx - last) === 1;
      if (!sameRun) flush();
      group.push(idx);
    }
    flush();
    return runs;
  }

  /** Greedy word wrap of one paragraph (single spaces) into [start, end) lines; long words break by character. */
  wrap(paragraph: string, style: TextStyle, maxWidth: number): Array<[number, number]> {
    const lines: Array<[number, number]> = [];
    const space = this.width(' ', style);
    let lineStart = -1;
    let lineEnd = 0;
    let lineWidth = 0;
    const re = /[^ ]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(paragraph))) {
      let ws = m.index;
      const we = ws + m[0].length;
      let w = this.width(paragraph.slice(ws, we), style);
      while (w > maxWidth) {
        if (lineStart >= 0) lines.push([lineStart, lineEnd]);
        lineStart = -1;
        let cut = we - 1;
        while (cut > ws + 1 && this.width(paragraph.slice(ws, cut), style) > maxWidth) cut--;
        lines.push([ws, cut]);
        ws = cut;
        w = this.width(paragraph.slice(ws, we), style);
      }
      if (lineStart < 0) {
        lineStart = ws;
        lineWidth = w;
      } else if (lineWidth + space + w <= maxWidth) {
        lineWidth += space + w;
      } else {
        lines.push([lineStart, lineEnd]);
        lineStart = ws;
        lineWidth = w;
      }
      lineEnd = we;
    }
    if (lineStart >= 0) lines.push([lineStart, lineEnd]);
    if (lines.length === 0) lines.push([0, 0]);
    return lines;
  }

  /**
   * Wraps text with explicit newlines. Bidi levels are resolved once per paragraph (so a number
   * after Arabic on the previous line keeps its Arabic context) and each line carries its slice.
   */
  layout(text: string, style: TextStyle, maxWidth: number): Line[] {
    const out: Line[] = [];
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
      const para = raw.replace(/[\t ]+/g, ' ').trim();
      const rtlPossible = RTL_CHARS.test(para);
      const resolved = rtlPossible ? bidi.getEmbeddingLevels(para, 'auto') : undefined;
      const direction = resolved && (resolved.paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
      for (const [a, b] of this.wrap(para, style, maxWidth)) {
        out.push({ text: para.slice(a, b), direction, levels: resolved?.levels.slice(a, b) });
      }
    }
    return out;
  }

  /** Draws one line; RTL paragraphs align right within [x, x + boxWidth]. Returns the drawn width. */
  drawLine(
    page: PDFPage,
    line: string,
    x: number,
    y: number,
    style: TextStyle,
    opts: { direction?: 'ltr' | 'rtl'; levels?: Uint8Array; boxWidth?: number; align?: 'left' | 'center' | 'right' } = {},
  ): number {
    const direction = opts.direction ?? TextEngine.direction(line);
    const runs = this.visualRuns(line, style, direction, opts.levels);
    const total = runs.reduce((s, r) => s + r.width, 0);
    const align = opts.align ?? (direction === 'rtl' ? 'right' : 'left');
    let cx = x;
    if (opts.boxWidth !== undefined && align === 'right') cx = x + opts.boxWidth - total;
    if (opts.boxWidth !== undefined && align === 'center') cx = x + (opts.boxWidth - total) / 2;
    const color = style.color ?? rgb(0, 0, 0);
    for (const run of runs) {
      if (run.text.trim()) page.drawText(run.text, { x: cx, y, size: style.size, font: this.fonts.get(run.font), color });
      cx += run.width;
    }
    return total;
  }
}
