/** Precision and recall of the wording checker on a corpus of report sentences (fails below 0.9). */
import { describe, expect, it } from 'vitest';
import { checkWording } from '../../../shared/language';
import { loadCorpus } from './corpus';

describe('wording corpus', () => {
  const corpus = loadCorpus();
  it('has at least 300 sentences, about half of them to be flagged', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const flagged = corpus.filter((c) => c.expect !== null).length;
    expect(flagged / corpus.length).toBeGreaterThan(0.4);
    expect(flagged / corpus.length).toBeLessThan(0.6);
  });
  it('precision and recall are at least 0.9 (a flag counts only in the expected category)', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const c of corpus) {
      const cats = new Set(checkWording(c.text).map((f) => f.category));
      if (c.expect === null) {
        if (cats.size > 0) {
          fp++;
          misses.push(`false positive (line ${c.line}): ${c.text}`);
        }
      } else if (cats.has(c.expect)) tp++;
      else {
        fn++;
        if (cats.size > 0) fp++;
        misses.push(`missed ${c.expect} (line ${c.line}): ${c.text}`);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`wording corpus: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    if (misses.length) console.log(misses.join('\n'));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
