/**
 * The seven families of wording the checker flags (issue #9), each under one safeguard rule
 * (AA-24 burden, AA-32 victim-blaming, AA-33 doubt-laden), with DOMAIN.md §4 as the source.
 */
export type WordingCategory = 'victim-blaming' | 'doubt-laden' | 'burden-shifting';
export type WordingRuleId = 'AA-24' | 'AA-32' | 'AA-33';
export type WordingFamily = 'agency' | 'risk' | 'label' | 'transaction' | 'disbelief' | 'burden' | 'appearance';

export interface FamilyInfo {
  rule: WordingRuleId;
  category: WordingCategory;
  /** What the note calls it, in plain words. */
  name: string;
}

export const familyInfo: Record<WordingFamily, FamilyInfo> = {
  agency: { rule: 'AA-32', category: 'victim-blaming', name: 'Gives the child agency in their own exploitation' },
  risk: { rule: 'AA-32', category: 'victim-blaming', name: 'Places the risk on the child' },
  label: { rule: 'AA-32', category: 'victim-blaming', name: 'Criminalising or dehumanising label' },
  transaction: { rule: 'AA-32', category: 'victim-blaming', name: 'Describes abuse as a transaction' },
  disbelief: { rule: 'AA-33', category: 'doubt-laden', name: 'Disbelief or doubt' },
  appearance: { rule: 'AA-33', category: 'doubt-laden', name: 'Certainty from appearance' },
  burden: { rule: 'AA-24', category: 'burden-shifting', name: 'Puts a burden of proof on the young person' },
};

export const sources = {
  CSLANG: "Children's Society & NAPAC, Child exploitation and abuse: an appropriate language guide (2024)",
  CSW: 'Complex Safeguarding Wales (Cardiff)',
  YJLC: 'Youth Justice Legal Centre',
  SEWEL: 'Sewel, Language Matters',
  HO: 'Home Office and CSE Taskforce appropriate-language guidance',
  JAY: 'Jay Report (2014); HMICFRS (2023)',
  MERTON: 'R (B) v Merton [2003] EWHC 1689; R (AS) v Kent [2017] UKUT 446',
  CJ: 'R (CJ) v Cardiff [2011] EWCA Civ 1590',
  FZ: 'R (FZ) v Croydon [2011] EWCA Civ 59',
  BF: 'R (B) v Merton [2003]; BF (Eritrea) v SSHD [2021] UKSC 38',
  TVN: 'R (B) v Merton [2003]; TVN v SSHD [2021] EWHC 3019',
} as const;

export const reasons = {
  CHILD_CANNOT_CONSENT: 'A child cannot consent to their own abuse or exploitation; name what the adults did and the coercion.',
  CHILD_BLAME: 'It places responsibility on the child for harm done to them by others.',
  LABEL: 'It labels the child by what was done to them or made of them; describe the exploitation and who did it.',
  TRANSACTION: 'It describes abuse as a trade the child chose; a child cannot sell or exchange sex, they are sexually exploited.',
  OPEN_MIND: 'It signals disbelief before the evidence is weighed; the assessment must keep an open mind and say what was said, its limits and the other evidence.',
  HONESTY: 'It states a conclusion about honesty; record the difference, the young person\'s answer and other explanations (trauma, interpreting, calendars, instructions from traffickers).',
  NO_BURDEN: 'There is no burden of proof on the young person; the assessor weighs all the evidence on the balance of probabilities.',
  APPEARANCE: 'Appearance and demeanour are notoriously unreliable and cannot decide age except in a clear, recorded case.',
} as const;

/** One entry of the lexicon: patterns in the word-pattern language (pattern.ts), and when they count. */
export interface LexiconEntry {
  id: string;
  family: WordingFamily;
  /** Any of these, in the word-pattern language of pattern.ts. */
  patterns: readonly string[];
  /** The sentence must also contain this (context, e.g. an exploiter or drugs near "agreed to"). */
  when?: string;
  /** Not when the sentence contains this (e.g. "life story work"). */
  unless?: string;
  /** Not when this comes in the few words before the match (someone else is the subject; "healthy lifestyle"). */
  notAfter?: string;
  /** Not when a negation (not, never, no, n't) comes just before the match. */
  negatable?: boolean;
  suggestion: string;
  reason: string;
  source: string;
}
