/**
 * The wording lexicon (AA-24, AA-32, AA-33): data, not code. Each entry is written in the
 * word-pattern language of pattern.ts (lemmas, alternatives, optional words, gaps), one file per
 * family under lexicon/. Sources: DOMAIN.md §4 (Children's Society & NAPAC appropriate language guide
 * 2024; Home Office and CSE Taskforce guidance; Complex Safeguarding Wales; YJLC; Sewel, Language
 * Matters) and, for disbelief, burden and appearance, the case law (Merton, CJ, FZ, AS, BF), which is
 * not a published list.
 */
import type { LexiconEntry } from './families';
import { agency } from './lexicon/agency';
import { risk } from './lexicon/risk';
import { labels } from './lexicon/labels';
import { transaction } from './lexicon/transaction';
import { disbelief } from './lexicon/disbelief';
import { burden } from './lexicon/burden';
import { appearance } from './lexicon/appearance';

export type { LexiconEntry, WordingCategory, WordingFamily, WordingRuleId } from './families';

export const lexicon: readonly LexiconEntry[] = [...agency, ...risk, ...labels, ...transaction, ...disbelief, ...burden, ...appearance];
