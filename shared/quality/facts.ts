/**
 * What the case list, its filters and the quality figures read about one assessment, computed
 * once, at save, from the whole assessment (the store writes it into its summary tables in the
 * same transaction: electron/store/summary-write.ts). Pure.
 *
 * The safeguards are evaluated as at the assessment's last change (`updatedOn`), not the clock:
 * the same assessment always gives the same summary, so a migration, a save and a test agree.
 */
import type { Assessment } from '../domain/model';
import { daysBetween, isoDateOfInstant } from '../domain/calendars';
import { countryCodeFromWords, languageCodeFromWords } from '../domain/identity';
import { stageIndex } from '../domain/stages';
import { assessorsOf } from '../domain/workflow';
import { newInformationLabels } from '../format/labels';
import { assessorTexts, evaluate, presumptionFacts, presumptionFromFacts, rules, type Finding, type PresumptionFacts } from '../safeguards/index';
import { finalDecision, findingOlderThanStated } from '../safeguards/helpers';
import { outcomeRow, type OutcomeRow } from './outcome-row';

export type RuleState = 'met' | 'departed' | 'missing';
export type OutcomeDetail = 'stated-age-accepted' | 'older-but-child' | 'adult';
export type MindedToState = 'held' | 'not-held-with-reason' | 'not-recorded';

export interface RuleFact {
  ruleId: string;
  state: RuleState;
  /** For `departed`: the departure's reason. */
  reason?: string;
}

export interface SummaryFacts {
  id: string;
  reference: string;
  nameLatin: string;
  nameOwnScript?: string;
  nationality?: string;
  /** ISO 3166-1 alpha-2: the code chosen, else one recognised from the words as told. */
  nationalityCode?: string;
  firstLanguage?: string;
  /** ISO 639-3: the code chosen, else one recognised from the words as told. */
  firstLanguageCode?: string;
  status: Assessment['status'];
  stage: Assessment['stage'];
  createdAt: string;
  updatedAt: string;
  /** When the referral was made, where the model records one (the route carries no date yet). */
  referralAt?: string;
  firstContactAt?: string;
  /** A final decision (status decided or later): its instant, its UK day, and the outcome. */
  decidedAt?: string;
  decidedDay?: string;
  outcome?: 'child' | 'adult';
  outcomeDetail?: OutcomeDetail;
  /** From first contact (else creation) to the decision, in UK days: AA-29's measure. */
  daysToDecision?: number;
  presumption: PresumptionFacts;
  /** The presumption as at the save (the list recomputes it for today from `presumption`). */
  presumptionKind: 'decided' | 's51' | 'stated-age';
  presumptionStatus: string;
  assessors: Array<{ name: string; userId?: string }>;
  interpreterPresent: boolean;
  appropriateAdultPresent: boolean;
  mindedTo: MindedToState;
  traffickingIndicators: number;
  nrmReferral: boolean;
  wordingFindings: number;
  words: number;
  /** AA-37: the earlier assessment this one reassesses, and why (when the model records it). */
  reassessmentOf?: string;
  reassessmentReason?: string;
  /** AA-43: the decision was overturned (by a court, tribunal or review), when and why. */
  overturnedOn?: string;
  overturnedReason?: string;
  blocking: number;
  warnings: number;
  awaitingCountersignBy: string[];
  awaitingAuthorisation: boolean;
  rules: RuleFact[];
  /** The row `carefile outcomes` prints for it (AA-43). */
  outcomeRow: OutcomeRow;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words in a text (letters or digits, with inner apostrophes), in any script. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n += 1;
  return n;
}

const WORDING_RULES = new Set(['AA-24', 'AA-32', 'AA-33']);

/** Each rule's state from the findings: missing beats departed beats met; rules not yet applying are left out. */
export function ruleStates(a: Assessment, findings: readonly Finding[]): RuleFact[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const out: RuleFact[] = [];
  for (const rule of rules) {
    const found = byRule.get(rule.id);
    if (!found || found.length === 0) {
      if (rule.appliesFrom === undefined || stageIndex(a.stage) >= stageIndex(rule.appliesFrom)) out.push({ ruleId: rule.id, state: 'met' });
      continue;
    }
    const uncovered = found.some((f) => f.departure === undefined);
    if (uncovered) out.push({ ruleId: rule.id, state: 'missing' });
    else out.push({ ruleId: rule.id, state: 'departed', reason: found.findLast((f) => f.departure)!.departure!.reason });
  }
  return out;
}

const STATE_CODE: Record<RuleState, string> = { met: 'm', departed: 'd', missing: 'x' };
export const RULE_STATE_CODES = STATE_CODE;

/** The position of rule AA-NN in the state string: NN (1-based, as SQL's substr counts). */
export const rulePosition = (ruleId: string): number => Number(ruleId.slice(3));

/**
 * Every rule's state in one string: the character at position NN (1-based) is rule AA-NN's state
 * (m met, d departed, x missing, - not applying), so SQL can group and pick by position.
 */
