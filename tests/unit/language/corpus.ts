/** The first wording corpus (written together with the first lexicon): reported separately from the v2 corpus. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WordingCategory, WordingRuleId } from '../../../shared/language';
import { score, type Score } from './score';

const labels: Record<string, WordingCategory | null> = { VB: 'victim-blaming', DL: 'doubt-laden', BS: 'burden-shifting', OK: null };
const ruleOfCategory: Record<WordingCategory, WordingRuleId> = { 'victim-blaming': 'AA-32', 'doubt-laden': 'AA-33', 'burden-shifting': 'AA-24' };

export function loadCorpus(): Array<{ line: number; text: string; expect: WordingCategory | null }> {
  const text = readFileSync(fileURLToPath(new URL('../../fixtures/language/corpus.txt', import.meta.url)), 'utf8');
  return text.split('\n').flatMap((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return [];
    const bar = raw.indexOf('|');
    const label = raw.slice(0, bar);
    if (!(label in labels)) throw new Error(`corpus.txt line ${i + 1}: unknown label ${label}`);
    return [{ line: i + 1, text: raw.slice(bar + 1), expect: labels[label]! }];
  });
}

export function scoreOld(): Score {
  return score(loadCorpus().map((c) => ({ line: c.line, text: c.text, rule: c.expect === null ? null : ruleOfCategory[c.expect] })));
}
