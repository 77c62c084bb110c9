/** Planning: assessors, interpreter, appropriate adult, legal representative. */
import type { Hit, Rule } from '../types';
import { blank, englishIsFirstLanguage, hit, notUsedWithReason, participantsWithRole } from '../helpers';
import { interpreterMismatches } from './interpreting';

export const planningRules: Rule[] = [
  {
    id: 'AA-05',
    severity: 'warn',
    title: 'Two qualified, registered social workers',
    source: 'ADCS 2015; R (HAM) v Brent [2022] EWHC 1924',
    remedy: 'Add a second qualified social worker, or record why one assessor is enough here (safeguard log: two-assessors).',
    appliesFrom: 'explaining',
    departable: true,
    check(a) {
      const qualified = participantsWithRole(a, 'assessor').filter((p) => p.qualifiedSocialWorker);
      if (qualified.length >= 2 || notUsedWithReason(a, 'two-assessors')) return [];
      return [hit(`${qualified.length === 0 ? 'No' : 'Only one'} qualified social worker is recorded as an assessor, and no justification is recorded.`, 'participants')];
    },
  },
  {
    id: 'AA-06',
    severity: 'warn',
    title: 'An assessor experienced in UASC or age assessment',
    source: 'ADCS 2015; MVN v Greenwich [2015] EWHC 1942',
    remedy: 'Include an assessor with age-assessment experience, or record why not (safeguard log: experienced-assessor).',
    appliesFrom: 'explaining',
    departable: true,
    check(a) {
      if (participantsWithRole(a, 'assessor').some((p) => p.ageAssessmentExperience) || notUsedWithReason(a, 'experienced-assessor')) return [];
      return [hit('No assessor is recorded as experienced in UASC or age assessment.', 'participants')];
    },
  },
  {
    id: 'AA-07',
    severity: 'block',
    title: 'Interpreter: language, dialect, identity, mode, and an understanding check; the language and dialect match the young person\'s first language',
    source: 'R (B) v Merton [2003] EWHC 1689; R (SB) v RBKC [2023] EWCA Civ 924; Browne Jacobson 2025',
    remedy: 'Record the interpreter\'s name, language, dialect and mode, and how mutual understanding was checked in each session; book an interpreter in the young person\'s first language and dialect.',
    appliesFrom: 'interviews',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      const interpreters = participantsWithRole(a, 'interpreter');
      for (const p of interpreters) {
        const i = a.participants.indexOf(p);
        if (blank(p.language)) hits.push(hit(`Interpreter ${p.name}: language not recorded.`, `participants.${i}.language`));
        if (blank(p.dialect)) hits.push(hit(`Interpreter ${p.name}: dialect not recorded.`, `participants.${i}.dialect`));
        if (!p.mode) hits.push(hit(`Interpreter ${p.name}: mode (in person, video, telephone) not recorded.`, `participants.${i}.mode`));
      }
      hits.push(...interpreterMismatches(a));
      const interpreterIds = new Set(interpreters.map((p) => p.id));
      a.sessions.forEach((s, i) => {
        if (s.presentParticipantIds.some((id) => interpreterIds.has(id)) && blank(s.interpreterCheck)) {
          hits.push(hit(`Session ${i + 1}: no record of how mutual understanding with the interpreter was checked.`, `sessions.${i}.interpreterCheck`));
        }
      });
      return hits;
    },
  },
  {
    id: 'AA-08',
    severity: 'warn',
    title: 'No interpreter when English is not the first language needs a justification',
    source: 'R (SB) v RBKC [2023] EWCA Civ 924',
    remedy: 'Book an interpreter in the young person\'s language and dialect, or record why none was used (safeguard log: interpreter).',
    appliesFrom: 'interviews',
    departable: true,
    check(a) {
      if (englishIsFirstLanguage(a) || participantsWithRole(a, 'interpreter').length > 0 || notUsedWithReason(a, 'interpreter')) return [];
      return [hit('English is not recorded as the young person\'s first language, and no interpreter or justification is recorded.', 'participants')];
    },
  },
  {
    id: 'AA-09',
    severity: 'block',
    title: 'Appropriate adult offered: identity, independence and the child\'s agreement, or a reason for absence',
    source: 'R (FZ) v Croydon [2011] EWCA Civ 59; Coram CLC 2019; R (HAM) v Brent',
    remedy: 'Offer an independent, trained appropriate adult the young person accepts, or record why none attends (safeguard log: appropriate-adult).',
    appliesFrom: 'interviews',
    departable: true,
    check(a) {
      const aas = participantsWithRole(a, 'appropriate-adult');
      if (aas.length === 0) {
        return notUsedWithReason(a, 'appropriate-adult') ? [] : [hit('No appropriate adult is recorded, and no reason for their absence.', 'participants')];
      }
      const hits: Hit[] = [];
      for (const p of aas) {
        const i = a.participants.indexOf(p);
        if (p.independentOfCouncil !== true) hits.push(hit(`Appropriate adult ${p.name}: independence of the council not recorded.`, `participants.${i}.independentOfCouncil`));
        if (p.acceptedByYoungPerson !== true) hits.push(hit(`Appropriate adult ${p.name}: the young person's agreement not recorded.`, `participants.${i}.acceptedByYoungPerson`));
      }
      const aaIds = new Set(aas.map((p) => p.id));
      a.sessions.forEach((s, i) => {
        if (!s.presentParticipantIds.some((id) => aaIds.has(id)) && !notUsedWithReason(a, 'appropriate-adult')) {
          hits.push(hit(`Session ${i + 1}: the appropriate adult was not present and no reason is recorded.`, `sessions.${i}.presentParticipantIds`));
        }
      });
      return hits;
    },
  },
  {
    id: 'AA-10',
    severity: 'warn',
    title: 'Legal representative recorded',
    source: 'Scottish Government practice guidance 2018 s.5',
    remedy: 'Check whether the young person has a legal representative and record it, or help them find one.',
    appliesFrom: 'explaining',
    departable: true,
    check(a) {
      if (a.youngPerson.legalRepresentative || participantsWithRole(a, 'legal-representative').length > 0 || notUsedWithReason(a, 'legal-representative')) return [];
      return [hit('No legal representative is recorded.', 'youngPerson.legalRepresentative')];
    },
  },
];
