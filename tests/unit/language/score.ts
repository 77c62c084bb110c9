/** Precision and recall of the wording checker on labelled sentences (a flag counts only under the expected rule). */
import { checkWording, type WordingFamily, type WordingRuleId } from '../../../shared/language';
import { ruleOf, type FamilyLabel, type Labelled } from './corpus-v2';

export interface Score {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** share of the hits whose family was also right (v2 only) */
  familyAgreement: number | null;
  misses: string[];
}

/** A sentence and what it should get: a rule id (and, in the v2 corpus, a family), or nothing. */
export interface Expectation {
  line: number;
  text: string;
  rule: WordingRuleId | null;
  family?: WordingFamily;
}

const familyOf: Record<FamilyLabel, WordingFamily> = { AGENCY: 'agency', RISK: 'risk', LABEL: 'label', TRANSACT: 'transaction', DOUBT: 'disbelief', BURDEN: 'burden', APPEAR: 'appearance' };

export const expectationsV2 = (rows: readonly Labelled[]): Expectation[] =>
  rows.map((r) => ({ line: r.line, text: r.text, rule: r.label === null ? null : ruleOf[r.label], family: r.label === null ? undefined : familyOf[r.label] }));

export function score(rowsOrLabelled: readonly Expectation[] | readonly Labelled[]): Score {
  const rows: readonly Expectation[] = rowsOrLabelled.length > 0 && 'split' in rowsOrLabelled[0]! ? expectationsV2(rowsOrLabelled as Labelled[]) : (rowsOrLabelled as Expectation[]);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let familyHits = 0;
  let familyKnown = 0;
  const misses: string[] = [];
  for (const r of rows) {
    const findings = checkWording(r.text);
    const rules = new Set(findings.map((f) => f.rule));
    if (r.rule === null) {
      if (rules.size > 0) {
        fp++;
        misses.push(`false positive (line ${r.line}) ${findings.map((f) => `${f.entryId}:"${f.text}"`).join(', ')}: ${r.text}`);
      }
    } else if (rules.has(r.rule)) {
      tp++;
      if (r.family) {
        familyKnown++;
        if (findings.some((f) => f.family === r.family)) familyHits++;
      }
    } else {
      fn++;
      if (rules.size > 0) fp++;
      misses.push(`missed ${r.family ?? r.rule} (line ${r.line})${findings.length ? ` [got ${findings.map((f) => f.entryId).join(',')}]` : ''}: ${r.text}`);
    }
  }
  return { n: rows.length, tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), familyAgreement: familyKnown ? familyHits / familyKnown : null, misses };
}

export const fmt = (s: Score) =>
  `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (n ${s.n}, tp ${s.tp}, fp ${s.fp}, fn ${s.fn}${s.familyAgreement === null ? '' : `; family right in ${(s.familyAgreement * 100).toFixed(0)} % of hits`})`;
