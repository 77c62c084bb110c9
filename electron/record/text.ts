/**
 * Mixed-script, mixed-direction text for pdf-lib. pdf-lib draws a string with one font in logical
 * order; it has no bidi and no font fallback. Here each paragraph goes through the whole Unicode
 * bidi algorithm (bidi-js: paragraph level, resolved levels, L1 and L2 per line through
 * `getReorderSegments`, mirrored brackets through `getMirroredCharactersMap`), and each line is cut
 * into runs of one font and one level, drawn left to right in visual order.
 *
 * One wrinkle is fontkit's: it picks the script of a string from its first non-neutral character
 * and, for a right-to-left script, reverses the glyphs after shaping. So a run whose first such
 * character is Arabic script (Arabic letters, but also Persian and Arabic-Indic digits) is handed
 * over reversed, i.e. in logical order, which lets fontkit shape Arabic joining forms and then put
 * the glyphs back in visual order; every other run is handed over in visual order. Mirrored
 * characters stand in runs of their own, so the font's own 'rtlm' feature can never mirror them twice.
 */
import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { FontKey, FontSet } from './fonts';

const bidi = bidiFactory();

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: RGB;
}

/** A paragraph with its bidi resolution (absent when it cannot hold right-to-left text). */
export interface Paragraph {
  text: string;
  bidi?: EmbeddingLevels;
}

export interface Line {
  text: string;
  direction: 'ltr' | 'rtl';
  /** Bidi levels of this line's characters, resolved over the whole paragraph; absent for plain LTR text. */
  levels?: Uint8Array;
  /** The paragraph this line was cut from, and where: [start, start + text.length). */
  paragraph?: Paragraph;
  start?: number;
}

export interface VisualRun {
  /** The string handed to pdf-lib's drawText (see the module note on order). */
  text: string;
  font: FontKey;
  width: number;
  /** The run's bidi level (odd: right-to-left). */
  level: number;
}

const ARABIC = /\p{Script_Extensions=Arabic}/u;
const ETHIOPIC = /\p{Script_Extensions=Ethiopic}/u;
const LETTER = /\p{L}/u;
/** Characters that can make a line right-to-left (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms). */
const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** What fontkit's script detection skips (Script=Common, Inherited, Unknown). */
const NEUTRAL_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/** Whether fontkit will lay this string out right to left (and so reverse its glyphs). */
export function fontkitReverses(text: string): boolean {
  for (const ch of text) {
    if (NEUTRAL_SCRIPT.test(ch)) continue;
    return RTL_SCRIPT.test(ch);
  }
  return false;
}

/** A string from UTF-16 indices, keeping each surrogate pair in order whichever way the indices run. */
function fromIndices(text: string, indices: number[], replace?: Map<number, string>): string {
  let out = '';
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const next = indices[k + 1];
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && next === i - 1) {
      out += text[next] + text[i];
      k++;
      continue;
    }
    out += replace?.get(i) ?? text[i];
  }
  return out;
}

/** Resolves a paragraph's levels (UAX #9 P2-P3 for its direction unless one is forced). */
export function paragraphOf(text: string, direction: 'auto' | 'ltr' | 'rtl' = 'auto'): Paragraph {
  if (direction !== 'rtl' && !RTL_CHARS.test(text)) return { text };
  return { text, bidi: bidi.getEmbeddingLevels(text, direction) };
}

function paragraphDirection(p: Paragraph): 'ltr' | 'rtl' {
  return ((p.bidi?.paragraphs[0]?.level ?? 0) & 1) === 1 ? 'rtl' : 'ltr';
}

/** A whole string as one line of its own paragraph. */
export function lineOf(text: string, direction: 'auto' | 'ltr' | 'rtl' = 'auto'): Line {
  const paragraph = paragraphOf(text, direction);
  return { text, direction: paragraphDirection(paragraph), levels: paragraph.bidi?.levels, paragraph, start: 0 };
}

export class TextEngine {
  private readonly widthCache = new Map<string, number>();

