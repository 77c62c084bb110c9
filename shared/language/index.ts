export { checkWording, type WordingFinding } from './check';
export { lexicon, type LexiconEntry, type WordingCategory } from './lexicon';
export { quotedSpans } from './quotes';
