/** The written decision: benefit of the doubt, content, reasons, timescale. */
import type { Hit, Rule } from '../types';
import { ageOn, daysBetween, isoDateOfInstant } from '../../domain/calendars';
import type { Assessment, EvidenceKind } from '../../domain/model';
import { blank, evidenceById, findingOlderThanStated, hit } from '../helpers';
import { reasonProblem } from '../reasons';

/** Evidence that, unless the record says otherwise, speaks for the stated age (AE v Croydon). */
const SUPPORTING_KINDS: ReadonlySet<EvidenceKind> = new Set(['identity-document', 'other-document', 'third-party', 'young-persons-account']);

/**
 * AA-26 for a finding older than the stated age: each document, third-party view and the young
 * person's account is engaged with, cited by a reason (which then says why it was outweighed), or
 * rejected with reasons that say why. Unchallenged evidence cannot simply be passed over (AE).
 */
function unengagedSupport(a: Assessment): Hit[] {
  const cited = new Set((a.decision?.reasons ?? []).flatMap((r) => r.evidenceIds));
  const hits: Hit[] = [];
  a.evidence.forEach((e, i) => {
    if (!SUPPORTING_KINDS.has(e.kind) || e.receivedAfterDecision || cited.has(e.id)) return;
    if (e.rejected) {
      const weak = reasonProblem(e.rejectionReasons, `The reason "${e.title}" is rejected`);
      if (weak) hits.push(hit(`${weak.message} A finding older than the stated age must say why this item was not accepted.`, `evidence.${i}.rejectionReasons`));
      return;
    }
    hits.push(hit(`"${e.title}" bears on the stated age but no reason of the decision engages with it: a finding older than the stated age must say why it was outweighed.`, `evidence.${i}`));
  });
  return hits;
}

export const decisionRules: Rule[] = [
  {
    id: 'AA-23',
    severity: 'block',
    title: 'Benefit of the doubt: a range reaching below 18 is a child; an adult finding needs the statement',
    source: 'R (AS) v Kent [2017] UKUT 446; R (CJ) v Cardiff [2011] EWCA Civ 1590',
    remedy: 'Resolve remaining doubt about being over 18 in favour of childhood, and state how the benefit of the doubt was applied.',
    departable: false,
    check(a, ctx) {
      const d = a.decision;
      if (!d) return ctx.atLeast('sharing') ? [hit('No decision is recorded.', 'decision')] : [];
      const hits: Hit[] = [];
      if (d.ageLow > d.ageHigh) hits.push(hit(`The assessed age range is reversed (${d.ageLow} to ${d.ageHigh}).`, 'decision.ageLow'));
      if (d.outcome === 'adult' && d.ageLow < 18) {
        hits.push(hit(`The assessed range (${d.ageLow} to ${d.ageHigh}) reaches below 18, yet the outcome is adult: with the benefit of the doubt that range means a child.`, 'decision.outcome', 'Record the outcome as child, or narrow the range with reasons if the evidence truly excludes any age under 18.'));
      }
      if (d.outcome === 'adult' && blank(d.benefitOfDoubt)) hits.push(hit('An adult finding has no statement of how the benefit of the doubt was applied.', 'decision.benefitOfDoubt'));
      else if (d.outcome === 'adult') {
        const weak = reasonProblem(d.benefitOfDoubt, 'The benefit-of-the-doubt statement');
        if (weak) hits.push(hit(weak.message, 'decision.benefitOfDoubt', 'Say how the remaining doubt was weighed, and why it does not reach below 18.'));
      }
      if (blank(d.dateOfBirthBasis)) hits.push(hit('The basis for the date of birth (stated date, a document, the 1 January convention ...) is not stated.', 'decision.dateOfBirthBasis'));
      return hits;
    },
  },
  {
    id: 'AA-25',
    severity: 'block',
    title: 'Decision states child or adult, age, date of birth, consistently',
    source: 'R (FZ) v Croydon [2011] EWCA Civ 59',
    remedy: 'Make the date of birth agree with the assessed age range and the outcome on the decision date.',
    appliesFrom: 'decision',
    departable: false,
    check(a) {
      const d = a.decision;
      if (!d) return [];
      const on = isoDateOfInstant(d.decidedOn);
      if (d.dateOfBirth > on) return [hit('The date of birth is after the decision date.', 'decision.dateOfBirth')];
      const age = ageOn(d.dateOfBirth, on);
      const hits: Hit[] = [];
      if (age < Math.min(d.ageLow, d.ageHigh) || age > Math.max(d.ageLow, d.ageHigh)) {
        hits.push(hit(`The date of birth gives an age of ${age} on the decision date, outside the assessed range ${d.ageLow} to ${d.ageHigh}.`, 'decision.dateOfBirth'));
      }
      if (d.outcome === 'child' && age >= 18) hits.push(hit(`The outcome is child but the date of birth gives an age of ${age} on the decision date.`, 'decision.dateOfBirth'));
      if (d.outcome === 'adult' && age < 18) hits.push(hit(`The outcome is adult but the date of birth gives an age of ${age} on the decision date.`, 'decision.dateOfBirth'));
      return hits;
    },
  },
  {
    id: 'AA-26',
    severity: 'block',
    title: 'Reasons cite specific evidence items; a finding older than the stated age engages with each item that supports the stated age',
    source: 'R (B) v Merton [2003] EWHC 1689; R (AE) v Croydon [2012] EWCA Civ 547',
    remedy: 'Link each reason to the evidence items it rests on; for a finding older than the stated age, cite each document, third-party view and the young person\'s account in the reason that says why it was outweighed, or record why it is rejected.',
    appliesFrom: 'decision',
    departable: false,
    check(a) {
      const d = a.decision;
      if (!d) return [];
      if (d.reasons.length === 0) return [hit('The decision gives no reasons.', 'decision.reasons')];
      const byId = evidenceById(a);
      const hits: Hit[] = [];
      d.reasons.forEach((r, i) => {
        if (r.evidenceIds.length === 0) hits.push(hit(`Reason ${i + 1} cites no evidence item.`, `decision.reasons.${i}.evidenceIds`));
        for (const id of r.evidenceIds) if (!byId.has(id)) hits.push(hit(`Reason ${i + 1} cites evidence "${id}", which is not in the record.`, `decision.reasons.${i}.evidenceIds`));
      });
      if (findingOlderThanStated(a)) hits.push(...unengagedSupport(a));
      return hits;
    },
  },
  {
    id: 'AA-29',
    severity: 'warn',
    title: 'Decision issued within the configured number of days',
    source: 'ADCS (reported, 28 days) [uncertain]; Solihull procedures',
    remedy: 'Plan the remaining steps to reach a decision promptly, and record the reasons for any delay.',
    departable: true,
    check(a, ctx) {
      const start = a.youngPerson.firstContact ?? a.createdOn;
      const end = a.decision?.decidedOn ?? ctx.now;
      const days = daysBetween(start, end);
      if (days <= ctx.thresholds.decisionDays) return [];
      return [hit(a.decision ? `The decision came ${days} days after first contact (more than ${ctx.thresholds.decisionDays}).` : `${days} days since first contact and no decision yet (more than ${ctx.thresholds.decisionDays}).`, a.decision ? 'decision.decidedOn' : 'youngPerson.firstContact')];
    },
  },
];
