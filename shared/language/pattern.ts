/**
 * A small word-pattern language over tokens (modelled on compromise's match syntax, which is too
 * slow to run per keystroke: see docs/decisions/language-01-lemma-patterns.md).
 *
 *   word        that word, case-insensitive; `-` joins words (so-called = "so called", "so-called");
 *               `'` matches ’ too; a trailing `*` matches any ending (`credib*`); `n't` any word ending in n't
 *   {choose}    any form of the verb (choose, chooses, chose, chosen, choosing), from forms.generated.ts
 *   {story/n}   the noun and its plural (story, stories)
 *   {a|b}       any form of either lemma
 *   (a b|c)     one of the alternatives, each a sequence
 *   @name       a named sub-pattern (macros below)
 *   x?          the item is optional
 *   ~3          up to three words of anything (never across a sentence end)
 *   !x          the next words are not x (consumes nothing)
 */
import { wordForms } from './forms.generated';

export type Node =
  | { k: 'word'; words: ReadonlySet<string>; prefixes: readonly string[]; suffixes: readonly string[]; test?: (w: string) => boolean }
  | { k: 'seq'; items: readonly Node[] }
  | { k: 'alt'; alts: readonly Node[] }
  | { k: 'opt'; node: Node }
  | { k: 'gap'; n: number }
  | { k: 'not'; node: Node };

const NUM_WORDS = 'eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty';

/** Named sub-patterns. Those whose value is a function are token tests. */
export const macros: Record<string, string | ((w: string) => boolean)> = {
  refl: '(himself|herself|themselves|themself|themselfs|yourself|oneself)',
  poss: '(his|her|their)',
  pron: '(he|she|they)',
  obj: '(him|her|them)',
  be: "(am|is|are|was|were|be|been|being|'s)",
  num: (w) => /^\d{1,2}$/.test(w) || new RegExp(`^(?:${NUM_WORDS})$`).test(w),
  /** 18 and over: an age that would make the young person an adult */
  adultnum: (w) => (/^\d{2}$/.test(w) && Number(w) >= 18) || /^(?:eighteen|nineteen|twenty|thirty|forty)$/.test(w),
  /** "24-year-old", "24 year old" */
  yearold: '@num year old',
  /** adults or services who may be the subject of an act: then the act is not the child's */
  actor:
    '(men|man|male|males|adult|adults|trafficker|traffickers|smuggler|smugglers|agent|agents|agency|gang|gangs|exploiter|exploiters|perpetrator|perpetrators|abuser|abusers|dealer|dealers|council|authority|panel|manager|team|assessor|assessors|we|police|officer|officers|home office|court|tribunal|school|college|interpreter|carer|carers|staff|social worker|social workers|worker|workers|official|officials)',
};

const parsed = new Map<string, Node>();

/** Compile one pattern (cached). */
export function compilePattern(pattern: string): Node {
  let n = parsed.get(pattern);
  if (!n) parsed.set(pattern, (n = new Parser(pattern).whole()));
  return n;
}

