/** The wording checker (AA-24, AA-32, AA-33): flags lexicon wording outside quoted speech. */
import { familyInfo, type LexiconEntry, type WordingCategory, type WordingFamily, type WordingRuleId } from './families';
import { lexicon } from './lexicon';
import { firstWords, matchAt, matchIn, tokenize, type Tokens } from './matcher';
import { compilePattern, type Node } from './pattern';
import { inside, quotedSpans } from './quotes';

export interface WordingFinding {
  start: number;
  end: number;
  text: string;
  /** The old three-way grouping, kept for callers: victim-blaming, doubt-laden, burden-shifting. */
  category: WordingCategory;
  /** Which of the seven families (agency, risk, label, transaction, disbelief, burden, appearance). */
  family: WordingFamily;
  suggestion: string;
  reason: string;
  rule: WordingRuleId;
  source: string;
  entryId: string;
}

interface Compiled {
  entry: LexiconEntry;
  when?: Node;
  unless?: Node;
  notAfter?: Node;
}
type Candidate = readonly [Compiled, Node];

/** A match inside one sentence, by word index from the sentence's first word. */
interface SentenceMatch {
  from: number;
  to: number;
  c: Compiled;
}

interface Index {
  byWord: Map<string, Candidate[]>;
  byPrefix: Array<[string, Candidate]>;
  bySuffix: Array<[string, Candidate]>;
  always: Candidate[];
  /** the candidates for each word seen so far (vocabularies are small; bounded below) */
  memo: Map<string, readonly Candidate[]>;
  /** the matches in each sentence seen so far, by its words (bounded below) */
  sentences: Map<string, readonly SentenceMatch[]>;
}

/** How far back notAfter looks: the subject of the verb is usually within a few words. */
const NOT_AFTER_WORDS = 6;
/** A new subject between an actor and the match means the match is someone else's act again. */
const SUBJECT = new Set(['he', 'she', 'they', 'i', 'that', 'who']);
const NEGATION = new Set(['not', 'never', 'no', 'cannot']);
const MEMO_LIMIT = 20000;
const SENTENCE_LIMIT = 20000;

const cache = new WeakMap<readonly LexiconEntry[], Index>();

function buildIndex(entries: readonly LexiconEntry[]): Index {
  const ix: Index = { byWord: new Map(), byPrefix: [], bySuffix: [], always: [], memo: new Map(), sentences: new Map() };
  for (const entry of entries) {
    const c: Compiled = {
      entry,
      when: entry.when === undefined ? undefined : compilePattern(entry.when),
      unless: entry.unless === undefined ? undefined : compilePattern(entry.unless),
      notAfter: entry.notAfter === undefined ? undefined : compilePattern(entry.notAfter),
    };
    for (const p of entry.patterns) {
      const node = compilePattern(p);
      const cand: Candidate = [c, node];
      const first = firstWords(node);
      if (first.any) ix.always.push(cand);
      for (const w of first.words) {
        const list = ix.byWord.get(w);
        if (list) list.push(cand);
        else ix.byWord.set(w, [cand]);
      }
      for (const pre of first.prefixes) ix.byPrefix.push([pre, cand]);
      for (const suf of first.suffixes) ix.bySuffix.push([suf, cand]);
    }
  }
  return ix;
}

/** The patterns that can begin at word w, each once. */
function candidatesFor(ix: Index, w: string): readonly Candidate[] {
  const hit = ix.memo.get(w);
  if (hit) return hit;
  const set = new Set<Candidate>(ix.byWord.get(w));
  for (const [pre, cand] of ix.byPrefix) if (w.startsWith(pre)) set.add(cand);
  for (const [suf, cand] of ix.bySuffix) if (w.endsWith(suf)) set.add(cand);
  for (const cand of ix.always) set.add(cand);
  const list = [...set];
  if (ix.memo.size >= MEMO_LIMIT) ix.memo.clear();
  ix.memo.set(w, list);
  return list;
}

