import type { Finding } from './types';

/** What grouping needs of a finding (the record's findings carry the same fields, some optional). */
type FindingLike = Pick<Finding, 'ruleId' | 'title' | 'message'> & { remedy?: string };

/**
 * One rule's findings together. A rule may be hit several times (AA-11: two sessions soon after
 * arrival, a third in detention), but a warning is acknowledged once per rule (AcknowledgedWarning
 * is keyed by rule id): screens and the record show one warning per rule with its occurrences
 * listed, and one note answers them all.
 */
export interface FindingsOfRule<F extends FindingLike = Finding> {
  ruleId: string;
  title?: string;
  /** The remedies of the occurrences, without repeats (usually the rule's one remedy). */
  remedies: string[];
  /** The occurrences in the order the rule found them. */
  findings: F[];
}

export function findingsByRule<F extends FindingLike>(findings: readonly F[]): Array<FindingsOfRule<F>> {
  const byRule = new Map<string, FindingsOfRule<F>>();
  for (const f of findings) {
    let group = byRule.get(f.ruleId);
    if (!group) {
      group = { ruleId: f.ruleId, title: f.title, remedies: [], findings: [] };
      byRule.set(f.ruleId, group);
    }
    group.findings.push(f);
    if (f.remedy && !group.remedies.includes(f.remedy)) group.remedies.push(f.remedy);
  }
  return [...byRule.values()];
}
