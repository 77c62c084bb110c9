import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle';
import { docPath, docWithTable } from '../../../scripts/gen-safeguards-table';

const read = (p: string) => readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8');

describe('docs stay true', () => {
  it('docs/bundle-format.md carries the minimal fixture verbatim, and it parses', () => {
    const doc = read('../../../docs/bundle-format.md');
    const example = doc.slice(doc.indexOf('```json\n') + 8, doc.lastIndexOf('```'));
    expect(example).toBe(read('../../fixtures/bundles/minimal.json'));
    expect(parseBundle(example).ok).toBe(true);
  });
  it('the rule table in docs/safeguards.md matches the rules', () => {
    const doc = readFileSync(docPath, 'utf8');
    expect(doc).toBe(docWithTable(doc));
  });
});
