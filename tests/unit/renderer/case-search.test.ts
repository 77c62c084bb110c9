import { describe, expect, it } from 'vitest';
import { CaseIndex, defaultQuery, fold, needsActionBy, type CaseRow, type Me } from '../../../renderer/src/caselist/caseSearch';
import { stageIndex } from '../../../shared/domain/stages';

const row = (over: Partial<CaseRow> & Pick<CaseRow, 'id' | 'reference' | 'nameLatin'>): CaseRow => ({
  stage: 'interviews',
  status: 'in-progress',
  updatedOn: '2026-11-01T10:00:00Z',
  assessors: [],
  ...over,
});

const ROWS: CaseRow[] = [
  row({ id: '1', reference: 'AA-2026-10', nameLatin: 'Hélène Abraha', nationality: 'Eritrean', nameOwnScript: 'ሄለን አብርሃ', assessors: [{ userId: 'u-ruth', name: 'Ruth Adeyemi' }] }),
  row({ id: '2', reference: 'AA-2026-2', nameLatin: 'Ahmad Karimi', nameOwnScript: 'اَحْمَد کریمی', nationality: 'Afghan', stage: 'decision', status: 'signed', assessors: [{ userId: 'u-ruth', name: 'Ruth Adeyemi' }, { userId: 'u-olu', name: 'Olu Bello' }], waiting: { kind: 'countersign', userIds: ['u-olu'] } }),
  row({ id: '3', reference: 'AA-2026-3', nameLatin: 'Zara Ali', nationality: 'Sudanese', stage: 'sharing', status: 'signed', assessors: [{ userId: 'u-olu', name: 'Olu Bello' }], waiting: { kind: 'authorise', userIds: [] } }),
  row({ id: '4', reference: 'AA-2026-4', nameLatin: 'Mistaken Entry', status: 'withdrawn' }),
];

describe('case list search', () => {
  const index = new CaseIndex(ROWS, stageIndex);
  const me: Me = { userId: 'u-olu', role: 'assessor' };
  const ids = (q: Partial<typeof defaultQuery>, who = me) => index.query({ ...defaultQuery, ...q }, who).map((r) => r.id);

  it('folds case, accents, Arabic short vowels and compatibility forms without tables', () => {
    expect(fold('HÉLÈNE')).toBe('helene');
    expect(fold('اَحْمَد')).toBe('احمد');
    expect(fold('ＡＡ－２０２６')).toBe('aa-2026');
  });

  it('matches names in either script, reference and nationality; every word must match', () => {
    expect(ids({ text: 'helene' })).toEqual(['1']);
    expect(ids({ text: 'احمد' })).toEqual(['2']);
    expect(ids({ text: 'ሄለን' })).toEqual(['1']);
    expect(ids({ text: 'aa-2026-3' })).toEqual(['3']);
    expect(ids({ text: 'afghan karimi' })).toEqual(['2']);
    expect(ids({ text: 'afghan zara' })).toEqual([]);
  });

  it('hides withdrawn cases unless asked for, and filters by stage, status and assessor', () => {
    expect(ids({})).not.toContain('4');
    expect(ids({ status: 'withdrawn' })).toEqual(['4']);
    expect(ids({ stage: 'decision' })).toEqual(['2']);
    expect(ids({ status: 'signed', sort: 'reference', descending: false })).toEqual(['2', '3']);
    expect(ids({ assessor: 'u-ruth', sort: 'reference', descending: false })).toEqual(['2', '1']);
  });

  it('sorts references numerically and stages in their order', () => {
    expect(ids({ sort: 'reference', descending: false })).toEqual(['2', '3', '1']);
    expect(ids({ sort: 'stage', descending: true })).toEqual(['3', '2', '1']);
  });

  it('"needs my action": the countersignature I owe; for a manager, authorisations of cases they did not assess', () => {
    expect(ids({ needsMyAction: true })).toEqual(['2']);
    expect(ids({ needsMyAction: true }, { userId: 'u-priya', role: 'manager' })).toEqual(['3']);
    expect(needsActionBy(ROWS[2]!, { userId: 'u-olu', role: 'manager' })).toBe(false);
  });
});
