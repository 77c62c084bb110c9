/**
 * The v2 wording corpus (issue #9) and its development/test split. The split is fixed by a hash of
 * each sentence, decided before the checker was tuned: a sentence's side never changes when others
 * are added. Tune only on the development side; the test side is scored, never read for failures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const families = ['AGENCY', 'RISK', 'LABEL', 'TRANSACT', 'DOUBT', 'BURDEN', 'APPEAR'] as const;
export type FamilyLabel = (typeof families)[number];
export const ruleOf: Record<FamilyLabel, 'AA-24' | 'AA-32' | 'AA-33'> = {
  AGENCY: 'AA-32',
  RISK: 'AA-32',
  LABEL: 'AA-32',
  TRANSACT: 'AA-32',
  DOUBT: 'AA-33',
  APPEAR: 'AA-33',
  BURDEN: 'AA-24',
};

export interface Labelled {
  line: number;
  text: string;
  /** null: must not be flagged */
  label: FamilyLabel | null;
  split: 'dev' | 'test';
}

/** FNV-1a, 32 bits, over UTF-16 code units: small, stable, and good enough to scatter sentences. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** About 60 % development, 40 % test. */
export const splitOf = (sentence: string): 'dev' | 'test' => (fnv1a(sentence) % 100 < 60 ? 'dev' : 'test');

export function loadCorpusV2(): Labelled[] {
  const raw = readFileSync(fileURLToPath(new URL('../../fixtures/language/sentences.txt', import.meta.url)), 'utf8');
  return raw.split('\n').flatMap((row, i) => {
    if (row.trim() === '' || row.startsWith('#')) return [];
    const bar = row.indexOf('|');
    const tag = row.slice(0, bar);
    const text = row.slice(bar + 1);
    if (tag !== 'OK' && !(families as readonly string[]).includes(tag)) throw new Error(`sentences.txt line ${i + 1}: unknown label ${tag}`);
    return [{ line: i + 1, text, label: tag === 'OK' ? null : (tag as FamilyLabel), split: splitOf(text) }];
  });
}
