/**
 * Reassessment on significant new information (AA-37; NABA 2022 s.56; ADCS 2015 ch.7) and
 * decisions overturned by a court, tribunal or review (AA-43; ICIBI 2025). Pure: the handler asks
 * shared/domain/workflow.ts whether it may (`reopenRefusal`, `overturnedRefusal`), then writes what
 * these functions describe. docs/decisions/manager-01-reassessment-and-overturned.md explains the choices.
 *
 * A reassessment is a new assessment that starts from the earlier one's evidence, never from its
 * findings: the earlier decision is linked in as a prior assessment to compare, not to adopt
 * (Merton; AA-41), the evidence comes across unweighed, and the interviews, analysis, minded-to
 * meeting and decision are done again.
 */
import type { Assessment, EvidenceItem, EvidenceKind, NewInformation, NewInformationKind, Overturned } from './model';
import { freshAssessmentState } from './fresh-assessment';
import { newInformationLabels, overturnedByLabels } from '../format/labels';

/** The evidence kind the new information arrives as (the assessors may change it, e.g. to an identity document). */
const evidenceKindOf: Record<NewInformationKind, EvidenceKind> = {
  document: 'other-document',
  judgment: 'other-document',
  'naab-review': 'prior-assessment',
  other: 'other',
};

/** The ids a reassessment needs; the main side makes them (UUIDs), so this module stays pure. */
export interface ReassessmentIds {
  assessmentId: string;
  youngPersonId: string;
  priorEvidenceId: string;
  newInformationEvidenceId: string;
}

/** The reference a reassessment takes: the earlier one's base with -R1, -R2, ... (the first free one). */
export function reassessmentReference(earlier: Pick<Assessment, 'reference'>, taken: ReadonlySet<string>): string {
  const base = earlier.reference.replace(/-R\d+$/, '');
  for (let n = 1; ; n++) {
    const ref = `${base}-R${n}`;
    if (!taken.has(ref.toLowerCase())) return ref;
  }
}

function decisionWords(d: NonNullable<Assessment['decision']>): string {
  return `${d.outcome === 'child' ? 'a child' : 'an adult'}, assessed ${d.ageLow}–${d.ageHigh}, date of birth ${d.dateOfBirth}`;
}

/** An earlier evidence item as the reassessment takes it: the same item, to be weighed afresh. */
function unweighed(e: EvidenceItem): EvidenceItem {
  const { weightReasons: _w, rejectionReasons: _r, ...rest } = e;
  return { ...rest, weight: 'not-yet-weighed', rejected: false, receivedAfterDecision: false };
}

/** The new assessment that reopens `earlier` on `info`. */
export function reassessmentFrom(earlier: Assessment, info: NewInformation, ids: ReassessmentIds, reference: string, now: string): Assessment {
  const d = earlier.decision;
  const assessors = earlier.participants.filter((p) => p.role === 'assessor').map((p) => p.name);
  const prior: EvidenceItem = {
    id: ids.priorEvidenceId,
    kind: 'prior-assessment',
    title: `Earlier assessment ${earlier.reference}`,
    source: assessors.length > 0 ? assessors.join(' and ') : 'this council',
    obtainedOn: d?.decidedOn.slice(0, 10),
    summary: `Reopened on ${newInformationLabels[info.kind]}: ${info.description}`,
    weight: 'not-yet-weighed',
    rejected: false,
    attachments: [],
    priorAssessment: {
      by: assessors.length > 0 ? `${assessors.join(' and ')} (${earlier.reference})` : earlier.reference,
      date: d?.decidedOn.slice(0, 10),
      outcome: d ? decisionWords(d) : undefined,
    },
    receivedAfterDecision: false,
  };
  const fresh: EvidenceItem = {
    id: ids.newInformationEvidenceId,
    kind: evidenceKindOf[info.kind],
    title: `New information: ${newInformationLabels[info.kind]}`,
    obtainedOn: info.receivedOn,
    summary: info.description,
    weight: 'not-yet-weighed',
    rejected: false,
    attachments: [],
    ...(info.kind === 'naab-review' ? { priorAssessment: { by: 'National Age Assessment Board', date: info.receivedOn } } : {}),
    // Received after the earlier decision, but before this one's: this reassessment is its review.
    receivedAfterDecision: false,
  };
  return {
    id: ids.assessmentId,
    reference,
    youngPerson: { ...earlier.youngPerson, id: ids.youngPersonId },
    route: earlier.route,
    reasonForDoubt: earlier.reasonForDoubt,
    ...freshAssessmentState(now),
    additionalNeeds: earlier.additionalNeeds,
    trafficking: earlier.trafficking,
    // Who reassesses is decided afresh (freshAssessmentState: no participants or sessions); the
    // people and sessions belong to the earlier assessment. The account and the evidence carry over.
    timeline: earlier.timeline.map(({ sourceSessionId: _s, ...event }) => event),
    evidence: [prior, fresh, ...earlier.evidence.map(unweighed)],
    reassessmentOf: earlier.id,
    newInformation: info,
  };
}

/** The earlier assessment, marked as reopened, with its link forward. */
export function markReassessed(earlier: Assessment, next: Pick<Assessment, 'id' | 'reference'>, info: NewInformation, by: { name: string; userId?: string }, now: string): Assessment {
  return {
    ...earlier,
    updatedOn: now,
    reassessedBy: { id: next.id, reference: next.reference, information: info, reopenedBy: by.name, reopenedByUserId: by.userId, reopenedOn: now },
  };
}

/** The decision recorded as overturned. */
export function markOverturned(
  a: Assessment,
  input: Omit<Overturned, 'recordedBy' | 'recordedByUserId' | 'recordedOn'>,
  by: { name: string; userId?: string },
  now: string,
): Assessment {
  return { ...a, updatedOn: now, overturned: { ...input, recordedBy: by.name, recordedByUserId: by.userId, recordedOn: now } };
}

/** One sentence for the case screen and the record: "Overturned by a tribunal (Upper Tribunal (IAC)) on 2026-05-01: found a child, born 2009-01-01." */
export function overturnedSentence(o: Overturned): string {
  const dob = o.newOutcome.dateOfBirth ? `, born ${o.newOutcome.dateOfBirth}` : '';
  return `Overturned by ${overturnedByLabels[o.by]} (${o.body}) on ${o.on}: found ${o.newOutcome.outcome === 'child' ? 'a child' : 'an adult'}${dob}.`;
}
