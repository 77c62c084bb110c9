/**
 * The record says what happened: status and stage as of signing, every signer by name, role and
 * time, the manager's review, the warnings open at signing, the decision rather than the
 * presumption on a decided record, one date style, and place and wellbeing kept apart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRecord, signRecord, verifyRecord } from '../../../electron/record/index';
import { countersignRecord } from '../../../electron/record/service';
import { makeSigner } from '../../fixtures/record/signers';
import { makeFixture } from '../../fixtures/record/assessment';
import { pdftotext, plain } from '../../fixtures/record/tools';

const fixture = makeFixture({ evidenceCount: 4, imageCount: 0 });
const now = new Date('2026-02-25T15:30:00Z');
let signedText: string;
let pendingText: string;
let signedPdf: Uint8Array;

beforeAll(async () => {
  const a = structuredClone(fixture.assessment);
  a.signatures = [];
  a.acknowledgedWarnings = [
    { ruleId: 'AA-29', note: 'The interpreter was unavailable for a week; the young person was told why.', byUserId: 'u-hc', byName: 'Hannah Clarke', at: '2026-02-24T10:00:00Z' },
    { ruleId: 'AA-11', note: 'Both sessions were short and the young person asked to go ahead.', byUserId: 'u-hc', byName: 'Hannah Clarke', at: '2026-02-24T10:05:00Z' },
  ];
  // One rule hit twice: one warning in the record, answered by its one note.
  const aa11 = (n: number) => ({ ruleId: 'AA-11', severity: 'warn' as const, title: 'Session soon after arrival', message: `Session ${n} began 10 hours after arrival in the UK.`, remedy: 'Allow rest.', source: 'MA & HT' });
  const context = { ...fixture.context, findings: [...fixture.context.findings, aa11(1), aa11(2)] };
  const signed = await composeRecord(a, context, { now, signing: { name: 'Hannah Clarke', role: 'assessor', at: now } });
  signedPdf = signed;
  signedText = plain(pdftotext(signed)).replace(/\s+/g, ' ');
  const pending = structuredClone(fixture.assessment);
  pending.status = 'in-progress';
  pending.stage = 'analysis';
  delete pending.decision;
  pendingText = plain(pdftotext(await composeRecord(pending, { ...fixture.context, presumption: 'Treated as a child aged 16 (stated age) until a lawful decision' }, { now }))).replace(/\s+/g, ' ');
});

describe('what the record says about itself', () => {
  it('gives the status as of signing and names the signer with role and time, never "In progress"', () => {
    expect(signedText).toContain('Status Decided and signed: signed by Hannah Clarke (assessor) on 25 February 2026, 15:30.');
    expect(signedText).toContain('Stage Sharing the decision');
    expect(signedText).not.toContain('In progress');
    expect(signedText).toMatch(/Signed by Role Signed on \(UK time\) Declaration confirmed on signing Hannah Clarke Assessor 25 February 2026, 15:30 I declare that this record/);
    expect(signedText).toContain('Still to sign when this record was made: Daniel Osei (assessor)');
  });

  it('an unsigned copy says it is not the signed record', () => {
    expect(pendingText).toContain('In progress. Not signed: this copy is not the signed record.');
    expect(pendingText).toContain('Nobody has signed this copy.');
  });

  it('prints the manager review and the warnings open at signing with their notes', () => {
    expect(signedText).toContain('Manager review');
    expect(signedText).toContain('Reasons are clear and cite the evidence.');
    expect(signedText).toContain('Warnings open at signing, and the assessors\u2019 answers');
    expect(signedText).toContain('AA-10: No legal representative attended the sessions. Note recorded: The legal representative was informed of every session');
    expect(signedText).toContain(
      'AA-29: The decision was issued 27 days after first contact, close to the 28-day target. Answered by Hannah Clarke on 24 February 2026, 10:00: The interpreter was unavailable for a week; the young person was told why.',
    );
    expect(pendingText).toContain('AA-29: The decision was issued 27 days after first contact, close to the 28-day target. No note was recorded against it.');
  });

  it('prints a warning hit in several places once, with each occurrence and the one note', () => {
    expect(signedText).toContain(
      'AA-11: found 2 times: (1) Session 1 began 10 hours after arrival in the UK. (2) Session 2 began 10 hours after arrival in the UK. Answered by Hannah Clarke on 24 February 2026, 10:05: Both sessions were short',
    );
    expect(signedText.match(/AA-11:/g)).toHaveLength(1);
  });

  it('shows the presumption only while pending, and the decision once decided', () => {
    expect(pendingText).toContain('Presumption while pending Treated as a child aged 16 (stated age) until a lawful decision');
    expect(signedText).not.toContain('Presumption while pending');
    expect(signedText).toMatch(/Decision Assessed as a child, aged 16 to 17 on 24 February 2026/);
  });

  it('has a "how to verify" panel naming what a reader checks', () => {
    expect(signedText).toContain('11. How to verify this record');
    for (const step of ['1. The signatures', '2. The SHA-256 on every page', '3. The embedded record.json']) expect(signedText).toContain(step);
  });

  it('uses one date style: no ISO dates and no abbreviated months in the text', () => {
    const body = signedText.replace(/[0-9a-f]{64}/g, '');
    expect(body).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(body).not.toMatch(/\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}\b/);
    expect(body).toContain('2016 (as said: \u201cthe year the new school opened\u201d) = between 1 January and 31 December 2016');
  });

  it('keeps place and wellbeing in columns of their own in the sessions table', () => {
    expect(signedText).toMatch(/Date and time Place Wellbeing Present Breaks/);
  });

  it('a later signature says in its own update what it is: the countersignature, the authorisation', async () => {
    const [first, second, manager] = await Promise.all([
      makeSigner('Hannah Clarke', 'assessor', '01'),
      makeSigner('Daniel Osei', 'assessor', '02'),
      makeSigner('Sarah Whitfield', 'manager', '03'),
    ]);
    const once = await signRecord(signedPdf, first, { now });
    const twice = await countersignRecord(once, second, { now: new Date('2026-02-25T16:10:00Z') });
    const thrice = await countersignRecord(twice, manager, { now: new Date('2026-02-26T09:00:00Z') });
    const report = await verifyRecord(thrice);
    expect(report.signatures.map((x) => [x.name, x.reason, x.signedAt?.slice(0, 16)])).toEqual([
      ['Hannah Clarke', 'Signed as assessor', '2026-02-25T15:30'],
      ['Daniel Osei', 'Countersigned as assessor', '2026-02-25T16:10'],
      ['Sarah Whitfield', 'Authorised by the manager', '2026-02-26T09:00'],
    ]);
  });
});
