/**
 * Spans of quoted speech (the young person's own words), which the wording checker leaves alone.
 * Double quotes (straight and curly) and guillemets (« », also ‹ ›) always quote. A single quote or ’ is an apostrophe when it
 * sits between letters (don't, Semhar's) or after a plural s (the girls' room); it opens a quote
 * only at the start of a word and closes one only at the end of a word.
 */
const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c);
const OPENERS_BEFORE = /[\s([{\u2014\u2013:;,-]/u;

/** The closing mark for each opening mark („ is closed by “ or ” in German-style quotes). */
const CLOSERS: Record<string, string> = { '"': '"', '\u201C': '\u201D', '\u00AB': '\u00BB', '\u2039': '\u203A', '\u201E': '\u201C' };

export type Span = readonly [start: number, end: number];

export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '"' || c === '\u201C' || c === '\u00AB' || c === '\u2039' || c === '\u201E') {
      const close = CLOSERS[c]!;
      const j = findClose(text, i + 1, (k) => text[k] === close || (close === '\u201D' && text[k] === '"') || (c === '\u201E' && text[k] === '\u201D'));
      if (j >= 0) {
        spans.push([i, j + 1]);
        i = j + 1;
        continue;
      }
    } else if ((c === "'" || c === '\u2018') && (i === 0 || OPENERS_BEFORE.test(text[i - 1]!)) && isLetter(text[i + 1])) {
      const j = findClose(text, i + 1, (k) => (text[k] === "'" || text[k] === '\u2019') && !isLetter(text[k + 1]) && text[k - 1] !== ' ' && !isPluralPossessive(text, k));
      if (j >= 0) {
        spans.push([i, j + 1]);
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/** "the girls' room": an s, the apostrophe, a space and a lower-case word. */
function isPluralPossessive(text: string, k: number): boolean {
  return text[k - 1] === 's' && text[k + 1] === ' ' && /[a-z]/.test(text[k + 2] ?? '') && !/[.,;:!?]/.test(text[k + 1] ?? '');
}

/** The closing quote within the same paragraph (quotes do not run across a blank line). */
function findClose(text: string, from: number, isClose: (k: number) => boolean): number {
  for (let k = from; k < text.length; k++) {
    if (text[k] === '\n' && text[k + 1] === '\n') return -1;
    if (isClose(k)) return k;
  }
  return -1;
}

export function inside(spans: readonly Span[], start: number, end: number): boolean {
  // spans are sorted and disjoint; few enough that a linear scan is fastest in practice
  for (const [s, e] of spans) {
    if (s > start) return false;
    if (start >= s && end <= e) return true;
  }
  return false;
}
