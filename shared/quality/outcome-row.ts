/**
 * AA-43: outcomes for audit and learning. One row per assessment: what was decided, how, with which
 * safeguards departed from or still unmet, what the manager did, and whether new information came
 * after the decision (the trigger for a reassessment review, AA-37). A team's managers read these
 * across assessments; the ICIBI (2025) found too little learning from decisions later overturned.
 *
 * Computed at save into the assessment's summary (shared/quality/facts.ts), so `carefile outcomes`
 * reads rows, not assessments.
 */
import type { Assessment } from '../domain/model';
import { daysBetween, isoDateOfInstant } from '../domain/calendars';
import type { Finding } from '../safeguards/index';

export interface OutcomeRow {
  reference: string;
  id: string;
  status: string;
  stage: string;
  route: string;
  firstContact: string;
  decidedOn: string;
  outcome: string;
  ageRange: string;
  dateOfBirth: string;
  statedAge: string;
  daysToDecision: string;
  blocking: number;
  warnings: number;
  departures: string;
  returnedByManager: number;
  authorised: string;
  addenda: number;
  newInformationAfterDecision: number;
}

export const OUTCOME_COLUMNS: ReadonlyArray<keyof OutcomeRow> = [
  'reference', 'id', 'status', 'stage', 'route', 'firstContact', 'decidedOn', 'outcome', 'ageRange', 'dateOfBirth', 'statedAge',
  'daysToDecision', 'blocking', 'warnings', 'departures', 'returnedByManager', 'authorised', 'addenda', 'newInformationAfterDecision',
];

/** One row, from the assessment and its findings (evaluated once, by whoever asks: the summary at save). */
export function outcomeRow(a: Assessment, findings: readonly Finding[]): OutcomeRow {
  const d = a.decision;
  const firstContact = a.youngPerson.firstContact ? isoDateOfInstant(a.youngPerson.firstContact) : '';
  const decidedOn = d ? isoDateOfInstant(d.decidedOn) : '';
  return {
    reference: a.reference,
    id: a.id,
    status: a.status,
    stage: a.stage,
    route: a.route.kind,
    firstContact,
    decidedOn,
    outcome: d?.outcome ?? '',
    ageRange: d ? `${d.ageLow}-${d.ageHigh}` : '',
    dateOfBirth: d?.dateOfBirth ?? '',
    statedAge: a.youngPerson.statedAge === undefined ? '' : String(a.youngPerson.statedAge),
    daysToDecision: firstContact && decidedOn ? String(daysBetween(firstContact, decidedOn)) : '',
    blocking: findings.filter((f) => f.severity === 'block').length,
    warnings: findings.filter((f) => f.severity === 'warn' && !f.departure).length,
    departures: [...new Set(a.departures.map((x) => x.ruleId))].join(' '),
    returnedByManager: a.review.comments.filter((c) => c.outcome === 'returned').length,
    authorised: a.review.authorisedOn ? isoDateOfInstant(a.review.authorisedOn) : '',
    addenda: a.addenda.length,
    newInformationAfterDecision: a.evidence.filter((e) => e.receivedAfterDecision).length,
  };
}

