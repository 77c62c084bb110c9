/** A burden on the young person: failed / unable / did not prove, provide evidence, substantiate, demonstrate their age … (AA-24). */
import { reasons, sources, type LexiconEntry } from '../families';
import { AGE_EVIDENCE } from './context';

const base = { family: 'burden', reason: reasons.NO_BURDEN, source: sources.CJ } as const;
const PROVE =
  '(prove|proved|proven|proving|demonstrate|demonstrated|establish|established|substantiate|substantiated|evidence|evidenced|verify|verified|show|shown|showed|convince|convinced|back up|support|supported|provide|provided|produce|produced|give|given|gave|supply|supplied|explain|explained|corroborate|corroborated|confirm|confirmed|satisfy|satisfied)';
const FAILED =
  "(failed|fails|failing|fail|unable|not able|been unable|not been able|could not|couldn't|couldn’t|cannot|can't|can’t|did not|didn't|didn’t|does not|doesn't|has not|hasn't|have not|haven't|had not|never)";

export const burden: LexiconEntry[] = [
  {
    ...base,
    id: 'burden-failed-to-prove',
    patterns: [`${FAILED} (to)? (yet)? ${PROVE} ~5 ${AGE_EVIDENCE}`, '{fail} (the|an|@poss) age assessment'],
    notAfter: '@actor',
    unless: '(remember|recall|know) @poss',
    suggestion: 'the evidence about age is inconclusive; the benefit of the doubt was considered',
  },
  {
    ...base,
    id: 'burden-onus',
    patterns: [
      '(burden|onus) (of proof|of proving|of showing)? (is|was|lies|lay|rests|rested|falls|fell|remains|will be)? (on|upon|with) (@obj|the young person|the applicant|the claimant|the child|the individual)',
      '(has|had|have|bears|bore|carries|carried) the (burden|onus)',
      'it (is|was|will be) (for|up to) (@obj|the young person|the applicant|the child) to',
    ],
    negatable: true,
    suggestion: 'no burden of proof lies on either side; the assessor weighs all the evidence',
  },
  {
    ...base,
    id: 'burden-needs-to-prove',
    patterns: [`(needs|need|needed|must|has to|had to|have to|required|asked|expected|obliged) (to)? ${PROVE} ~5 ${AGE_EVIDENCE}`],
    notAfter: '@actor',
    negatable: true,
    suggestion: 'the assessor gathers and weighs the evidence',
  },
  {
    ...base,
    id: 'burden-no-evidence-provided',
    patterns: [
      `(no|any) (evidence|proof|documents|documentation) (was|were|has been|have been|had been)? (provided|produced|given|supplied|offered) (by @obj)? ~3 ${AGE_EVIDENCE}`,
      `{provide|produce|give|supply|offer} (no|nothing) ~4 ${AGE_EVIDENCE}`,
      'no evidence was provided by @obj',
      '(no|without) proof of (@poss)? (age|identity|date of birth)',
      'not (been)? (proven|proved|shown|established) to be (a child|under 18|a minor|@num)',
      '(claim|account|stated age|claimed age|age) (is|was|remains|remained) (unsubstantiated|unproven|not proven|unverified)',
      '(unless|until) @pron (can)? (prove|proves|proved|provides proof|provide proof|produces)',
    ],
    unless: 'by the (home office|police|school|council|college|local authority)',
    suggestion: 'no documents are available; say what the other evidence shows',
  },
];
