/**
 * The quality figures (issue 14 items 3, 4 and 7): SQL aggregates over the summaries kept at save
 * time, shaped into the contract's `quality.figures` answer with the pure statistics of
 * shared/quality/stats.ts. `drilldown` returns the summary rows behind any one figure, selected
 * by the same conditions, so a figure and its drill-down always agree.
 */
import type { Store, SummaryFilter } from '../store/index';
import type { FigureKey, QualityFigures } from '../../shared/contract/quality';
import { countryName, languageName } from '../../shared/domain/identity';
import { defaultThresholds, ruleById } from '../../shared/safeguards/index';
import { differenceNotes, disparityRows, percentileOfSorted, SUPPRESS_UNDER, type GroupCounts } from '../../shared/quality/stats';

export interface FigureFilter extends SummaryFilter {
  /** The period and assessors as given, echoed in the answer. */
  given: { since?: string; until?: string; assessors?: readonly string[] };
}

/**
 * Resolves the assessor filter: each entry matches a store user by id, name or display name
 * (ignoring case), and is also kept as written to match the name on assessments not linked to a user.
 */
export function resolveAssessors(store: Store, assessors: readonly string[] | undefined): Pick<SummaryFilter, 'userIds' | 'names'> {
  if (!assessors || assessors.length === 0) return {};
  const users = store.users.list({ includeRemoved: true });
  const userIds = new Set<string>();
  for (const a of assessors) {
    const wanted = a.toLowerCase();
    for (const u of users) if (u.id === a || u.name.toLowerCase() === wanted || u.displayName.toLowerCase() === wanted) userIds.add(u.id);
  }
  return { userIds: [...userIds], names: [...assessors] };
}

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

type Dimension = 'nationality' | 'firstLanguage';
const dimensionColumn: Record<Dimension, string> = { nationality: 's.nationality_code', firstLanguage: 's.first_language_code' };

function groupCounts(store: Store, f: SummaryFilter, dim: Dimension): GroupCounts[] {
  return store.summaries
    .aggregate(
      f,
      true,
      `coalesce(${dimensionColumn[dim]}, 'unknown') AS g, count(*) AS n, sum(s.outcome = 'adult') AS adult, sum(s.missing_rules > 0) AS missing`,
      'GROUP BY g',
    )
    .map((r) => ({ group: r.g as string, n: n(r.n), adult: n(r.adult), missing: n(r.missing) }));
}

function describeGroup(dim: Dimension, group: string): string {
  if (group === 'unknown') return dim === 'nationality' ? 'Young people whose nationality is not recorded' : 'Young people whose first language is not recorded';
  const name = dim === 'nationality' ? countryName(group) : languageName(group);
  return dim === 'nationality' ? `Young people from ${name ?? group} (${group})` : `Young people whose first language is ${name ?? group} (${group})`;
}

function labelled(dim: Dimension, rows: ReturnType<typeof disparityRows>) {
  return rows.map((r) => {
    if (r.group === 'suppressed' || r.group === 'unknown') return r;
    const label = dim === 'nationality' ? countryName(r.group) : languageName(r.group);
    return label ? { ...r, label } : r;
  });
}

