import { describe, expect, it } from 'vitest';
import { checkWording, lexicon, quotedSpans } from '../../../shared/language';

describe('checkWording', () => {
  it('reports offsets, the matched text, category, suggestion, reason and rule', () => {
    const text = 'In session 2 she failed to prove her age.';
    const [f, ...rest] = checkWording(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ text: 'failed to prove her age', category: 'burden-shifting', rule: 'AA-24' });
    expect(text.slice(f!.start, f!.end)).toBe(f!.text);
    expect(f!.suggestion.length).toBeGreaterThan(5);
    expect(f!.reason).toMatch(/burden/);
  });
  it('finds several in one text, in order', () => {
    const f = checkWording('He claims to be 16. He was evasive. She keeps going missing.');
    expect(f.map((x) => x.rule)).toEqual(['AA-33', 'AA-33', 'AA-32']);
    expect(f.map((x) => x.start)).toEqual([...f.map((x) => x.start)].sort((a, b) => a - b));
  });
  it('leaves quoted words alone: straight and curly, double and single', () => {
    expect(checkWording('He said "I was told to say I am 20 because they said I am clearly an adult".')).toEqual([]);
    expect(checkWording('He said “I was evasive with the police”.')).toEqual([]);
    expect(checkWording("The officer wrote 'clearly an adult' on the form.")).toEqual([]);
    expect(checkWording('The officer wrote ‘clearly an adult’ on the form.')).toEqual([]);
  });
  it('treats apostrophes as apostrophes, not quotes', () => {
    // an apostrophe must not open a "quote" that hides the flagged words after it
    expect(checkWording("Semhar's account was clear; the officer's note says she was evasive.")).toHaveLength(1);
    expect(checkWording("The girls' room was shared, and she keeps going missing.")).toHaveLength(1);
    expect(checkWording("He didn't answer; he's clearly an adult, the officer wrote.")).toHaveLength(1);
  });
  it('an unclosed quote does not hide the rest of the text', () => {
    expect(checkWording('He said "we left at night. He was evasive.')).toHaveLength(1);
  });
  it('hard negatives stay clean', () => {
    for (const t of [
      "The young person said 'I am not lying'",
      'She clearly explained the route.',
      'She was confident in her English exam.',
      'The claimed age and the assessed range were compared.',
      'He is at risk from the adults who arranged his journey.',
      'She is involved in the church choir.',
    ]) expect(checkWording(t), t).toEqual([]);
  });
  it('is case-insensitive and respects word boundaries', () => {
    expect(checkWording('ALLEGEDLY he is 16.')).toHaveLength(1);
    expect(checkWording('The reallegedly test')).toEqual([]);
    expect(checkWording('Unassertive and quiet.')).toEqual([]);
  });
  it('empty text', () => {
    expect(checkWording('')).toEqual([]);
  });
});

describe('lexicon', () => {
  it('every entry compiles, has a unique id and says why, what instead, and where from', () => {
    const ids = new Set<string>();
    for (const e of lexicon) {
      expect(() => new RegExp(e.pattern, 'iu')).not.toThrow();
      expect(new RegExp(`${e.pattern}|`, 'iu').exec('')!.length, `${e.id} has a capturing group`).toBe(1);
      expect(ids.has(e.id)).toBe(false);
      ids.add(e.id);
      expect(e.suggestion && e.reason && e.source).toBeTruthy();
      expect({ 'victim-blaming': 'AA-32', 'doubt-laden': 'AA-33', 'burden-shifting': 'AA-24' }[e.category]).toBe(e.rule);
    }
  });
});

describe('quotedSpans', () => {
  it('finds the spans', () => {
    const t = `He said "yes" and 'no', then “maybe”.`;
    expect(quotedSpans(t).map(([s, e]) => t.slice(s, e))).toEqual(['"yes"', "'no'", '“maybe”']);
  });
});
