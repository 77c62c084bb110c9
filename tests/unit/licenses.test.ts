/** docs/licenses.md is generated from what ships, and every shipped licence is on its approved list (issue 12.7). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvedFrom, docPath, expressionApproved, licenceProblems, renderDoc, shippedItems } from '../../scripts/gen-licenses';

const doc = readFileSync(docPath, 'utf8');
const approved = approvedFrom(doc);
const items = shippedItems();

describe('licences of what ships', () => {
  it('docs/licenses.md lists exactly the installed production tree, the fonts and the data files (run `npm run licenses`)', () => {
    expect(items.some((i) => i.name === 'better-sqlite3-multiple-ciphers')).toBe(true);
    expect(items.filter((i) => i.kind === 'font').length).toBeGreaterThanOrEqual(4);
    expect(renderDoc(doc, items)).toBe(doc);
  });

  it('every shipped package, font and data file declares a licence on the approved list', () => {
    expect(licenceProblems(items, approved)).toEqual([]);
  });

  it('the check refuses a missing licence, one off the list, and an AND with one part off the list', () => {
    expect(approved.has('MIT')).toBe(true);
    expect(expressionApproved('(MIT OR GPL-3.0-only)', approved)).toBe(true);
    expect(expressionApproved('(MIT AND GPL-3.0-only)', approved)).toBe(false);
    expect(
      licenceProblems(
        [
          { name: 'no-licence', version: '1.0.0', license: '', kind: 'package' },
          { name: 'copyleft', version: '2.0.0', license: 'GPL-3.0-only', kind: 'package' },
          { name: 'fine', version: '1.0.0', license: 'MIT', kind: 'package' },
        ],
        approved,
      ),
    ).toEqual(['no-licence@1.0.0 declares no licence', 'copyleft@2.0.0: GPL-3.0-only is not on the approved list']);
  });
});
