/** The wording checker (AA-24, AA-32, AA-33): flags wording from the lexicon, outside quoted speech. */
import { lexicon, type LexiconEntry, type WordingCategory } from './lexicon';
import { inside, quotedSpans } from './quotes';

export interface WordingFinding {
  start: number;
  end: number;
  text: string;
  category: WordingCategory;
  suggestion: string;
  reason: string;
  rule: LexiconEntry['rule'];
  source: string;
  entryId: string;
}

interface Compiled {
  regex: RegExp;
  entries: readonly LexiconEntry[];
}

let compiled: Compiled | undefined;

/** One alternation with a named group per entry: a single pass over the text. */
function compile(entries: readonly LexiconEntry[]): Compiled {
  const alternatives = entries.map((e, i) => `(?<e${i}>${e.pattern})`);
  return { regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), entries };
}

export function checkWording(text: string, entries: readonly LexiconEntry[] = lexicon): WordingFinding[] {
  const c = entries === lexicon ? (compiled ??= compile(lexicon)) : compile(entries);
  const findings: WordingFinding[] = [];
  if (text.length === 0) return findings;
  let spans: ReturnType<typeof quotedSpans> | undefined;
  c.regex.lastIndex = 0;
  for (let m = c.regex.exec(text); m !== null; m = c.regex.exec(text)) {
    if (m[0].length === 0) {
      c.regex.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    spans ??= quotedSpans(text);
    if (inside(spans, start, end)) continue;
    const groups = m.groups!;
    let idx = 0;
    while (groups[`e${idx}`] === undefined) idx++;
    const e = c.entries[idx]!;
    findings.push({ start, end, text: m[0], category: e.category, suggestion: e.suggestion, reason: e.reason, rule: e.rule, source: e.source, entryId: e.id });
  }
  return findings;
}
