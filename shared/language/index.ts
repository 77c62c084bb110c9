export { checkWording, type WordingFinding } from './check';
export { lexicon, type LexiconEntry, type WordingCategory, type WordingFamily, type WordingRuleId } from './lexicon';
export { familyInfo } from './families';
export { quotedSpans } from './quotes';
