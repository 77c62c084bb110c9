/** The word-pattern language the lexicon is written in (shared/language/pattern.ts). */
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../shared/language/pattern';
import { matchAt, tokenize } from '../../../shared/language/matcher';

/** The words matched from the first word of the text, or null. */
function run(pattern: string, text: string): string | null {
  const t = tokenize(text);
  const end = matchAt(compilePattern(pattern), t, 0, t.sentenceEnd[0]!);
  return end < 0 ? null : t.words.slice(0, end).join(' ');
}

describe('word patterns', () => {
  it('{lemma} matches every form of the verb, irregular ones too', () => {
    for (const w of ['choose', 'chooses', 'chose', 'chosen', 'choosing']) expect(run('{choose} to', `${w} to`)).toBe(`${w} to`);
    expect(run('{choose} to', 'chosing to')).toBeNull();
    expect(run('{sell} sex', 'sold sex')).toBe('sold sex');
  });
  it('{noun/n} matches singular and plural', () => {
    expect(run('{offender/n}', 'offenders')).toBe('offenders');
  });
  it('optional items, alternatives and gaps', () => {
    expect(run('put @refl (at|in) risk?', 'put herself at')).toBe('put herself at');
    expect(run('put @refl ~2 risk', 'put himself at serious risk')).toBe('put himself at serious risk');
    expect(run('put @refl ~1 risk', 'put himself at serious risk')).toBeNull();
  });
  it('a hyphen joins words, an apostrophe may be curly, * matches endings, n\'t any negated verb', () => {
    expect(run('so-called', 'so called')).toBe('so called');
    expect(run('so-called', 'so-called')).toBe('so called');
    expect(run("harm's way", 'harm’s way')).toBe("harm's way");
    expect(run('credib*', 'credibility')).toBe('credibility');
    expect(run("n't believed", "wasn't believed")).toBe("wasn't believed");
  });
  it('!x refuses what follows', () => {
    expect(run('{admit} !(to hospital)', 'admitted to hospital')).toBeNull();
    expect(run('{admit} !(to hospital)', 'admitted to having')).toBe('admitted');
  });
  it('never crosses a sentence end', () => {
    expect(run('chose ~3 men', 'chose to stay. The men left.')).toBeNull();
  });
  it('bad patterns fail loudly', () => {
    expect(() => compilePattern('(a|b')).toThrow(/missing \)/);
    expect(() => compilePattern('~2 a')).toThrow(/gap/);
    expect(() => compilePattern('{nosuchlemma}')).toThrow(/no word forms/);
    expect(() => compilePattern('@nosuchmacro')).toThrow(/unknown macro/);
  });
});