export function ruleStateString(states: readonly RuleFact[]): string {
  const width = Math.max(0, ...states.map((r) => rulePosition(r.ruleId)));
  const chars = Array.from({ length: width }, () => '-');
  for (const r of states) chars[rulePosition(r.ruleId) - 1] = STATE_CODE[r.state];
  return chars.join('');
}

/** Present at a session (any session lists who was there), else named on the assessment at all. */
function present(a: Assessment, role: 'interpreter' | 'appropriate-adult'): boolean {
  const ids = new Set(a.participants.filter((p) => p.role === role).map((p) => p.id));
  if (ids.size === 0) return false;
  const listed = a.sessions.filter((s) => s.presentParticipantIds.length > 0);
  if (listed.length === 0) return true;
  return listed.some((s) => s.presentParticipantIds.some((id) => ids.has(id)));
}

/** The reassessment fields of the model (shared/domain/model.ts; docs/decisions/manager-01). */
function reassessment(a: Assessment): Pick<SummaryFacts, 'reassessmentOf' | 'reassessmentReason' | 'overturnedOn' | 'overturnedReason'> {
  const out: ReturnType<typeof reassessment> = {};
  if (a.reassessmentOf) out.reassessmentOf = a.reassessmentOf;
  if (a.newInformation) out.reassessmentReason = newInformationLabels[a.newInformation.kind];
  if (a.overturned) {
    out.overturnedOn = a.overturned.on;
    out.overturnedReason = a.overturned.reason;
  }
  return out;
}

export function summaryFacts(a: Assessment): SummaryFacts {
  const findings = evaluate(a, { now: a.updatedOn });
  const pFacts = presumptionFacts(a);
  const p = presumptionFromFacts(pFacts, isoDateOfInstant(a.updatedOn));
  const d = finalDecision(a);
  const first = a.youngPerson.languages.find((l) => l.firstLanguage);
  const assessors = assessorsOf(a).map((x) => (x.userId ? { name: x.name, userId: x.userId } : { name: x.name }));
  const signed = new Set(a.signatures.map((s) => s.userId));
  const linked = assessors.filter((x) => x.userId !== undefined);
  const unsigned = linked.filter((x) => !signed.has(x.userId!)).map((x) => x.userId!);
  const wordingFindings = findings.filter((f) => WORDING_RULES.has(f.ruleId)).length;
  const words = assessorTexts(a).reduce((n, [, text]) => n + countWords(text), 0);
  const mindedTo: MindedToState = a.mindedTo?.heldOn ? 'held' : a.mindedTo?.notHeldReason?.trim() ? 'not-held-with-reason' : 'not-recorded';
  const facts: SummaryFacts = {
    id: a.id,
    reference: a.reference,
    nameLatin: a.youngPerson.nameLatin,
    status: a.status,
    stage: a.stage,
    createdAt: a.createdOn,
    updatedAt: a.updatedOn,
    presumption: pFacts,
    presumptionKind: p.kind,
    presumptionStatus: p.status,
    assessors,
    interpreterPresent: present(a, 'interpreter'),
    appropriateAdultPresent: present(a, 'appropriate-adult') || a.mindedTo?.appropriateAdultPresent === true,
    mindedTo,
    traffickingIndicators: a.trafficking.indicators.length,
    nrmReferral: a.trafficking.nrmReferral !== undefined,
    wordingFindings,
    words,
    blocking: findings.filter((f) => f.severity === 'block').length,
    warnings: findings.filter((f) => f.severity === 'warn' && !f.departure).length,
    awaitingCountersignBy: a.signatures.length > 0 ? unsigned : [],
    awaitingAuthorisation: a.status === 'signed' && linked.length > 0 && linked.length === assessors.length && unsigned.length === 0,
    rules: ruleStates(a, findings),
    outcomeRow: outcomeRow(a, findings),
    ...reassessment(a),
  };
  if (a.youngPerson.nameOwnScript) facts.nameOwnScript = a.youngPerson.nameOwnScript;
  if (a.youngPerson.nationality) facts.nationality = a.youngPerson.nationality;
  const nationalityCode = a.youngPerson.nationalityCode ?? countryCodeFromWords(a.youngPerson.nationality);
  if (nationalityCode) facts.nationalityCode = nationalityCode;
  if (first?.language) facts.firstLanguage = first.language;
  const languageCode = first ? (first.code ?? languageCodeFromWords(first.language)) : undefined;
  if (languageCode) facts.firstLanguageCode = languageCode;
  if (a.youngPerson.firstContact) facts.firstContactAt = a.youngPerson.firstContact;
  if (d) {
    facts.decidedAt = d.decidedOn;
    facts.decidedDay = isoDateOfInstant(d.decidedOn);
    facts.outcome = d.outcome;
    facts.outcomeDetail = d.outcome === 'adult' ? 'adult' : findingOlderThanStated(a) ? 'older-but-child' : 'stated-age-accepted';
    facts.daysToDecision = daysBetween(a.youngPerson.firstContact ?? a.createdOn, d.decidedOn);
  }
  return facts;
}
