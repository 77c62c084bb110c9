/** Analysis and fairness: what the decision rests on, adverse points, minded-to. */
import type { Assessment, EvidenceKind } from '../../domain/model';
import type { Hit, Rule } from '../types';
import { compareInstants } from '../../domain/calendars';
import { blank, evidenceById, findingOlderThanStated, hit, notUsedWithReason, OBSERVATION_KINDS, PRIOR_KINDS } from '../helpers';
import { reasonProblem, REASON_REMEDY, saysWhy } from '../reasons';

/**
 * How far the decision rests on appearance or demeanour, computed from the kinds of evidence
 * its reasons cite (AA-18), never from the words of the reasons.
 *  - `only`: every evidence item cited is an observation of appearance or demeanour;
 *  - `main`: observations are more than half of the distinct items cited, or the first (leading)
 *    reason cites only observations, or more than half of the reasons that cite evidence cite only
 *    observations, or every item given significant weight is an observation.
 */
export function observationReliance(a: Assessment): 'none' | 'main' | 'only' {
  const reasons = a.decision?.reasons ?? [];
  const byId = evidenceById(a);
  const perReason = reasons.map((r) => r.evidenceIds.flatMap((id) => byId.get(id) ?? []));
  const cited = [...new Map(perReason.flat().map((e) => [e.id, e])).values()];
  if (cited.length === 0) return 'none';
  const isObs = (e: { kind: EvidenceKind }) => OBSERVATION_KINDS.has(e.kind);
  if (cited.every(isObs)) return 'only';
  if (cited.filter(isObs).length * 2 > cited.length) return 'main';
  const lead = perReason[0];
  if (lead && lead.length > 0 && lead.every(isObs)) return 'main';
  const citing = perReason.filter((list) => list.length > 0);
  if (citing.filter((list) => list.every(isObs)).length * 2 > citing.length) return 'main';
  const significant = cited.filter((e) => e.weight === 'significant');
  if (significant.length > 0 && significant.every(isObs)) return 'main';
  return 'none';
}

/** An "obvious case" recorded with reasons that say why (AA-39): the one exception Merton allows. */
const obviousCaseRecorded = (a: Assessment) => a.reasonForDoubt?.obviousCaseWithoutInterview === true && saysWhy(a.reasonForDoubt.obviousCaseReasons);

