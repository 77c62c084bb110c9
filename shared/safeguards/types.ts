import type { Assessment, Departure, StageId } from '../domain/model';

export type Severity = 'block' | 'warn';

/** One thing the safeguard engine found, pointing at the field it concerns. */
export interface Finding {
  ruleId: string;
  /** `block`: no signature or export until fixed. A covered block becomes `warn` with `departure` set. */
  severity: Severity;
  /** The rule's title (what the safeguard is), for lists and the PDF. */
  title?: string;
  message: string;
  remedy: string;
  source: string;
  /** Dotted path of the field, e.g. `sessions.0.breaks`. */
  path?: string;
  /** The recorded departure that covers this finding (HAM v Brent), shown in the record and counted in quality figures. */
  departure?: Departure;
}

export interface Thresholds {
  /** AA-11: minimum hours between arrival in the UK and the first interview (a default chosen here, not from a source). */
  restHoursAfterArrival: number;
  /** AA-14: longest stretch of interviewing without a break, in minutes. */
  maxMinutesWithoutBreak: number;
  /** AA-14: fewer interview sessions than this is flagged. */
  minSessions: number;
  /** AA-29: days from first contact to a decision (ADCS, reported). */
  decisionDays: number;
}

export const defaultThresholds: Thresholds = {
  restHoursAfterArrival: 48,
  maxMinutesWithoutBreak: 60,
  minSessions: 2,
  decisionDays: 28,
};

export interface EvaluateOptions {
  now?: Date | string;
  thresholds?: Partial<Thresholds>;
  /** Evaluate as if the assessment were at this stage (used by stage gates). */
  asAtStage?: StageId;
}

export interface RuleContext {
  now: string;
  thresholds: Thresholds;
  stage: StageId;
  /** True when the (effective) stage is this one or later. */
  atLeast(stage: StageId): boolean;
  /** Per-evaluation scratch space, so rules can share work (e.g. one wording pass) without a global cache. */
  memo: Map<string, unknown>;
}

/** What a rule's check returns; the engine adds the rule's id, severity and source. */
export interface Hit {
  message: string;
  remedy?: string;
  path?: string;
  /** Where one rule enforces one thing and flags another (AA-18: only → block, main → warn). */
  severity?: Severity;
  /** Overrides the rule's `departable` for this hit (AA-07: a dialect mismatch may be departed from with reasons). */
  departable?: boolean;
}

export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  source: string;
  /** Default remedy when a hit does not give its own. */
  remedy: string;
  /** Enforced from this stage on (and at the gate into it); always when absent. */
  appliesFrom?: StageId;
  /** Whether the law allows a recorded departure to pass this rule (HAM v Brent; SB v RBKC). */
  departable: boolean;
  check(a: Assessment, ctx: RuleContext): Hit[];
}
