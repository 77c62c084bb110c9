/**
 * Each family on the development side of the v2 corpus: its sentences are flagged under its rule,
 * and the neutral sentences that share its vocabulary are not. Only the development side is used
 * here; the test side is scored once, in corpus.test.ts, and never read for failures.
 */
import { describe, expect, it } from 'vitest';
import { checkWording } from '../../../shared/language';
import { families, loadCorpusV2, ruleOf } from './corpus-v2';

const dev = loadCorpusV2().filter((r) => r.split === 'dev');

/** Development sentences the checker gets wrong on purpose, each with the reason it is left. */
const knownDev: Record<string, string> = {
  "The officer's decision that he was an adult was made at the port on appearance alone.":
    'Reports the port decision as history; "on appearance alone" is flagged wherever it stands, which we prefer to missing an assessor writing it.',
};

describe.each(families)('family %s', (family) => {
  const rows = dev.filter((r) => r.label === family);
  it('has development sentences', () => expect(rows.length).toBeGreaterThanOrEqual(15));
  it.each(rows.map((r) => [r.line, r.text] as const))(`flags line %i under ${ruleOf[family]}`, (_line, text) => {
    expect(checkWording(text).map((f) => f.rule)).toContain(ruleOf[family]);
  });
});

describe('neutral development sentences', () => {
  it.each(dev.filter((r) => r.label === null && !(r.text in knownDev)).map((r) => [r.line, r.text] as const))('line %i is not flagged', (_line, text) => {
    expect(checkWording(text).map((f) => `${f.entryId}: ${f.text}`)).toEqual([]);
  });
  it.each(Object.entries(knownDev))('known exception: %s', (text) => {
    expect(dev.some((r) => r.text === text), 'still in the development set').toBe(true);
    expect(checkWording(text).length).toBeGreaterThan(0);
  });
});
