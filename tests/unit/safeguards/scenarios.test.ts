/** DOMAIN.md §3 failure patterns, each caught by the right rules; gates, departures and the presumption. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, presumption, stageGate } from '../../../shared/safeguards';
import { loadAssessment, NOW } from './fixtures';

const ids = (name: string) => {
  const f = evaluate(loadAssessment(name), { now: NOW });
  return { all: new Set(f.map((x) => x.ruleId)), blocking: new Set(f.filter((x) => x.severity === 'block').map((x) => x.ruleId)) };
};

describe('scenario bundles', () => {
  it('compliant: no blocking finding, and every stage gate open', () => {
    const a = loadAssessment();
    expect(ids('compliant.json').blocking.size).toBe(0);
    for (const s of ['before-you-start', 'planning', 'explaining', 'interviews', 'analysis', 'minded-to', 'decision', 'sharing'] as const) {
      expect(stageGate(a, s, { now: NOW }).missing, s).toEqual([]);
    }
  });
  it('same-day 40-minute interview without an appropriate adult (MA & HT)', () => {
    const r = ids('same-day-interview.json');
    expect([...r.blocking]).toEqual(expect.arrayContaining(['AA-09', 'AA-02']));
    expect([...r.all]).toEqual(expect.arrayContaining(['AA-11', 'AA-14']));
    // and the decision cannot be reached without a minded-to step
    const gate = stageGate(loadAssessment('same-day-interview.json'), 'decision', { now: NOW });
    expect(gate.ok).toBe(false);
    expect(gate.missing.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['AA-09', 'AA-22', 'AA-44']));
  });
  it('decision resting on "mature features" and demeanour (FZ)', () => {
    const r = ids('mature-features.json');
    expect([...r.all]).toEqual(expect.arrayContaining(['AA-18', 'AA-19', 'AA-33']));
  });
  it('adverse points never put (HAM v Brent)', () => {
    const r = ids('adverse-points-not-put.json');
    expect([...r.blocking]).toEqual(expect.arrayContaining(['AA-20', 'AA-22']));
  });
  it('documents ignored without reasons (AE v Croydon)', () => {
    const r = ids('documents-ignored.json');
    expect([...r.blocking]).toEqual(expect.arrayContaining(['AA-16', 'AA-17']));
  });
  it('burden-of-proof wording (CJ v Cardiff)', () => {
    const f = evaluate(loadAssessment('burden-of-proof.json'), { now: NOW }).filter((x) => x.ruleId === 'AA-24');
    expect(f.map((x) => x.path)).toEqual(expect.arrayContaining(['analysis', 'decision.reasons.0.text']));
    expect(f.length).toBeGreaterThanOrEqual(4);
  });
});

describe('AA-18 is computed from evidence kinds, not words', () => {
  it('reasons that mention appearance but cite the account are not flagged', () => {
    const a = loadAssessment();
    a.decision!.reasons = [{ id: 'r1', text: 'Her appearance, mature features and demeanour were noted but carry no weight.', evidenceIds: ['ev-account', 'ev-carer'] }];
    expect(evaluate(a, { now: NOW }).filter((f) => f.ruleId === 'AA-18')).toEqual([]);
  });
  it('neutral words citing only observations are flagged', () => {
    const a = loadAssessment();
    a.decision!.reasons = [{ id: 'r1', text: 'Taking everything into account.', evidenceIds: ['ev-appearance'] }];
    expect(evaluate(a, { now: NOW }).filter((f) => f.ruleId === 'AA-18')).toHaveLength(1);
  });
});

describe('departures (HAM v Brent)', () => {
  it('a recorded departure turns a departable block into a recorded departure', () => {
    const a = loadAssessment();
    a.participants = a.participants.filter((p) => p.role !== 'appropriate-adult');
    const dep = { ruleId: 'AA-09', reason: 'No independent appropriate adult available within 4 weeks; SB spoke through a trusted carer; legal representative present.', recordedBy: 'Ruth Adeyemi', recordedOn: '2026-09-07T10:00:00+01:00' };
    expect(evaluate(a, { now: NOW }).some((f) => f.ruleId === 'AA-09' && f.severity === 'block')).toBe(true);
    a.departures = [dep];
    const f = evaluate(a, { now: NOW }).filter((x) => x.ruleId === 'AA-09');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'warn' && x.departure?.reason === dep.reason)).toBe(true);
    const gate = stageGate(a, 'interviews', { now: NOW });
    expect(gate.missing.filter((x) => x.ruleId === 'AA-09')).toEqual([]);
    expect(gate.departures.map((x) => x.ruleId)).toContain('AA-09');
  });
  it('a departure cannot cover a rule the law allows no departure from', () => {
    const a = loadAssessment();
    Object.assign(a.decision!, { outcome: 'adult', ageLow: 17, ageHigh: 20, dateOfBirth: '2007-09-01', benefitOfDoubt: 'Considered.' });
    a.departures = [{ ruleId: 'AA-23', reason: 'Manager agreed.', recordedBy: 'X', recordedOn: NOW }];
    const f = evaluate(a, { now: NOW }).filter((x) => x.ruleId === 'AA-23');
    expect(f[0]!.severity).toBe('block');
    expect(f[0]!.departure).toBeUndefined();
    expect(f[0]!.message).toMatch(/cannot cover/);
  });
});

describe('stage gates say what is missing and where', () => {
  it('a new assessment cannot start without a reason for doubt', () => {
    const a = loadAssessment();
    a.reasonForDoubt = undefined;
    const g = stageGate(a, 'before-you-start', { now: NOW });
    expect(g.ok).toBe(false);
    expect(g.missing[0]).toMatchObject({ ruleId: 'AA-01', path: 'reasonForDoubt.text' });
  });
  it('interviews cannot start before consent is recorded', () => {
    const a = loadAssessment();
    a.consent = {};
    const g = stageGate(a, 'interviews', { now: NOW });
    expect(g.missing.map((f) => f.path)).toEqual(expect.arrayContaining(['consent.toTakePart', 'consent.toShareInformation']));
    // an earlier stage does not require it
    expect(stageGate(a, 'explaining', { now: NOW }).ok).toBe(true);
  });
  it('sharing needs a decision', () => {
    const a = loadAssessment();
    a.decision = undefined;
    expect(stageGate(a, 'sharing', { now: NOW }).missing.some((f) => f.ruleId === 'AA-23' && f.path === 'decision')).toBe(true);
  });
});

describe('presumption', () => {
  it('stated age until a decision', () => {
    const a = loadAssessment();
    a.decision = undefined;
    a.status = 'in-progress';
    a.trafficking = { indicators: [], s51PresumptionApplied: false, screenedOn: '2026-09-02' };
    expect(presumption(a, NOW)).toMatchObject({ kind: 'stated-age', age: 16, status: 'Treated as a child aged 16 (stated age) until a lawful decision' });
  });
  it('s.51 with prompts where trafficking indicators exist', () => {
    const a = loadAssessment();
    a.decision = undefined;
    a.status = 'in-progress';
    a.trafficking.nrmReferral = undefined;
    a.trafficking.missingFromCarePlan = undefined;
    const p = presumption(a, NOW);
    expect(p.kind).toBe('s51');
    expect(p.status).toMatch(/s\.51/);
    expect(p.prompts.join(' ')).toMatch(/National Referral Mechanism/);
    expect(p.prompts.join(' ')).toMatch(/missing-from-care/);
  });
  it('the decision once decided', () => {
    expect(presumption(loadAssessment(), NOW)).toMatchObject({ kind: 'decided', age: 16 });
  });
  it('age from a stated date of birth when no age is given', () => {
    const a = loadAssessment();
    a.decision = undefined;
    a.status = 'draft';
    a.youngPerson.statedAge = undefined;
    expect(presumption(a, '2026-01-17T12:00:00Z').age).toBe(15);
    expect(presumption(a, '2026-01-18T12:00:00Z').age).toBe(16);
  });
});

describe('AA-23 benefit of the doubt (property)', () => {
  it('an adult outcome is blocked whenever the range reaches below 18; a child outcome never is for the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 30 }), fc.integer({ min: 0, max: 8 }), fc.constantFrom('child', 'adult'), (low, width, outcome) => {
        const a = loadAssessment();
        Object.assign(a.decision!, { outcome, ageLow: low, ageHigh: low + width, benefitOfDoubt: 'Doubt resolved in favour of the young person where it remained.' });
        const f = evaluate(a, { now: NOW }).filter((x) => x.ruleId === 'AA-23' && x.path === 'decision.outcome');
        expect(f.length > 0).toBe(outcome === 'adult' && low < 18);
      }),
      { numRuns: 200 },
    );
  });
});

describe('presumption for an adult claimant who may be a child', () => {
  it('does not call a stated adult a child', () => {
    const a = loadAssessment();
    a.decision = undefined;
    a.status = 'in-progress';
    a.trafficking = { indicators: [], s51PresumptionApplied: false };
    a.youngPerson.statedAge = 19;
    expect(presumption(a, NOW).status).toBe('Stated age 19: an adult claimant whose age is being assessed');
    // trafficking indicators still bring the s.51 presumption (may be under 18)
    a.trafficking.indicators = [{ id: 't', indicator: 'scripted account, told to claim adulthood' }];
    expect(presumption(a, NOW).kind).toBe('s51');
  });
});

describe('the engine fails closed', () => {
  it('a rule that throws becomes a blocking finding that says why', () => {
    const broken = { id: 'AA-99', severity: 'warn' as const, title: 'test', source: 'test', remedy: 'x', departable: true, check: () => { throw new Error('bad date'); } };
    const a = loadAssessment();
    a.departures = [{ ruleId: 'AA-99', reason: 'should not matter', recordedBy: 'x', recordedOn: NOW }];
    const [f] = evaluate(a, { now: NOW }, [broken]);
    expect(f).toMatchObject({ ruleId: 'AA-99', severity: 'block' });
    expect(f!.message).toMatch(/could not be checked: bad date/);
    expect(f!.departure).toBeUndefined();
  });
});
