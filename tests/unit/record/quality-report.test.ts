/**
 * The quality report as a PDF (issue 14 item 6): composed with the record's machinery, then read
 * back by poppler (pdftotext, pdffonts, pdfdetach) and qpdf, as a manager's PDF reader would.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReport } from '../../../electron/record/index';
import { qualityReportDocument } from '../../../electron/api/quality-report';
import { QualityFiguresSchema, type QualityFigures } from '../../../shared/contract/quality';

const group = (group: string, label: string, n: number, adult: number, ci95: [number, number]) => ({
  group,
  label,
  n,
  adult,
  adultShare: adult / n,
  ci95,
  withMissingSafeguard: 1,
  missingShare: 1 / n,
  missingCi95: [0.02, 0.5] as [number, number],
});

// Figures as the quality.figures channel answers them (validated against its schema).
const figures: QualityFigures = QualityFiguresSchema.parse({
  period: { since: '2026-01-01', until: '2026-12-31' },
  assessors: ['Ruth Adeyemi'],
  assessments: 17,
  outcomes: { child: 9, adult: 8 },
  outcomeDetail: { statedAgeAccepted: 6, olderButChild: 3, adult: 8 },
  medianDaysToDecision: 21.5,
  p90DaysToDecision: 40,
  overDecisionThreshold: { thresholdDays: 28, n: 4 },
  safeguards: [
    { ruleId: 'AA-20', title: 'Adverse points put to the young person', met: 12, departed: 1, missing: 4 },
    { ruleId: 'AA-22', title: 'Minded-to step before the decision', met: 15, departed: 2, missing: 0 },
  ],
  mindedTo: { held: 15, notHeldWithReason: 2, notRecorded: 0 },
  interpreterPresent: 16,
  appropriateAdultPresent: 11,
  wording: { findings: 7, words: 35000, per1000Words: 0.2 },
  trafficking: { withIndicators: 5, nrmReferrals: 4 },
  reassessment: { reassessed: 2, overturned: 1, reasons: [
      { kind: 'reassessed', reason: 'a tribunal or court judgment', n: 2 },
      { kind: 'overturned', reason: 'The tribunal accepted the school certificate as reliable.', n: 1 },
    ] },
  disparity: {
    nationality: [group('ER', 'Eritrea', 7, 6, [0.49, 0.97]), group('AF', 'Afghanistan', 6, 1, [0.03, 0.56]), { group: 'suppressed', n: 4, groups: 2 }],
    firstLanguage: [group('tir', 'Tigrinya', 7, 6, [0.49, 0.97]), { group: 'suppressed', n: 10, groups: 4 }],
    notes: [{ dimension: 'nationality', group: 'ER', direction: 'higher', text: 'Assessments of young people from Eritrea (ER) found an adult far more often than the rest.' }],
  },
  undecided: 3,
});

let dir = '';
let pdf = '';
let pages = 0;
let text = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carefile-qreport-'));
  const now = new Date('2027-01-05T09:00:00Z');
  const made = await composeReport(qualityReportDocument(figures, 'Priya Raman', now), { now });
  pages = made.pages;
  pdf = join(dir, 'report.pdf');
  writeFileSync(pdf, made.bytes);
  text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the quality report PDF', () => {
  it('says the period, the filter, every section and the figures in words a reader can find', () => {
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Age assessment quality report');
    expect(text).toContain('Assessments decided: 2026-01-01 to 2026-12-31. Assessors: Ruth Adeyemi.');
    expect(text).toContain('Made by Priya Raman on 2027-01-05');
    for (const heading of ['Outcomes and timeliness', 'Safeguards', 'Disparity', 'Practice', 'Learning from reassessed and overturned decisions']) expect(text).toContain(heading);
    expect(text).toMatch(/Found an adult\s+8/);
    expect(text).toMatch(/Median days from referral to decision\s+21\.5/);
    expect(text).toMatch(/AA-20 Adverse points put to the young person\s+12\s+1\s+4/);
    expect(text).toMatch(/Eritrea \(ER\)\s+7\s+6\s+86%\s+49–97%/);
    // The group cell wraps onto a second line beside its figures.
    expect(text).toMatch(/Groups under 5 \(2 groups, not\s+4\s+suppressed\s+suppressed\s+shown\)/);
    expect(text).toContain('found an adult far more often than the rest');
    expect(text).toMatch(/Reassessed\s+a tribunal or court judgment\s+2/);
    expect(text).toMatch(/Overturned\s+The tribunal accepted the school certificate as reliable\.\s+1/);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain(`Page 1 of ${pages}`);
  });

  it('carries figures.json, whose SHA-256 is the one printed on every page', () => {
    execFileSync('pdfdetach', ['-saveall', '-o', dir, pdf]);
    const json = readFileSync(join(dir, 'figures.json'));
    expect(JSON.parse(json.toString('utf8'))).toEqual(figures);
    const sha = createHash('sha256').update(json).digest('hex');
    expect(text.split(`SHA-256 of figures.json: ${sha}`).length - 1).toBe(pages);
  });

  it('embeds the record fonts (Noto, subset) and is structurally sound', () => {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).toMatch(/NotoSans-Bold/);
    execFileSync('qpdf', ['--check', pdf]);
  });
});
