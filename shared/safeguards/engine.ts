/** The safeguard engine: runs the rules, applies recorded departures, and builds the stage gates. */
import type { Assessment, StageId } from '../domain/model';
import { stageIndex, stageOrder, stageTitles } from '../domain/stages';
import { defaultThresholds, type EvaluateOptions, type Finding, type Rule, type RuleContext } from './types';
import { rules as allRules } from './rules/index';
import { reasonProblem } from './reasons';

function context(a: Assessment, options: EvaluateOptions = {}): RuleContext {
  const stage = options.asAtStage ?? a.stage;
  const now = options.now === undefined ? new Date().toISOString() : typeof options.now === 'string' ? options.now : options.now.toISOString();
  return {
    now,
    thresholds: { ...defaultThresholds, ...options.thresholds },
    stage,
    atLeast: (s: StageId) => stageIndex(stage) >= stageIndex(s),
    memo: new Map(),
  };
}

function applies(rule: Rule, ctx: RuleContext): boolean {
  return rule.appliesFrom === undefined || ctx.atLeast(rule.appliesFrom);
}

/** A departure covers a block only where the law allows one for that rule. */
function toFinding(rule: Rule, a: Assessment, hit: ReturnType<Rule['check']>[number]): Finding {
  const severity = hit.severity ?? rule.severity;
  const base: Finding = { ruleId: rule.id, severity, title: rule.title, message: hit.message, remedy: hit.remedy ?? rule.remedy, source: rule.source };
  if (hit.path !== undefined) base.path = hit.path;
  const departure = a.departures.findLast((d) => d.ruleId === rule.id);
  if (departure) {
    if (hit.departable ?? rule.departable) {
      // A departure covers a block only when its reason says why (HAM v Brent): "Not required" covers nothing.
      const weak = reasonProblem(departure.reason, `The recorded departure from ${rule.id}`);
      if (weak && severity === 'block') {
        base.message += ` (${weak.message} It does not cover this.)`;
        return base;
      }
      return { ...base, severity: 'warn', departure };
    }
    if (severity === 'block') base.message += ' (A recorded departure cannot cover this: the law allows none here.)';
  }
  return base;
}

/** Every finding for an assessment, in rule order. Pure: same input, same output (given `now`). */
export function evaluate(a: Assessment, options: EvaluateOptions = {}, rules: readonly Rule[] = allRules): Finding[] {
  const ctx = context(a, options);
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!applies(rule, ctx)) continue;
    let hits: ReturnType<Rule['check']>;
    try {
      hits = rule.check(a, ctx);
    } catch (err) {
      // The authority must fail closed: a rule that cannot run blocks, and says why.
      hits = [{ message: `This rule could not be checked: ${err instanceof Error ? err.message : String(err)}`, remedy: 'Correct the data this rule reads (see the message), then check again.' }];
      out.push({ ...toFinding(rule, a, hits[0]!), severity: 'block', departure: undefined });
      continue;
    }
    for (const h of hits) out.push(toFinding(rule, a, h));
  }
  return out;
}

export const blocking = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === 'block');
export const departures = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.departure !== undefined);

/** Checks that belong to a gate only (the checklist flags them, but a stage cannot start without them). */
const gateOnly: Partial<Record<StageId, (a: Assessment) => Finding[]>> = {
  'before-you-start': (a) =>
    a.reasonForDoubt?.text.trim()
      ? []
      : [{ ruleId: 'AA-01', severity: 'block', message: 'Record why the stated age is doubted before the assessment starts.', remedy: 'Write the reason for doubt and link the evidence beyond appearance.', source: 'ADCS 2015 ch.1', path: 'reasonForDoubt.text' }],
  planning: (a) =>
    a.trafficking.screenedOn
      ? []
      : [{ ruleId: 'AA-03', severity: 'block', message: 'Screen for trafficking indicators before planning the assessment.', remedy: 'Record the screen date and any indicators.', source: 'Modern Slavery Act 2015 s.51', path: 'trafficking.screenedOn' }],
  explaining: (a) =>
    a.participants.some((p) => p.role === 'assessor')
      ? []
      : [{ ruleId: 'AA-05', severity: 'block', message: 'Name the assessors before explaining the assessment to the young person.', remedy: 'Add the assessors in Planning.', source: 'ADCS 2015 ch.3', path: 'participants' }],
  analysis: (a) =>
    a.sessions.length > 0
      ? []
      : [{ ruleId: 'AA-14', severity: 'block', message: 'Record at least one interview session before the analysis.', remedy: 'Add the sessions held.', source: 'ADCS 2015 ch.4', path: 'sessions' }],
  decision: (a) =>
    a.analysis?.trim()
      ? []
      : [{ ruleId: 'AA-26', severity: 'block', message: 'Write the analysis before the decision.', remedy: 'Weigh the evidence in the Analysis stage.', source: 'ADCS 2015 ch.5', path: 'analysis' }],
};

export interface GateResult {
  ok: boolean;
  /** What stops entry, in plain words, each pointing at its field. */
  missing: Finding[];
  /** Departures that let the gate pass (shown in the record and counted in quality figures). */
  departures: Finding[];
}

/**
 * May the assessment enter `target`? Everything required at or before that stage must hold,
 * or be covered by a recorded departure where the law allows one.
 */
export function stageGate(a: Assessment, target: StageId, options: Omit<EvaluateOptions, 'asAtStage'> = {}): GateResult {
  const findings = evaluate(a, { ...options, asAtStage: target });
  const extra = stageOrder.slice(0, stageIndex(target) + 1).flatMap((s) => gateOnly[s]?.(a) ?? []);
  const missing = [...extra, ...blocking(findings)];
  return { ok: missing.length === 0, missing, departures: departures(findings) };
}

export function gateTitle(stage: StageId): string {
  return stageTitles[stage];
}
