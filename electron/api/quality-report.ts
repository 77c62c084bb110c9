/**
 * `quality.report`: the dashboard's figures as a PDF, composed on the main side with the record's
 * fonts and layout (electron/record/report.ts). The figures come from the `quality.figures`
 * handler itself, so the report and the dashboard can never disagree; the figures' JSON travels
 * inside the PDF, its SHA-256 on every page.
 */
import { createHash } from 'node:crypto';
import type { HandlerMap } from './types';
import { actorOf, allow } from './workflow';
import { roleRefusal } from '../../shared/domain/workflow';
import { guardStore, storeSessionOf } from './store';
import { qualityHandlers } from './quality';
import { composeReport, type ReportDocument, type ReportTable } from '../record/index';
import type { QualityFigures } from '../../shared/contract/quality';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const interval = ([lo, hi]: readonly [number, number]) => `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`;
const num = (n: number | null) => (n === null ? 'n/a' : String(Math.round(n * 100) / 100));
const dimensionWords = { nationality: 'nationality', firstLanguage: 'first language' } as const;

function periodWords(f: QualityFigures): string {
  const { since, until } = f.period;
  if (since && until) return `${since} to ${until}`;
  if (since) return `from ${since}`;
  if (until) return `up to ${until}`;
  return 'all dates';
}

function countTable(caption: string, rows: Array<[string, number | null]>): ReportTable {
  return { caption, columns: [{ title: 'Figure', weight: 4 }, { title: 'Number', weight: 1 }], rows: rows.map(([k, v]) => [k, num(v)]) };
}

function disparityTable(f: QualityFigures, dimension: 'nationality' | 'firstLanguage'): ReportTable {
  return {
    caption: `Outcomes by ${dimensionWords[dimension]}`,
    columns: [
      { title: 'Group', weight: 3 },
      { title: 'n', weight: 1 },
      { title: 'Found adult', weight: 1.2 },
      { title: 'Adult share', weight: 1.2 },
      { title: '95% interval', weight: 1.6 },
      { title: 'A safeguard missing', weight: 1.5 },
    ],
    rows: f.disparity[dimension].map((r) =>
      r.group === 'suppressed'
        ? [`Groups under 5 (${'groups' in r && r.groups === 1 ? '1 group' : `${'groups' in r ? r.groups : 0} groups`}, not shown)`, String(r.n), 'suppressed', '', '', 'suppressed']
        : 'adult' in r
          ? [r.label ? `${r.label} (${r.group})` : r.group, String(r.n), String(r.adult), pct(r.adultShare), interval(r.ci95), String(r.withMissingSafeguard)]
          : [r.group, String(r.n), '', '', '', ''],
    ),
  };
}

/** The figures as a report: the same sections, in the same words, as the dashboard. */
export function qualityReportDocument(f: QualityFigures, generatedBy: string, now: Date): ReportDocument {
  const period = periodWords(f);
  const d = f.outcomeDetail;
  return {
    title: 'Age assessment quality report',
    subtitle: [
      `Assessments decided: ${period}. Assessors: ${f.assessors.length > 0 ? f.assessors.join(', ') : 'everyone'}.`,
      `Made by ${generatedBy} on ${now.toISOString().slice(0, 10)} with Carefile. ${f.assessments} assessments decided; ${f.undecided} not yet decided.`,
    ],
    running: `Quality report · decided ${period}`,
    data: { fileName: 'figures.json', json: JSON.stringify(f, null, 2) },
    sections: [
      {
        heading: 'Outcomes and timeliness',
        tables: [
          countTable('Outcomes', [
            ['Stated age accepted', d.statedAgeAccepted],
            ['Older than stated, but a child', d.olderButChild],
            ['Found an adult', d.adult],
          ]),
          countTable('Timeliness (AA-29)', [
            ['Median days from referral to decision', f.medianDaysToDecision],
            ['90th percentile of days to decision', f.p90DaysToDecision],
            [`Decided after more than ${f.overDecisionThreshold.thresholdDays} days`, f.overDecisionThreshold.n],
          ]),
        ],
      },
      {
        heading: 'Safeguards',
        paragraphs: ['For each safeguard: the assessments that met it, departed from it with a recorded reason (R (HAM) v Brent), or missed it.'],
        tables: [
          {
            caption: 'Each safeguard',
            columns: [
              { title: 'Safeguard', weight: 5 },
              { title: 'Met', weight: 1 },
              { title: 'Departed', weight: 1.2 },
              { title: 'Missing', weight: 1.2 },
            ],
            rows: f.safeguards.map((s) => [`${s.ruleId} ${s.title}`, String(s.met), String(s.departed), String(s.missing)]),
          },
        ],
      },
      {
        heading: 'Disparity',
        paragraphs: [
          'Groups by normalised code (ISO 3166 nationality, ISO 639-3 first language), each with its share found adult and a 95% Wilson interval. Groups with fewer than 5 assessments are counted together and not shown, as official statistics do.',
          ...(f.disparity.notes.length > 0 ? f.disparity.notes.map((n) => n.text) : ['No group’s share found adult differs from the rest beyond the intervals.']),
        ],
        tables: [disparityTable(f, 'nationality'), disparityTable(f, 'firstLanguage')],
      },
      {
        heading: 'Practice',
        tables: [
          countTable('Practice', [
            ['Minded-to meeting held (AA-22)', f.mindedTo.held],
            ['Minded-to meeting not held, with a reason', f.mindedTo.notHeldWithReason],
            ['Minded-to meeting not recorded', f.mindedTo.notRecorded],
            ['Interpreter present', f.interpreterPresent],
            ['Appropriate adult present', f.appropriateAdultPresent],
            ['Wording findings per 1,000 words', f.wording.per1000Words],
            ['Trafficking indicators recorded', f.trafficking.withIndicators],
            ['NRM referrals', f.trafficking.nrmReferrals],
          ]),
        ],
      },
      {
        heading: 'Learning from reassessed and overturned decisions',
        tables: [
          countTable('Reassessed and overturned', [
            ['Reassessed on new information (AA-37)', f.reassessment.reassessed],
            ['Overturned by a court, tribunal or review (AA-43)', f.reassessment.overturned],
          ]),
          {
            caption: 'Why',
            columns: [
              { title: 'What', weight: 1.3 },
              { title: 'Reason', weight: 5 },
              { title: 'Number', weight: 1 },
            ],
            rows: f.reassessment.reasons.map((r) => [r.kind === 'reassessed' ? 'Reassessed' : 'Overturned', r.reason, String(r.n)]),
          },
        ],
        notes: [`The figures are attached to this PDF as figures.json; its SHA-256 is printed at the foot of every page.`],
      },
    ],
  };
}

export const qualityReportHandlers = {
  'quality.report': (input, ctx) =>
    guardStore(async () => {
      const store = storeSessionOf(ctx).store;
      allow(roleRefusal(actorOf(ctx), 'audit'));
      const figuresOf: HandlerMap['quality.figures'] = qualityHandlers['quality.figures'];
      const figures = (await figuresOf(input, ctx)) as QualityFigures;
      const now = new Date();
      const { bytes, pages } = await composeReport(qualityReportDocument(figures, store.session.name, now), { now });
      const name = `quality-report-${figures.period.since ?? 'start'}-to-${figures.period.until ?? now.toISOString().slice(0, 10)}.pdf`;
      return { fileName: name, pdfBase64: Buffer.from(bytes).toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex'), pages };
    }),
} satisfies Partial<HandlerMap>;
