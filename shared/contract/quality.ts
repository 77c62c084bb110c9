/**
 * Quality audit across the store (AA-43, issue 14), for managers and administrators. Every figure
 * is an SQL aggregate over the summaries kept at save time (electron/store/summary*.ts), never a
 * load of every assessment; `quality.drilldown` returns the summary rows behind any one figure.
 */
import { z } from 'zod';
import { channel } from './define';
import { AssessmentSummarySchema } from './store';

export const OutcomeRowSchema = z.object({
  reference: z.string(),
  id: z.string(),
  status: z.string(),
  stage: z.string(),
  route: z.string(),
  firstContact: z.string(),
  decidedOn: z.string(),
  outcome: z.string(),
  ageRange: z.string(),
  dateOfBirth: z.string(),
  statedAge: z.string(),
  daysToDecision: z.string(),
  blocking: z.number().int(),
  warnings: z.number().int(),
  departures: z.string(),
  returnedByManager: z.number().int(),
  authorised: z.string(),
  addenda: z.number().int(),
  newInformationAfterDecision: z.number().int(),
});

const Day = z.iso.date({ error: 'Give a date as YYYY-MM-DD.' });

/**
 * Which assessments a figure counts: those DECIDED between `since` and `until` (inclusive, the
 * decision's date in UK time), by any of `assessors` (each matched against an assessor's store user
 * name, display name, user id, or the name written on the assessment, ignoring case). Absent: no limit.
 */
export const QualityFilterSchema = z
  .object({
    since: Day.optional(),
    until: Day.optional(),
    assessors: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  })
  .strict()
  .refine((f) => f.since === undefined || f.until === undefined || f.since <= f.until, { message: 'The period ends before it starts.', path: ['until'] });
export type QualityFilter = z.infer<typeof QualityFilterSchema>;

const Count = z.number().int().min(0);
/** A share in [0, 1] with its 95% Wilson interval. */
const Interval = z.tuple([z.number(), z.number()]);

export const SafeguardFigureSchema = z.object({
  ruleId: z.string(),
  title: z.string(),
  /** The rule applied and found nothing. */
  met: Count,
  /** Every finding of the rule covered by a recorded departure (with its reason). */
  departed: Count,
  /** A finding of the rule not covered by a departure. */
  missing: Count,
});

/** One group of the disparity view: a normalised code (ISO 3166-1 alpha-2 or ISO 639-3), or "unknown". */
export const DisparityGroupSchema = z.object({
  group: z.string(),
  /** The group's name in words ("Afghanistan", "Pashto"), where the code is known. */
  label: z.string().optional(),
  n: Count,
  adult: Count,
  adultShare: z.number(),
  ci95: Interval,
  /** Assessments of the group with at least one safeguard missing. */
  withMissingSafeguard: Count,
  missingShare: z.number(),
  missingCi95: Interval,
});
/** Every group under 5 assessments, counted together so the totals still add up (their split is not shown). */
export const SuppressedGroupSchema = z.object({ group: z.literal('suppressed'), n: Count, groups: Count });
export const DisparityRowSchema = z.union([DisparityGroupSchema, SuppressedGroupSchema]);

export const DisparityNoteSchema = z.object({
  dimension: z.enum(['nationality', 'firstLanguage']),
  group: z.string(),
  /** 'higher' or 'lower' adult share than every other assessment together, beyond both intervals. */
  direction: z.enum(['higher', 'lower']),
  /** Plain words, e.g. "Assessments of young people from Eritrea (ER) found an adult far more often ...". */
  text: z.string(),
});

export const QualityFiguresSchema = z.object({
  period: z.object({ since: z.string().nullable(), until: z.string().nullable() }),
  /** The assessor filter as given (empty: everyone). */
  assessors: z.array(z.string()),
  /** Decided in the period (by the assessors given). */
  assessments: Count,
  outcomes: z.object({ child: Count, adult: Count }),
  /** The three outcomes of the issue: the stated age accepted, a child older than stated, an adult. */
  outcomeDetail: z.object({ statedAgeAccepted: Count, olderButChild: Count, adult: Count }),
  /** Days from first contact (else referral, else creation) to the decision (AA-29); null without a decision. */
  medianDaysToDecision: z.number().nullable(),
  p90DaysToDecision: z.number().nullable(),
  /** Decisions taking longer than the AA-29 threshold (days). */
  overDecisionThreshold: z.object({ thresholdDays: Count, n: Count }),
  safeguards: z.array(SafeguardFigureSchema),
  /** AA-22: the minded-to meeting held, not held with a reason, or neither recorded. */
  mindedTo: z.object({ held: Count, notHeldWithReason: Count, notRecorded: Count }),
  /** At least one interpreter (appropriate adult) present at a session, or named when no session lists who was there. */
  interpreterPresent: Count,
  appropriateAdultPresent: Count,
  wording: z.object({ findings: Count, words: Count, per1000Words: z.number().nullable() }),
  trafficking: z.object({ withIndicators: Count, nrmReferrals: Count }),
  /** AA-37 and AA-43: reassessments of an earlier decision, and decisions overturned, with why. */
  reassessment: z.object({
    reassessed: Count,
    overturned: Count,
    /** Why, as recorded, counted: `kind` says whether for a reassessment or an overturned decision. */
    reasons: z.array(z.object({ kind: z.enum(['reassessed', 'overturned']), reason: z.string(), n: Count })),
  }),
  disparity: z.object({
    nationality: z.array(DisparityRowSchema),
    firstLanguage: z.array(DisparityRowSchema),
    notes: z.array(DisparityNoteSchema),
  }),
  /** Undecided assessments of these assessors (not counted above). */
  undecided: Count,
});
export type QualityFigures = z.infer<typeof QualityFiguresSchema>;