/** Splits a word the way the tokenizer splits text: lower case, ’ as ', hyphens and other marks as breaks. */
export function wordParts(word: string): string[] {
  return word
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^0-9a-z\u00c0-\u024f'*]+/)
    .filter(Boolean);
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  whole(): Node {
    const n = this.alternation();
    if (this.i < this.s.length) this.fail(`unexpected "${this.s[this.i]}"`);
    return n;
  }

  private fail(msg: string): never {
    throw new Error(`wording pattern "${this.s}" at ${this.i}: ${msg}`);
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : mergeAlts(alts);
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      while (this.s[this.i] === ' ') this.i++;
      const c = this.s[this.i];
      if (c === undefined || c === '|' || c === ')') break;
      items.push(this.item());
    }
    if (items.length === 0) this.fail('empty sequence');
    if (items[0]!.k === 'gap') this.fail('a gap cannot come first');
    return items.length === 1 ? items[0]! : { k: 'seq', items };
  }

  private item(): Node {
    const c = this.s[this.i]!;
    if (c === '~') {
      const m = /^~(\d)/.exec(this.s.slice(this.i));
      if (!m) this.fail('~ needs a digit');
      this.i += 2;
      return { k: 'gap', n: Number(m[1]) };
    }
    if (c === '!') {
      this.i++;
      return { k: 'not', node: this.atom() };
    }
    const node = this.atom();
    if (this.s[this.i] === '?') {
      this.i++;
      return { k: 'opt', node };
    }
    return node;
  }

  private atom(): Node {
    const c = this.s[this.i]!;
    if (c === '(') {
      this.i++;
      const n = this.alternation();
      if (this.s[this.i] !== ')') this.fail('missing )');
      this.i++;
      return n;
    }
    if (c === '{') {
      const end = this.s.indexOf('}', this.i);
      if (end < 0) this.fail('missing }');
      const n = lemmaNode(this.s.slice(this.i + 1, end));
      this.i = end + 1;
      return n;
    }
    if (c === '@') {
      const m = /^@(\w+)/.exec(this.s.slice(this.i));
      const body = m ? macros[m[1]!] : undefined;
      if (body === undefined) this.fail('unknown macro');
      this.i += m![0].length;
      return typeof body === 'function' ? { k: 'word', words: new Set(), prefixes: [], suffixes: [], test: body } : compilePattern(body);
    }
    const m = /^[^\s()|{}?~@!]+/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a word');
    this.i += m[0].length;
    return wordNode(m[0]);
  }
}

function single(word: string): Node {
  if (word.endsWith('*')) return { k: 'word', words: new Set(), prefixes: [word.slice(0, -1)], suffixes: [] };
  if (word === "n't") return { k: 'word', words: new Set(), prefixes: [], suffixes: ["n't"] };
  return { k: 'word', words: new Set([word]), prefixes: [], suffixes: [] };
}

function wordNode(raw: string): Node {
  const parts = wordParts(raw);
  if (parts.length === 0) throw new Error(`wording pattern: "${raw}" has no word in it`);
  return parts.length === 1 ? single(parts[0]!) : { k: 'seq', items: parts.map(single) };
}

function lemmaNode(body: string): Node {
  const alts: Node[] = [];
  for (const raw of body.split('|')) {
    const key = raw.trim();
    const forms = wordForms[key];
    if (!forms) throw new Error(`wording pattern: no word forms for {${key}}; run npx tsx scripts/gen-word-forms.ts`);
    for (const f of forms) alts.push(wordNode(f));
  }
  return mergeAlts(alts);
}

/** Alternatives that are single words become one word set: one lookup instead of many. */
function mergeAlts(alts: readonly Node[]): Node {
  const words = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const rest: Node[] = [];
  for (const a of alts) {
    if (a.k === 'word' && !a.test) {
      for (const w of a.words) words.add(w);
      prefixes.push(...a.prefixes);
      suffixes.push(...a.suffixes);
    } else rest.push(a);
  }
  const merged: Node[] = words.size + prefixes.length + suffixes.length > 0 ? [{ k: 'word', words, prefixes, suffixes }] : [];
  const all = [...rest, ...merged]; // sequences first: the longer reading wins
  return all.length === 1 ? all[0]! : { k: 'alt', alts: all };
}

/** Every {lemma} a pattern uses (for the generator). */
export function lemmasIn(pattern: string): string[] {
  const out: string[] = [];
  for (const m of pattern.matchAll(/\{([^}]+)\}/g)) out.push(...m[1]!.split('|').map((x) => x.trim()));
  for (const m of pattern.matchAll(/@(\w+)/g)) {
    const body = macros[m[1]!];
    if (typeof body === 'string') out.push(...lemmasIn(body));
  }
  return out;
}