export const analysisRules: Rule[] = [
  {
    id: 'AA-18',
    severity: 'block',
    title: 'Appearance or demeanour: blocking when the only evidence cited for a finding older than the stated age (unless a recorded obvious case); flagged when the main reason',
    source: 'R (B) v Merton [2003] EWHC 1689; BF (Eritrea) [2021] UKSC 38; R (FZ) v Croydon [2011] EWCA Civ 59',
    remedy: 'Base the decision on the account, documents and third-party evidence; appearance and demeanour can only be a small part, with their limits stated.',
    departable: false,
    check(a) {
      const r = observationReliance(a);
      if (r === 'only') {
        const older = findingOlderThanStated(a);
        const block = older && !obviousCaseRecorded(a);
        const msg = older
          ? 'Every evidence item the decision\'s reasons cite is an observation of appearance or demeanour, for a finding older than the stated age: appearance cannot decide age except in a clear case.'
          : 'Every evidence item the decision\'s reasons cite is an observation of appearance or demeanour.';
        return [{ ...hit(block ? msg : `${msg}${older ? ' (Recorded as an obvious case, AA-39.)' : ''}`, 'decision.reasons'), severity: block ? 'block' : 'warn' }];
      }
      if (r === 'main') return [{ ...hit('Appearance or demeanour is the main basis of the decision\'s reasons (more than half the items cited, or the leading reason).', 'decision.reasons'), severity: 'warn' }];
      return [];
    },
  },
  {
    id: 'AA-04',
    severity: 'block',
    title: 'The council\'s own decision: earlier and Home Office decisions are evidence only',
    source: 'R (B) v Merton [2003] EWHC 1689',
    remedy: 'Reach your own conclusion on all the evidence; cite earlier or Home Office assessments only as one item among others.',
    departable: false,
    check(a) {
      const byId = evidenceById(a);
      const cited = (a.decision?.reasons ?? []).flatMap((r) => r.evidenceIds.flatMap((id) => byId.get(id) ?? []));
      if (cited.length > 0 && cited.every((e) => PRIOR_KINDS.has(e.kind))) {
        return [hit('The decision\'s reasons cite only earlier or Home Office assessments: the decision adopts them.', 'decision.reasons')];
      }
      return [];
    },
  },
  {
    id: 'AA-20',
    severity: 'block',
    title: 'Each adverse point relied on was put to the young person and the answer recorded',
    source: 'R (B) v Merton; R (FZ) v Croydon [2011] EWCA Civ 59; R (HAM) v Brent [2022] EWHC 1924',
    remedy: 'Put the point to the young person (before the final decision), record when and in which session, and record their answer.',
    appliesFrom: 'decision',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      const sessionIds = new Set(a.sessions.map((s) => s.id));
      a.adversePoints.forEach((p, i) => {
        if (!p.reliedOn) return;
        if (!p.putOn && !p.putInSessionId) hits.push(hit(`Adverse point "${p.text.slice(0, 80)}" is relied on but was never put to the young person.`, `adversePoints.${i}.putOn`));
        else if (p.putInSessionId && !sessionIds.has(p.putInSessionId)) hits.push(hit(`Adverse point ${i + 1} refers to a session that does not exist.`, `adversePoints.${i}.putInSessionId`));
        else if (p.putOn && a.decision && compareInstants(p.putOn, a.decision.decidedOn) >= 0) hits.push(hit(`Adverse point ${i + 1} was put only after the decision.`, `adversePoints.${i}.putOn`));
        if ((p.putOn || p.putInSessionId) && blank(p.answer)) hits.push(hit(`The young person's answer to adverse point ${i + 1} is not recorded.`, `adversePoints.${i}.answer`));
      });
      return hits;
    },
  },
  {
    id: 'AA-21',
    severity: 'warn',
    title: 'Other explanations considered for each inconsistency relied on',
    source: 'ADCS 2015 Appendices B-C; TVN v SSHD [2021] EWHC 3019',
    remedy: 'Consider trauma and memory, interpreting, calendars and traffickers\' instructions, and record your view.',
    appliesFrom: 'analysis',
    departable: false,
    check(a) {
      return a.adversePoints.flatMap((p, i) =>
        p.reliedOn && blank(p.otherExplanations) ? [hit(`Adverse point ${i + 1} is relied on without considering other explanations.`, `adversePoints.${i}.otherExplanations`)] : [],
      );
    },
  },
  {
    id: 'AA-22',
    severity: 'block',
    title: 'Minded-to step (with the appropriate adult) before the final decision, or a reason',
    source: 'R (FZ) v Croydon [2011] EWCA Civ 59; R (HAM) v Brent; R (SB) v RBKC',
    remedy: 'Hold a minded-to meeting with the appropriate adult present before deciding, or record why not.',
    appliesFrom: 'decision',
    departable: true,
    check(a) {
      const m = a.mindedTo;
      if (!m?.heldOn) {
        if (!m || blank(m.notHeldReason)) return [hit('No minded-to meeting is recorded before the decision, and no reason for not holding one.', 'mindedTo.heldOn')];
        const weak = reasonProblem(m.notHeldReason, 'The reason no minded-to meeting was held');
        return weak ? [hit(weak.message, 'mindedTo.notHeldReason', REASON_REMEDY)] : [];
      }
      const hits: Hit[] = [];
      if (a.decision && compareInstants(m.heldOn, a.decision.decidedOn) >= 0) hits.push(hit('The minded-to meeting took place after the final decision.', 'mindedTo.heldOn'));
      if (m.appropriateAdultPresent !== true && !notUsedWithReason(a, 'appropriate-adult')) hits.push(hit('The appropriate adult is not recorded as present at the minded-to meeting.', 'mindedTo.appropriateAdultPresent'));
      if (blank(m.responseSummary)) hits.push(hit('The young person\'s response at the minded-to meeting is not recorded.', 'mindedTo.responseSummary'));
      return hits;
    },
  },
];