/** Every figure a drill-down can open; `ruleId` for safeguard.*, `group` for disparity.*. */
export const FigureKey = z.enum([
  'assessments',
  'outcome.child',
  'outcome.adult',
  'outcome.statedAgeAccepted',
  'outcome.olderButChild',
  'decision.overThreshold',
  'safeguard.met',
  'safeguard.departed',
  'safeguard.missing',
  'mindedTo.held',
  'mindedTo.notHeldWithReason',
  'mindedTo.notRecorded',
  'interpreter.present',
  'appropriateAdult.present',
  'wording.findings',
  'trafficking.indicators',
  'trafficking.nrmReferral',
  'reassessed',
  'overturned',
  'disparity.nationality',
  'disparity.nationality.adult',
  'disparity.nationality.missing',
  'disparity.firstLanguage',
  'disparity.firstLanguage.adult',
  'disparity.firstLanguage.missing',
  'undecided',
]);
export type FigureKey = z.infer<typeof FigureKey>;

export const QualityDrilldownInput = z
  .object({
    figure: FigureKey,
    /** A disparity group: its code, "unknown", or "suppressed" (every group under 5). */
    group: z.string().trim().min(1).max(20).optional(),
    ruleId: z.string().regex(/^AA-\d{2}$/, 'a rule id such as AA-20').optional(),
    since: Day.optional(),
    until: Day.optional(),
    assessors: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  })
  .strict()
  .refine((f) => !f.figure.startsWith('safeguard.') || f.ruleId !== undefined, { message: 'Say which rule (ruleId) for a safeguard figure.', path: ['ruleId'] })
  .refine((f) => !f.figure.startsWith('disparity.') || f.group !== undefined, { message: 'Say which group for a disparity figure.', path: ['group'] })
  .refine((f) => f.since === undefined || f.until === undefined || f.since <= f.until, { message: 'The period ends before it starts.', path: ['until'] });

/** A row behind a figure: the case list's row, with what the figures read from it. */
export const DrilldownRowSchema = AssessmentSummarySchema.extend({
  daysToDecision: z.number().nullable(),
  /** For safeguard.departed: the departure's reason; for overturned: why. */
  reason: z.string().optional(),
  wordingFindings: Count,
  words: Count,
});

export const qualityChannels = {
  'quality.outcomes': channel({
    summary: "Every assessment's outcome, days to decision, safeguards unmet or departed from, review and new information after the decision (managers and administrators).",
    input: z.object({}).strict(),
    output: z.object({ rows: z.array(OutcomeRowSchema), csv: z.string() }),
    // A row an assessment: a sample of them is checked, each strictly.
    outputRows: { row: OutcomeRowSchema.strict(), at: 'rows' },
    errors: ['NOT_UNLOCKED', 'FORBIDDEN'],
  }),
  'quality.figures': channel({
    summary: 'The quality figures for a period and a set of assessors: outcomes, days to decision, safeguards met, departed or missing, and the disparity view (managers and administrators).',
    input: QualityFilterSchema,
    output: QualityFiguresSchema,
    errors: ['NOT_UNLOCKED', 'FORBIDDEN'],
  }),
  'quality.drilldown': channel({
    summary: 'The assessments behind one quality figure (managers and administrators).',
    input: QualityDrilldownInput,
    output: z.object({ figure: FigureKey, count: Count, rows: z.array(DrilldownRowSchema) }),
    // A figure over the whole store reaches thousands of rows: parsing them all grew faster than the
    // store (docs/decisions/api-01-sampled-output-check.md, perf-02-linear-growth.md).
    outputRows: { row: DrilldownRowSchema.strict(), at: 'rows' },
    errors: ['NOT_UNLOCKED', 'FORBIDDEN'],
  }),
};
