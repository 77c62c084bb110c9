/**
 * A rule hit in several places is one warning, answered by one note (the check-your-answers screen
 * and the record group with findingsByRule): a real assessment with AA-11 hit in three sessions.
 */
import { describe, expect, it } from 'vitest';
import { findingsByRule } from '../../../shared/safeguards/byRule';
import { openWarnings, unansweredWarnings } from '../../../shared/domain/workflow';
import { Assessment } from '../../../shared/domain/model';

const now = new Date('2026-10-20T12:00:00Z');
const session = (id: string, day: string, extra: object = {}) => ({ id, start: `${day}T10:00:00Z`, end: `${day}T11:00:00Z`, ...extra });

function assessment(): Assessment {
  return Assessment.parse({
    id: 'a1',
    reference: 'AA-TEST-1',
    youngPerson: { id: 'yp', nameLatin: 'Test Person', arrivalInUk: '2026-10-01T06:00:00Z' },
    route: { kind: 'council' },
    stage: 'decision',
    createdOn: '2026-10-01T09:00:00Z',
    updatedOn: '2026-10-01T09:00:00Z',
    // Two sessions within hours of arrival, a third in detention: AA-11 three times.
    sessions: [session('s1', '2026-10-01'), session('s2', '2026-10-02'), session('s3', '2026-10-08', { inDetention: true })],
  });
}

describe('warnings by rule', () => {
  it('groups a rule hit in several sessions into one warning listing each occurrence', () => {
    const open = openWarnings(assessment(), now);
    const aa11 = open.filter((f) => f.ruleId === 'AA-11');
    expect(aa11.length).toBeGreaterThanOrEqual(3);
    const groups = findingsByRule(open);
    expect(groups.filter((g) => g.ruleId === 'AA-11')).toHaveLength(1);
    const g = groups.find((x) => x.ruleId === 'AA-11')!;
    expect(g.findings.map((f) => f.message)).toEqual(aa11.map((f) => f.message));
    expect(g.remedies).toHaveLength(1);
    expect(new Set(groups.map((x) => x.ruleId)).size).toBe(groups.length);
  });

  it('one acknowledgement answers every occurrence of its rule', () => {
    const a = assessment();
    a.acknowledgedWarnings = [{ ruleId: 'AA-11', note: 'The young person asked to go ahead.', byUserId: 'u1', byName: 'A', at: '2026-10-09T10:00:00Z' }];
    expect(unansweredWarnings(a, now).some((f) => f.ruleId === 'AA-11')).toBe(false);
  });
});