export function checkWording(text: string, entries: readonly LexiconEntry[] = lexicon): WordingFinding[] {
  if (text.length === 0) return [];
  let ix = cache.get(entries);
  if (!ix) cache.set(entries, (ix = buildIndex(entries)));
  const t = tokenize(text);
  let quotes: ReturnType<typeof quotedSpans> | undefined;
  const found: WordingFinding[] = [];
  for (let s = 0; s < t.sentenceStart.length; s++) {
    const ss = t.sentenceStart[s]!;
    const se = t.sentenceEnd[s]!;
    if (ss === se) continue;
    for (const { from, to, c } of sentenceMatches(ix, t, ss, se)) {
      const start = t.starts[ss + from]!;
      const stop = t.ends[ss + to - 1]!;
      // Quoted speech can run across sentences, so it is judged on the whole text, after.
      quotes ??= quotedSpans(text);
      if (inside(quotes, start, stop)) continue;
      const e = c.entry;
      const info = familyInfo[e.family];
      found.push({ start, end: stop, text: text.slice(start, stop), category: info.category, family: e.family, suggestion: e.suggestion, reason: e.reason, rule: info.rule, source: e.source, entryId: e.id });
    }
  }
  return dedupe(found);
}

/**
 * The matches in words [ss, se), one sentence. No pattern, negation, actor or condition looks
 * outside its sentence, so they depend on the sentence's words alone, and a sentence met before
 * is not matched again: a keystroke in a 5,000-word text re-matches only the sentence it is in
 * (issue 13.3: the whole text was matched on every keystroke).
 */
function sentenceMatches(ix: Index, t: Tokens, ss: number, se: number): readonly SentenceMatch[] {
  const key = t.words.slice(ss, se).join(' ');
  const hit = ix.sentences.get(key);
  if (hit) return hit;
  const out: SentenceMatch[] = [];
  for (let i = ss; i < se; i++) {
    const cands = candidatesFor(ix, t.words[i]!);
    for (const [c, node] of cands) {
      const end = matchAt(node, t, i, se);
      if (end < 0) continue;
      if (c.entry.negatable && negated(t, i, ss)) continue;
      if (c.notAfter && actorBefore(c.notAfter, t, i, ss)) continue;
      if (c.when && !matchIn(c.when, t, ss, se)) continue;
      if (c.unless && matchIn(c.unless, t, ss, se)) continue;
      out.push({ from: i - ss, to: end - ss, c });
    }
  }
  if (ix.sentences.size >= SENTENCE_LIMIT) ix.sentences.clear();
  ix.sentences.set(key, out);
  return out;
}

/** "did not choose", "never really agreed", "no burden": a negation one or two words before. */
function negated(t: Tokens, i: number, ss: number): boolean {
  for (let j = Math.max(ss, i - 2); j < i; j++) {
    const w = t.words[j]!;
    if (NEGATION.has(w) || w.endsWith("n't")) return true;
  }
  return false;
}

/** notAfter matched in the few words before, with no new subject between it and the match. */
function actorBefore(node: Node, t: Tokens, i: number, ss: number): boolean {
  for (let p = Math.max(ss, i - NOT_AFTER_WORDS); p < i; p++) {
    const e = matchAt(node, t, p, i);
    if (e < 0) continue;
    let clear = true;
    for (let j = e; j < i; j++) if (SUBJECT.has(t.words[j]!)) clear = false;
    if (clear) return true;
  }
  return false;
}

/**
 * One finding per stretch of text and rule: overlapping matches of the same rule keep the first,
 * longest. In start order, a match overlaps one kept before it exactly when it starts before the
 * furthest end kept for its rule (one pass, not a search of everything kept).
 */
function dedupe(found: WordingFinding[]): WordingFinding[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const reach = new Map<string, number>();
  const out: WordingFinding[] = [];
  for (const f of found) {
    const far = reach.get(f.rule) ?? -1;
    if (f.start < far) continue;
    out.push(f);
    reach.set(f.rule, Math.max(far, f.end));
  }
  return out;
}
