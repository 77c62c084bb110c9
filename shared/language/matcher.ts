/** Tokens of a text, and a backtracking matcher of compiled word patterns over them. */
import type { Node } from './pattern';

export interface Tokens {
  /** lower-case words, ’ as ' */
  words: string[];
  starts: number[];
  ends: number[];
  /** sentence number of each word; a match never spans two */
  sentence: number[];
  /** index of the first word of each sentence, and one past the last */
  sentenceStart: number[];
  sentenceEnd: number[];
}

const TOKEN = /[0-9a-z\u00c0-\u024f]+(?:['’][0-9a-z\u00c0-\u024f]+)*/gi;

/** Between two words: . ! ? before a space or line break, a semicolon, or a line break ends a sentence. */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 59 /* ; */ || c === 10 /* \n */) return true;
    // "Mr.X" and "1.5" stay one sentence; a space, line break, closing quote or bracket after the stop ends it
    if ((c === 46 || c === 33 || c === 63) /* . ! ? */ && (j + 1 >= text.length || /[\s"'’”)]/.test(text[j + 1]!))) return true;
  }
  return false;
}

export function tokenize(text: string): Tokens {
  const t: Tokens = { words: [], starts: [], ends: [], sentence: [], sentenceStart: [0], sentenceEnd: [] };
  let prevEnd = 0;
  let s = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    if (t.words.length > 0 && m.index > prevEnd + 1 && breaksSentence(text, prevEnd, m.index)) {
      t.sentenceEnd.push(t.words.length);
      t.sentenceStart.push(t.words.length);
      s++;
    }
    const w = m[0].toLowerCase();
    t.words.push(w.includes('’') ? w.replace(/’/g, "'") : w);
    t.starts.push(m.index);
    t.ends.push(m.index + m[0].length);
    t.sentence.push(s);
    prevEnd = m.index + m[0].length;
  }
  t.sentenceEnd.push(t.words.length);
  return t;
}

export function wordMatches(n: Extract<Node, { k: 'word' }>, w: string): boolean {
  if (n.words.has(w)) return true;
  for (const p of n.prefixes) if (w.startsWith(p)) return true;
  for (const s of n.suffixes) if (w.endsWith(s)) return true;
  return n.test !== undefined && n.test(w);
}

/**
 * Matches node at word i (words before `end` only); calls k with the index after the match and
 * returns true as soon as k accepts. Optional items are tried first with, gaps shortest first.
 */
function m(n: Node, t: Tokens, i: number, end: number, k: (j: number) => boolean): boolean {
  switch (n.k) {
    case 'word':
      return i < end && wordMatches(n, t.words[i]!) && k(i + 1);
    case 'seq':
      return seq(n.items, 0, t, i, end, k);
    case 'alt':
      for (const a of n.alts) if (m(a, t, i, end, k)) return true;
      return false;
    case 'opt':
      return m(n.node, t, i, end, k) || k(i);
    case 'gap':
      for (let g = 0; g <= n.n && i + g <= end; g++) if (k(i + g)) return true;
      return false;
    case 'not':
      return !m(n.node, t, i, end, () => true) && k(i);
  }
}

function seq(items: readonly Node[], x: number, t: Tokens, i: number, end: number, k: (j: number) => boolean): boolean {
  if (x === items.length) return k(i);
  return m(items[x]!, t, i, end, (j) => seq(items, x + 1, t, j, end, k));
}

/**
 * The end (exclusive word index) of a match of n starting at word i, or -1: the first match found,
 * trying optional items with, multi-word alternatives before single words, and gaps shortest first,
 * which is nearly always the natural extent without searching every match.
 */
export function matchAt(n: Node, t: Tokens, i: number, end: number): number {
  let found = -1;
  m(n, t, i, end, (j) => {
    if (j === i) return false;
    found = j;
    return true;
  });
  return found;
}

/** Whether n matches at word i at all (stops at the first match). */
function matchesAt(n: Node, t: Tokens, i: number, end: number): boolean {
  return m(n, t, i, end, (j) => j > i);
}

/** Whether n matches anywhere in words [from, to). */
export function matchIn(n: Node, t: Tokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (matchesAt(n, t, i, to)) return true;
  return false;
}

export interface FirstWords {
  words: Set<string>;
  prefixes: string[];
  suffixes: string[];
  /** true when the first word cannot be known (a token test): try every position */
  any: boolean;
}

/** The words a match of n can begin with, for indexing patterns by trigger word. */
export function firstWords(n: Node, acc: FirstWords = { words: new Set(), prefixes: [], suffixes: [], any: false }): FirstWords {
  nullableFirst(n, acc);
  return acc;
}

/** Adds n's first words to acc; returns whether n can match nothing (so what follows can come first). */
function nullableFirst(n: Node, acc: FirstWords): boolean {
  switch (n.k) {
    case 'word':
      for (const w of n.words) acc.words.add(w);
      acc.prefixes.push(...n.prefixes);
      acc.suffixes.push(...n.suffixes);
      if (n.test) acc.any = true;
      return false;
    case 'seq':
      for (const it of n.items) if (!nullableFirst(it, acc)) return false;
      return true;
    case 'alt': {
      let nullable = false;
      for (const a of n.alts) nullable = nullableFirst(a, acc) || nullable;
      return nullable;
    }
    case 'opt':
      nullableFirst(n.node, acc);
      return true;
    case 'gap':
    case 'not':
      return true;
  }
}
