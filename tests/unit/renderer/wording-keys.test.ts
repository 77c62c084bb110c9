import { describe, expect, it } from 'vitest';
import { keyed } from '../../../renderer/src/components/WordingNotes';
import { checkWording } from '../../../shared/language/index';

describe('wording hints keep their keys while text before them changes (issue 13.3)', () => {
  it('keys by lexicon entry and occurrence, not by character offset', () => {
    const text = 'He claims to be 16. Later he claims to be 15.';
    const before = keyed(checkWording(text)).map(([k]) => k);
    const after = keyed(checkWording(`Some words typed at the start. ${text}`)).map(([k]) => k);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(after).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
  });
});