export function qualityFigures(store: Store, f: FigureFilter): QualityFigures {
  const threshold = defaultThresholds.decisionDays;
  const [main] = store.summaries.aggregate(
    f,
    true,
    `count(*) AS assessments,
     sum(s.outcome = 'child') AS child, sum(s.outcome = 'adult') AS adult,
     sum(s.outcome_detail = 'stated-age-accepted') AS accepted, sum(s.outcome_detail = 'older-but-child') AS older,
     sum(s.days_to_decision > ${threshold}) AS over,
     sum(s.minded_to = 'held') AS held, sum(s.minded_to = 'not-held-with-reason') AS notHeld, sum(s.minded_to = 'not-recorded') AS notRecorded,
     sum(s.interpreter_present) AS interpreter, sum(s.appropriate_adult_present) AS aa,
     sum(s.wording_findings) AS wordingFindings, sum(s.words) AS words,
     sum(s.trafficking_indicators > 0) AS trafficking, sum(s.nrm_referral) AS nrm,
     sum(s.reassessment_of IS NOT NULL) AS reassessed, sum(s.overturned_on IS NOT NULL) AS overturned`,
  );
  const m = main ?? {};
  const days = store.summaries
    .aggregate(f, true, 's.days_to_decision AS d', 'AND s.days_to_decision IS NOT NULL ORDER BY s.days_to_decision')
    .map((r) => r.d as number);
  const safeguards = store.summaries
    .aggregate(
      f,
      true,
      `r.rule_id AS ruleId, sum(r.state = 'met') AS met, sum(r.state = 'departed') AS departed, sum(r.state = 'missing') AS missing`,
      'GROUP BY r.rule_id ORDER BY r.rule_id',
      'JOIN summary_rule r ON r.assessment_id = s.assessment_id',
    )
    .map((r) => ({ ruleId: r.ruleId as string, title: ruleById.get(r.ruleId as string)?.title ?? '', met: n(r.met), departed: n(r.departed), missing: n(r.missing) }));
  const reasons = [
    ...store.summaries
      .aggregate(f, true, `'reassessed' AS kind, coalesce(s.reassessment_reason, 'no reason recorded') AS reason, count(*) AS n`, 'AND s.reassessment_of IS NOT NULL GROUP BY reason'),
    ...store.summaries
      .aggregate(f, true, `'overturned' AS kind, coalesce(s.overturned_reason, 'no reason recorded') AS reason, count(*) AS n`, 'AND s.overturned_on IS NOT NULL GROUP BY reason'),
  ]
    .map((r) => ({ kind: r.kind as 'reassessed' | 'overturned', reason: r.reason as string, n: n(r.n) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.n - a.n || a.reason.localeCompare(b.reason));
  const [undecided] = store.summaries.aggregate(f, false, 'count(*) AS n');
  const byNationality = groupCounts(store, f, 'nationality');
  const byLanguage = groupCounts(store, f, 'firstLanguage');
  const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
  const words = n(m.words);
  return {
    period: { since: f.given.since ?? null, until: f.given.until ?? null },
    assessors: [...(f.given.assessors ?? [])],
    assessments: n(m.assessments),
    outcomes: { child: n(m.child), adult: n(m.adult) },
    outcomeDetail: { statedAgeAccepted: n(m.accepted), olderButChild: n(m.older), adult: n(m.adult) },
    medianDaysToDecision: round2(percentileOfSorted(days, 0.5)),
    p90DaysToDecision: round2(percentileOfSorted(days, 0.9)),
    overDecisionThreshold: { thresholdDays: threshold, n: n(m.over) },
    safeguards,
    mindedTo: { held: n(m.held), notHeldWithReason: n(m.notHeld), notRecorded: n(m.notRecorded) },
    interpreterPresent: n(m.interpreter),
    appropriateAdultPresent: n(m.aa),
    wording: { findings: n(m.wordingFindings), words, per1000Words: words > 0 ? round2((n(m.wordingFindings) * 1000) / words) : null },
    trafficking: { withIndicators: n(m.trafficking), nrmReferrals: n(m.nrm) },
    reassessment: { reassessed: n(m.reassessed), overturned: n(m.overturned), reasons },
    disparity: {
      nationality: labelled('nationality', disparityRows(byNationality)),
      firstLanguage: labelled('firstLanguage', disparityRows(byLanguage)),
      notes: [
        ...differenceNotes(byNationality, (g) => describeGroup('nationality', g)).map((x) => ({ dimension: 'nationality' as const, ...x })),
        ...differenceNotes(byLanguage, (g) => describeGroup('firstLanguage', g)).map((x) => ({ dimension: 'firstLanguage' as const, ...x })),
      ],
    },
    undecided: n(undecided?.n),
  };
}

/** The SQL condition of each figure (over `s`, the summary, and `r`, the rule row when joined). */
const conditions: Record<Exclude<FigureKey, `safeguard.${string}` | `disparity.${string}`>, string | undefined> = {
  assessments: undefined,
  'outcome.child': "s.outcome = 'child'",
  'outcome.adult': "s.outcome = 'adult'",
  'outcome.statedAgeAccepted': "s.outcome_detail = 'stated-age-accepted'",
  'outcome.olderButChild': "s.outcome_detail = 'older-but-child'",
  'decision.overThreshold': `s.days_to_decision > ${defaultThresholds.decisionDays}`,
  'mindedTo.held': "s.minded_to = 'held'",
  'mindedTo.notHeldWithReason': "s.minded_to = 'not-held-with-reason'",
  'mindedTo.notRecorded': "s.minded_to = 'not-recorded'",
  'interpreter.present': 's.interpreter_present = 1',
  'appropriateAdult.present': 's.appropriate_adult_present = 1',
  'wording.findings': 's.wording_findings > 0',
  'trafficking.indicators': 's.trafficking_indicators > 0',
  'trafficking.nrmReferral': 's.nrm_referral = 1',
  reassessed: 's.reassessment_of IS NOT NULL',
  overturned: 's.overturned_on IS NOT NULL',
  undecided: undefined,
};

export interface DrilldownRequest {
  figure: FigureKey;
  group?: string;
  ruleId?: string;
}

export function qualityDrilldown(store: Store, f: SummaryFilter, req: DrilldownRequest, today: string) {
  const { figure } = req;
  if (figure.startsWith('safeguard.')) {
    const state = figure.slice('safeguard.'.length);
    return store.summaries.drilldown(f, {
      decided: true,
      join: 'JOIN summary_rule r ON r.assessment_id = s.assessment_id AND r.rule_id = ?',
      joinParams: [req.ruleId],
      condition: 'r.state = ?',
      conditionParams: [state],
      reason: 'r.reason',
      today,
    });
  }
  if (figure.startsWith('disparity.')) {
    const [, dim, which] = figure.split('.') as [string, Dimension, 'adult' | 'missing' | undefined];
    const column = dimensionColumn[dim];
    const extra = which === 'adult' ? " AND s.outcome = 'adult'" : which === 'missing' ? ' AND s.missing_rules > 0' : '';
    if (req.group === 'suppressed') {
      // Every group under the suppression threshold, as the figures fold them together.
      const small = groupCounts(store, f, dim).filter((g) => g.n < SUPPRESS_UNDER).map((g) => g.group);
      return store.summaries.drilldown(f, {
        decided: true,
        condition: `coalesce(${column}, 'unknown') IN (SELECT value FROM json_each(?))${extra}`,
        conditionParams: [JSON.stringify(small)],
        today,
      });
    }
    return store.summaries.drilldown(f, { decided: true, condition: `coalesce(${column}, 'unknown') = ?${extra}`, conditionParams: [req.group], today });
  }
  const key = figure as keyof typeof conditions;
  const reason = figure === 'overturned' ? 's.overturned_reason' : figure === 'reassessed' ? 's.reassessment_reason' : undefined;
  return store.summaries.drilldown(f, { decided: figure !== 'undecided', condition: conditions[key], reason, today });
}