  constructor(
    readonly fonts: FontSet,
    /** Set by the layout when the document is tagged. */
    public marks?: LineMarks,
  ) {}

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
    return paragraphDirection(paragraphOf(text));
  }

  /** Visual runs of one line, left to right. */
  visualRuns(input: Line | string, style: TextStyle): VisualRun[] {
    const line = typeof input === 'string' ? lineOf(input) : input;
    const text = line.text;
    if (!text) return [];
    const fonts = this.assignFonts(text, Boolean(style.bold));
    const para = line.paragraph ?? paragraphOf(text, line.direction);
    const offset = line.paragraph ? (line.start ?? 0) : 0;
    const resolved = para.bidi;
    if (!resolved) {
      // No right-to-left character: logical order is visual order.
      const runs: VisualRun[] = [];
      let start = 0;
      for (let i = 1; i <= text.length; i++) {
        if (i === text.length || fonts[i] !== fonts[start]) {
          const t = text.slice(start, i);
          const font = fonts[start] as FontKey;
          runs.push({ text: t, font, width: this.runWidth(t, font, style.size), level: 0 });
          start = i;
        }
      }
      return runs;
    }
    // L1 and L2 for this line of the paragraph, then mirroring (L4) of characters at odd levels.
    const first = offset;
    const last = offset + text.length - 1;
    const order = Array.from({ length: text.length }, (_, i) => i + first);
    for (const [from, to] of bidi.getReorderSegments(para.text, resolved, first, last)) {
      const a = (from as number) - first;
      const b = (to as number) - first;
      const seg = order.slice(a, b + 1).reverse();
      order.splice(a, seg.length, ...seg);
    }
    const mirrored = bidi.getMirroredCharactersMap(para.text, resolved.levels, first, last);
    const lv = resolved.levels;
    const runs: VisualRun[] = [];
    let group: number[] = [];
    const flush = (): void => {
      if (group.length === 0) return;
      const head = group[0] as number;
      const font = fonts[head - first] as FontKey;
      const visual = fromIndices(para.text, group, mirrored);
      // fontkit reverses what it takes for a right-to-left script: give it the reverse of the visual order.
      const drawn = fontkitReverses(visual) ? fromIndices(para.text, [...group].reverse(), mirrored) : visual;
      runs.push({ text: drawn, font, width: this.runWidth(drawn, font, style.size), level: lv[head] ?? 0 });
      group = [];
    };
    for (const idx of order) {
      const prev = group[group.length - 1];
      const sameRun =
        prev !== undefined &&
        fonts[idx - first] === fonts[prev - first] &&
        lv[idx] === lv[prev] &&
        Math.abs(idx - prev) === 1 &&
        !mirrored.has(idx) &&
        !mirrored.has(prev);
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
   * after Arabic on the previous line keeps its Arabic context) and each line keeps its paragraph.
   */
  layout(text: string, style: TextStyle, maxWidth: number): Line[] {
    const out: Line[] = [];
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
      const para = paragraphOf(raw.replace(/[\t ]+/g, ' ').trim());
      const direction = paragraphDirection(para);
      for (const [a, b] of this.wrap(para.text, style, maxWidth)) {
        out.push({ text: para.text.slice(a, b), direction, levels: para.bidi?.levels.slice(a, b), paragraph: para, start: a });
      }
    }
    return out;
  }

  /** Draws one line; right-to-left paragraphs align right within [x, x + boxWidth]. Returns the drawn width. */
  drawLine(
    page: PDFPage,
    input: Line | string,
    x: number,
    y: number,
    style: TextStyle,
    opts: { direction?: 'ltr' | 'rtl'; boxWidth?: number; align?: 'left' | 'center' | 'right' } = {},
  ): number {
    const line = typeof input === 'string' ? lineOf(input, opts.direction ?? 'auto') : input;
    const runs = this.visualRuns(line, style);
    const total = runs.reduce((s, r) => s + r.width, 0);
    const align = opts.align ?? (line.direction === 'rtl' ? 'right' : 'left');
    let cx = x;
    if (opts.boxWidth !== undefined && align === 'right') cx = x + opts.boxWidth - total;
    if (opts.boxWidth !== undefined && align === 'center') cx = x + (opts.boxWidth - total) / 2;
    const color = style.color ?? rgb(0, 0, 0);
    const marks = this.marks;
    const spans = marks?.spansFor(line) ?? false;
    if (spans) marks?.beginLine(page, line.text);
    for (const run of runs) {
      if (run.text.trim()) {
        const lang = marks?.langOf(run.font);
        if (lang) marks?.beginLang(page, lang);
        page.drawText(run.text, { x: cx, y, size: style.size, font: this.fonts.get(run.font), color });
        if (lang) marks?.end(page);
      }
      cx += run.width;
    }
    if (spans) marks?.end(page);
    return total;
  }
}

/** Marked content inside a line: /Lang for runs in another script, /ActualText for right-to-left lines. */
export interface LineMarks {
  /** Whether this line gets a span of its own (it holds right-to-left text, so its reading order differs from its drawing order). */
  spansFor(line: Line): boolean;
  beginLine(page: PDFPage, logical: string): void;
  langOf(font: FontKey): string | undefined;
  beginLang(page: PDFPage, lang: string): void;
  end(page: PDFPage): void;
}
