/**
 * Wording-checker speed (target: under 2 ms per 1,000 words, for live checking as people type).
 * Run: npx tsx bench/language.ts. Prints ms per 1,000 words and the ratio to the target.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkWording } from '../shared/language/index';

const corpus = readFileSync(fileURLToPath(new URL('../tests/fixtures/language/corpus.txt', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.includes('|') && !l.startsWith('#'))
  .map((l) => l.slice(l.indexOf('|') + 1));
// A realistic report: the corpus sentences as paragraphs, about 5,000 words.
const paragraphs: string[] = [];
for (let i = 0; paragraphs.join(' ').split(/\s+/).length < 5000; i++) paragraphs.push(corpus.slice((i * 5) % corpus.length, ((i * 5) % corpus.length) + 5).join(' '));
const text = paragraphs.join('\n\n');
const words = text.split(/\s+/).filter(Boolean).length;

for (let i = 0; i < 50; i++) checkWording(text); // warm up (JIT, regex compilation)
const runs = 300;
const t0 = performance.now();
let found = 0;
for (let i = 0; i < runs; i++) found += checkWording(text).length;
const ms = (performance.now() - t0) / runs;
const perThousand = (ms / words) * 1000;
console.log(`wording checker: ${words} words, ${found / runs} findings, ${ms.toFixed(3)} ms per check`);
console.log(`  ${perThousand.toFixed(3)} ms per 1,000 words (target < 2 ms; ratio ${(perThousand / 2).toFixed(2)} of the budget)`);
