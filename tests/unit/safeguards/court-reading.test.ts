/**
 * Issue #9, deliverable 2: rules that read the record as a court would. Each behaviour has a
 * record that passes and one that fails (rules.test.ts holds the one-mutation failing cases for
 * every rule; this file holds the passing side and the finer points).
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/domain/model';
import { evaluate, observationReliance } from '../../../shared/safeguards';
import { reasonProblem, saysWhy } from '../../../shared/safeguards/reasons';
import { loadAssessment, NOW } from './fixtures';

const findings = (a: Assessment, ruleId: string) => evaluate(a, { now: NOW }).filter((f) => f.ruleId === ruleId);
const interpreter = (a: Assessment) => a.participants.find((p) => p.role === 'interpreter')!;
const adult = (a: Assessment) =>
  Object.assign(a.decision!, { outcome: 'adult', ageLow: 19, ageHigh: 21, dateOfBirth: '2006-01-01', benefitOfDoubt: 'We considered whether any doubt remained about her being over 18 and found none on the evidence.' });

describe('reason quality: one helper for every "because" field', () => {
  const weak = ['Not required', 'N/A', 'n/a.', 'Not needed', 'see above', 'As above.', 'None', 'No', 'Not a full assessment', 'Not required in this case.', 'Manager agreed.', 'Declined', 'Not applicable to this young person'];
  const good = [
    'No Nuer interpreter could be found within four weeks; she speaks good English and chose to continue in English.',
    'She asked for her foster carer instead; the carer is independent of the council and she trusts her.',
    'The documents domain was covered by the Home Office screening papers she gave us, read with her in session 2.',
    'She said X-rays frighten her after what happened in Libya and she does not want to be touched by strangers.',
  ];
  for (const t of weak) it(`"${t}" does not say why`, () => expect(saysWhy(t)).toBe(false));
  for (const t of good) it(`"${t.slice(0, 40)}..." says why`, () => expect(saysWhy(t)).toBe(true));
  it('the finding names the field and quotes the reason', () => {
    expect(reasonProblem('Not required', 'The reason the "breaks" safeguard was not used')!.message).toMatch(/^The reason the "breaks" safeguard was not used \("Not required"\) is too short or generic/);
    expect(reasonProblem('', 'X')!.kind).toBe('missing');
  });
  it('a departure whose reason is generic does not cover a block; one that says why does', () => {
    const a = loadAssessment();
    a.participants = a.participants.filter((p) => p.role !== 'appropriate-adult');
    a.departures = [{ ruleId: 'AA-09', reason: 'Not required for this assessment.', recordedBy: 'X', recordedOn: NOW }];
    const f = findings(a, 'AA-09');
    expect(f.some((x) => x.severity === 'block' && /does not cover/.test(x.message))).toBe(true);
    a.departures = [{ ruleId: 'AA-09', reason: 'No independent appropriate adult could attend within four weeks; her legal representative attended every session instead.', recordedBy: 'X', recordedOn: NOW }];
    expect(findings(a, 'AA-09').every((x) => x.severity === 'warn' && x.departure)).toBe(true);
  });
  it('a safeguard "not used" with a generic reason no longer excuses the rule that needs it', () => {
    const a = loadAssessment();
    a.participants = a.participants.filter((p) => p.role !== 'appropriate-adult');
    a.sessions.forEach((s) => { s.presentParticipantIds = s.presentParticipantIds.filter((id) => id !== 'p-aa'); });
    a.mindedTo!.appropriateAdultPresent = false;
    const i = a.safeguardLog.findIndex((e) => e.safeguard === 'appropriate-adult');
    a.safeguardLog[i] = { ...a.safeguardLog[i]!, used: false, reason: 'Not needed' };
    expect(findings(a, 'AA-09').map((f) => f.severity)).toContain('block');
    a.safeguardLog[i] = { ...a.safeguardLog[i]!, reason: 'She refused an appropriate adult twice and asked for her legal representative, who attended.' };
    expect(findings(a, 'AA-09')).toEqual([]);
  });
});

describe('AA-07: the interpreter against the young person\'s first language and dialect', () => {
  it('the same language and dialect passes, in words or in codes', () => {
    const a = loadAssessment();
    expect(findings(a, 'AA-07')).toEqual([]);
    Object.assign(interpreter(a), { language: 'Tigrigna', languageCode: 'tir', dialect: 'Asmara' });
    expect(findings(a, 'AA-07')).toEqual([]);
  });
  it('another dialect is a blocking finding even with an understanding check in every session', () => {
    const a = loadAssessment();
    expect(a.sessions.every((s) => s.interpreterCheck)).toBe(true);
    interpreter(a).dialect = 'Keren';
    const [f] = findings(a, 'AA-07');
    expect(f).toMatchObject({ severity: 'block', path: 'participants.2.dialect' });
    expect(f!.message).toMatch(/understanding check does not make up/);
  });
  it('Farsi for a Dari speaker is a mismatch (different languages of one macrolanguage)', () => {
    const a = loadAssessment();
    a.youngPerson.languages = [{ language: 'Dari', code: 'prs', dialect: 'Herati', firstLanguage: true }];
    Object.assign(interpreter(a), { language: 'Farsi', languageCode: 'pes', dialect: 'Tehrani' });
    expect(findings(a, 'AA-07')[0]).toMatchObject({ severity: 'block', path: 'participants.2.language' });
    Object.assign(interpreter(a), { language: 'Dari', languageCode: 'prs', dialect: 'Herati Dari' });
    expect(findings(a, 'AA-07')).toEqual([]);
  });
  it('an interpreter recorded only for Arabic, for a Sudanese Arabic speaker, leaves the variety open', () => {
    const a = loadAssessment();
    a.youngPerson.languages = [{ language: 'Sudanese Arabic', code: 'apd', firstLanguage: true }];
    Object.assign(interpreter(a), { language: 'Arabic', languageCode: 'ara', dialect: 'Egyptian' });
    expect(findings(a, 'AA-07')[0]).toMatchObject({ severity: 'block', path: 'participants.2.dialect' });
  });
  it('a mismatch may be departed from with reasons (SB v RBKC: none available)', () => {
    const a = loadAssessment();
    interpreter(a).dialect = 'Keren';
    a.departures = [{ ruleId: 'AA-07', reason: 'No Asmara-dialect interpreter could be booked within three weeks; the Keren interpreter and she confirmed they understood each other on every topic, and she asked to go on.', recordedBy: 'Ruth Adeyemi', recordedOn: NOW }];
    expect(findings(a, 'AA-07').every((f) => f.severity === 'warn' && f.departure)).toBe(true);
  });
  it('a first language not recorded cannot be checked', () => {
    const a = loadAssessment();
    a.youngPerson.languages = [];
    expect(findings(a, 'AA-07').map((f) => f.path)).toContain('youngPerson.languages');
  });
});

describe('AA-18: appearance and demeanour', () => {
  it('only observations for an adult finding: blocking; with a recorded obvious case: a warning', () => {
    const a = loadAssessment();
    adult(a);
    a.decision!.reasons = [{ id: 'r1', text: 'x', evidenceIds: ['ev-appearance'] }];
    expect(findings(a, 'AA-18')[0]!.severity).toBe('block');
    a.reasonForDoubt = { ...a.reasonForDoubt!, obviousCaseWithoutInterview: true, obviousCaseReasons: 'He told the police he was 34 and showed a passport with that date of birth, which he still says is his.' };
    expect(findings(a, 'AA-18')[0]!.severity).toBe('warn');
  });
  it('"main" means more than half the items cited, or the leading reason', () => {
    const a = loadAssessment();
    a.evidence.push({ ...a.evidence.find((e) => e.id === 'ev-appearance')!, id: 'ev-demeanour', kind: 'demeanour', title: 'Demeanour' });
    a.decision!.reasons = [{ id: 'r1', text: 'x', evidenceIds: ['ev-appearance', 'ev-demeanour', 'ev-carer'] }];
    expect(observationReliance(a)).toBe('main');
    a.decision!.reasons = [{ id: 'r1', text: 'x', evidenceIds: ['ev-appearance'] }, { id: 'r2', text: 'y', evidenceIds: ['ev-carer', 'ev-account'] }];
    expect(observationReliance(a)).toBe('main');
    a.decision!.reasons = [{ id: 'r1', text: 'y', evidenceIds: ['ev-carer', 'ev-account'] }, { id: 'r2', text: 'x', evidenceIds: ['ev-appearance'] }];
    expect(observationReliance(a)).toBe('none');
  });
});

describe('AA-26: an older finding engages with what supports the stated age', () => {
  it('citing every supporting item, or rejecting it with reasons, passes', () => {
    const a = loadAssessment();
    adult(a);
    // the compliant reasons cite the account, baptism, carer and tutor; the health view is not cited
    expect(findings(a, 'AA-26').map((f) => f.path)).toEqual(['evidence.7']);
    const health = a.evidence.find((e) => e.id === 'ev-health')!;
    health.rejected = true;
    health.rejectionReasons = 'The GP saw her once for ten minutes and gave no view on age; the letter is about her asthma only.';
    expect(findings(a, 'AA-26')).toEqual([]);
  });
  it('a child finding at the stated age does not need it', () => {
    const a = loadAssessment();
    a.decision!.reasons = [a.decision!.reasons[0]!];
    expect(findings(a, 'AA-26')).toEqual([]);
  });
});

describe('dates', () => {
  it('a Solar Hijri month of birth is a range, and the stated age is checked against it', () => {
    const a = loadAssessment();
    a.youngPerson.statedDateOfBirth = { calendar: 'persian', year: 1389, month: 7, asSaid: 'Mehr 1389', gregorianFrom: '2010-09-23', gregorianTo: '2010-10-22' };
    a.youngPerson.firstContact = '2026-10-01T10:00:00+01:00';
    a.youngPerson.statedAge = 16; // 15 or 16 on that day: consistent
    expect(findings(a, 'AA-40').filter((f) => f.path?.startsWith('youngPerson'))).toEqual([]);
    a.youngPerson.statedAge = 17;
    expect(findings(a, 'AA-40').find((f) => f.path === 'youngPerson.statedAge')!.message).toMatch(/gives 15 or 16/);
  });
  it('the clock-skew allowance: five minutes ahead passes, an hour ahead does not', () => {
    const a = loadAssessment();
    a.review.comments.push({ by: 'Priya Raman', on: '2026-10-02T12:05:00Z', text: 'Seen.', outcome: 'comment' });
    expect(findings(a, 'AA-40')).toEqual([]);
    a.review.comments[a.review.comments.length - 1]!.on = '2026-10-02T13:00:00Z';
    expect(findings(a, 'AA-40')[0]!.path).toMatch(/^review\.comments\.\d+\.on$/);
  });
  it('a timeline event before the stated birth is flagged, not blocked', () => {
    const a = loadAssessment();
    a.timeline.push({ id: 'tl-x', date: { calendar: 'gregory', year: 2004, gregorianFrom: '2004-01-01', gregorianTo: '2004-12-31' }, event: 'Parents married' });
    const f = findings(a, 'AA-40');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warn', path: `timeline.${a.timeline.length - 1}.date` });
  });
});

describe('AA-44: a copy of the decision is given after signing', () => {
  it('before the sharing stage a log saying the copy was given is the plan; from sharing on it must be borne out', () => {
    const a = loadAssessment();
    a.sharing.copies = a.sharing.copies.filter((c) => c.recipient !== 'young-person');
    a.safeguardLog = [...a.safeguardLog.filter((e) => e.safeguard !== 'copy-to-young-person'), { safeguard: 'copy-to-young-person', used: true, recordedOn: NOW }];
    const contradiction = (stage: Assessment['stage']) =>
      evaluate(a, { now: NOW, asAtStage: stage }).filter((f) => f.ruleId === 'AA-44' && /"copy-to-young-person" was used, but the record does not show it/.test(f.message));
    expect(contradiction('decision')).toEqual([]);
    expect(contradiction('sharing')).toHaveLength(1);
  });
});
