/** The generated word forms match what compromise gives for the lexicon today (regenerate with scripts/gen-word-forms.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formsOf, renderWordForms } from '../../../scripts/word-forms';

describe('word forms', () => {
  it('forms.generated.ts is current', () => {
    const onDisk = readFileSync(fileURLToPath(new URL('../../../shared/language/forms.generated.ts', import.meta.url)), 'utf8');
    expect(onDisk).toBe(renderWordForms());
  });
  it('irregular verbs and plurals come from compromise', () => {
    expect(formsOf('choose')).toEqual(['choose', 'chooses', 'choosing', 'chose', 'chosen']);
    expect(formsOf('go')).toContain('went');
    expect(formsOf('lie')).toContain('lying');
    expect(formsOf('story/n')).toEqual(['stories', 'story']);
  });
});
