import type { Assessment } from './model';

/**
 * What every new assessment starts with, whether created from a referral (assessments.create) or
 * opened as a reassessment of an earlier one (shared/domain/reassessment.ts): the first stage, the
 * stated age accepted while pending, and no work done yet: no people, sessions, findings answered,
 * review or signatures. Callers add the young person and what they carry over.
 */
export function freshAssessmentState(now: string) {
  return {
    status: 'in-progress',
    stage: 'initial-presentation',
    stageHistory: [{ stage: 'initial-presentation', enteredOn: now }],
    createdOn: now,
    updatedOn: now,
    treatedAsStatedAge: true,
    participants: [],
    informationRequests: [],
    explanation: {},
    consent: {},
    sessions: [],
    domains: [],
    adversePoints: [],
    sharing: { challengeRouteGiven: false, legalAdviceRightGiven: false, copies: [] },
    safeguardLog: [],
    departures: [],
    review: { comments: [] },
    signatures: [],
    addenda: [],
  } satisfies Partial<Assessment>;
}
