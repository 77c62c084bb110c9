import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWording, familyInfo, lexicon, quotedSpans } from '../../../shared/language';

describe('checkWording', () => {
  it('reports offsets, the matched text, category, family, suggestion, reason and rule', () => {
    const text = 'In session 2 she failed to prove her age.';
    const [f, ...rest] = checkWording(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ text: 'failed to prove her age', category: 'burden-shifting', family: 'burden', rule: 'AA-24' });
    expect(text.slice(f!.start, f!.end)).toBe(f!.text);
    expect(f!.suggestion.length).toBeGreaterThan(5);
    expect(f!.reason).toMatch(/burden/);
    expect(f!.source).toMatch(/CJ/);
  });
  it('finds several in one text, in order', () => {
    const f = checkWording('He claims to be 16. He was evasive. She keeps going missing.');
    expect(f.map((x) => x.rule)).toEqual(['AA-33', 'AA-33', 'AA-32']);
    expect(f.map((x) => x.start)).toEqual([...f.map((x) => x.start)].sort((a, b) => a - b));
  });
  it('matches lemmas: other tenses and forms of a listed verb', () => {
    for (const t of ['She chose to go with the men.', 'She has chosen to go with the men.', 'She chooses to go with the men.', 'She was choosing to go with the men.'])
      expect(checkWording(t).map((f) => f.family), t).toEqual(['agency']);
  });
  it('matches any pronoun and words in between', () => {
    for (const t of ['He put himself at risk.', 'She puts herself at serious risk.', 'They were putting themselves in real danger.', 'He has placed himself, again, at risk of harm.'])
      expect(checkWording(t).map((f) => f.family), t).toEqual(['risk']);
  });
  it('negation and another subject turn agency wording off', () => {
    expect(checkWording('He did not choose to go with the men.')).toEqual([]);
    expect(checkWording('The men decided where she would work.')).toEqual([]);
    expect(checkWording('The traffickers chose the house she was held in.')).toEqual([]);
    expect(checkWording('The police report says that she agreed to carry the drugs.').map((f) => f.family)).toEqual(['agency']);
  });
  it('leaves quoted words alone: straight, curly, single, guillemets', () => {
    expect(checkWording('He said "I was told to say I am 20 because they said I am clearly an adult".')).toEqual([]);
    expect(checkWording('He said “I was evasive with the police”.')).toEqual([]);
    expect(checkWording("The officer wrote 'clearly an adult' on the form.")).toEqual([]);
    expect(checkWording('The officer wrote ‘clearly an adult’ on the form.')).toEqual([]);
    expect(checkWording('Il a dit «I chose to go with the men».')).toEqual([]);
    // the words outside the quotes are still checked
    expect(checkWording('She said "I am 15" but she is clearly an adult.')).toHaveLength(1);
  });
  it('treats apostrophes as apostrophes, not quotes', () => {
    expect(checkWording("Semhar's account was clear; the officer's note says she was evasive.")).toHaveLength(1);
    expect(checkWording("The girls' room was shared, and she keeps going missing.")).toHaveLength(1);
    expect(checkWording("He didn't answer; he's clearly an adult, the officer wrote.")).toHaveLength(1);
  });
  it('an unclosed quote does not hide the rest of the text', () => {
    expect(checkWording('He said "we left at night. He was evasive.')).toHaveLength(1);
  });
  it('keeps the technical terms and neutral uses of shared words', () => {
    for (const t of [
      "The young person said 'I am not lying'",
      'She clearly explained the route.',
      'She was confident in her English exam.',
      'The claimed age and the assessed range were compared.',
      'He is an age-disputed person under the 2022 Act.',
      'His asylum claim was lodged in May.',
      'The life story work session went well.',
      'He is at risk from the adults who arranged his journey.',
      'The risk assessment was updated.',
      'She is involved in the church choir.',
      'The agency decided to refer him to the NRM.',
      'He chose the vegetarian option.',
      'He was admitted to hospital.',
      'He was lying on the sofa.',
      "Mr X's account of the journey was detailed.",
      'There is no burden of proof on the young person.',
    ])
      expect(checkWording(t), t).toEqual([]);
  });
  it('is case-insensitive and respects word boundaries', () => {
    expect(checkWording('ALLEGEDLY he is 16.')).toHaveLength(1);
    expect(checkWording('The reallegedly test')).toEqual([]);
    expect(checkWording('Unassertive and quiet.')).toEqual([]);
  });
  it('a sentence end stops a pattern', () => {
    expect(checkWording('She chose to stay. The men were arrested.')).toEqual([]);
  });
  it('empty text', () => {
    expect(checkWording('')).toEqual([]);
  });
});

describe('lexicon', () => {
  it('every entry has a unique id, a known family, patterns, and says why, what instead, and where from', () => {
    const ids = new Set<string>();
    for (const e of lexicon) {
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      expect(familyInfo[e.family], e.id).toBeDefined();
      expect(e.patterns.length, e.id).toBeGreaterThan(0);
      expect(e.suggestion && e.reason && e.source, e.id).toBeTruthy();
    }
  });
  it('every family has entries, and the families map onto AA-24, AA-32 and AA-33', () => {
    for (const family of Object.keys(familyInfo)) expect(lexicon.some((e) => e.family === family), family).toBe(true);
    expect(new Set(Object.values(familyInfo).map((f) => f.rule))).toEqual(new Set(['AA-24', 'AA-32', 'AA-33']));
  });
});

describe('quotedSpans', () => {
  it('finds the spans', () => {
    const t = `He said "yes" and 'no', then “maybe” and «peut-être».`;
    expect(quotedSpans(t).map(([s, e]) => t.slice(s, e))).toEqual(['"yes"', "'no'", '“maybe”', '«peut-être»']);
  });
});

describe('checkWording on a text being edited (matches kept per sentence)', () => {
  it('finds exactly what a first look finds, wherever the text changes', () => {
    const sentences = readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'language', 'sentences.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('|') && !l.startsWith('#'))
      .map((l) => l.slice(l.indexOf('|') + 1));
    let text = sentences.slice(0, 120).join(' ');
    checkWording(text);
    // Edits that split, join, quote and unquote sentences, at the start, middle and end.
    const edits: Array<(t: string) => string> = [
      (t) => `x${t}`,
      (t) => t.slice(0, 200) + '. ' + t.slice(200),
      (t) => t.replace('. ', ' '),
      (t) => t.slice(0, t.length / 2) + ' "' + t.slice(t.length / 2, t.length / 2 + 300) + '" ' + t.slice(t.length / 2 + 300),
      (t) => t.replace(' "', ' '),
      (t) => `${t} She was not evasive; he claims to be 16.`,
      (t) => t.slice(0, -10),
      (t) => `${t}. He is clearly an adult.`,
      (t) => t.replace(/adult\.$/, 'apple.'),
    ];
    for (const edit of edits) {
      text = edit(text);
      // A copy of the lexicon has its own, empty memo: a first look.
      expect(checkWording(text)).toEqual(checkWording(text, [...lexicon]));
    }
  });
});
