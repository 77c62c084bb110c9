/** Initial presentation: reason for doubt, treatment pending assessment, route, obvious cases. */
import type { Hit, Rule } from '../types';
import { blank, finalDecision, hit, kindsCited, OBSERVATION_KINDS } from '../helpers';
import { reasonProblem } from '../reasons';

const adultSettings = new Set(['adult-hotel', 'adult-hostel', 'immigration-detention', 'police-custody', 'prison']);

export const presentationRules: Rule[] = [
  {
    id: 'AA-01',
    severity: 'warn',
    title: 'Reason for doubting the stated age, with evidence beyond appearance',
    source: 'ADCS 2015 ch.1; Solihull procedures',
    remedy: 'Record why the stated age is doubted and link the evidence (documents, information) beyond appearance.',
    departable: false,
    check(a) {
      const r = a.reasonForDoubt;
      if (!r || blank(r.text)) return [hit('No reason for doubting the stated age is recorded.', 'reasonForDoubt.text')];
      const known = new Set(a.evidence.map((e) => e.id));
      const missing = r.evidenceIds.filter((id) => !known.has(id));
      if (missing.length > 0) return [hit(`The reason for doubt links evidence that is not in the record (${missing.join(', ')}).`, 'reasonForDoubt.evidenceIds')];
      const kinds = kindsCited(a, r.evidenceIds);
      if (kinds.length === 0) return [hit('The reason for doubt does not link any evidence item: link the items it rests on.', 'reasonForDoubt.evidenceIds')];
      if (kinds.every((k) => OBSERVATION_KINDS.has(k))) {
        return [hit('The reason for doubt rests on appearance or demeanour only; the requester must give reasons beyond appearance.', 'reasonForDoubt.evidenceIds')];
      }
      return [];
    },
  },
  {
    id: 'AA-02',
    severity: 'block',
    title: 'Treated and accommodated as the stated age while the assessment is pending',
    source: 'DfE statutory guidance 2017; R (AB, NLK, AD) v Brent [2021] EWHC 2843',
    remedy: 'Treat the young person as their stated age and accommodate them as a child (s.20) until a lawful decision.',
    departable: false,
    check(a) {
      if (finalDecision(a)) return [];
      const hits: Hit[] = [];
      if (!a.treatedAsStatedAge) hits.push(hit('The young person is not recorded as treated as their stated age while the assessment is pending.', 'treatedAsStatedAge'));
      const acc = a.youngPerson.accommodation;
      if (acc && adultSettings.has(acc.type)) {
        hits.push(hit(`The young person is in adult or custodial accommodation (${acc.type}) while their age is undecided.`, 'youngPerson.accommodation.type', 'Move them to child-appropriate accommodation under s.20 now.'));
      }
      return hits;
    },
  },
  {
    id: 'AA-38',
    severity: 'block',
    title: 'Route recorded (council, or NAAB referral with the criterion)',
    source: 'Nationality and Borders Act 2022 s.50; NAAB guidance v2.0 (2024)',
    remedy: 'Record whether the council assesses itself or refers to the NAAB, and for a referral, which criterion applies.',
    departable: false,
    check(a) {
      if (a.route.kind === 'naab-referral' && blank(a.route.criterion)) {
        return [hit('A NAAB referral is recorded without the referral criterion.', 'route.criterion')];
      }
      return [];
    },
  },
  {
    id: 'AA-39',
    severity: 'warn',
    title: '"Obvious case" decided without interview needs reasons',
    source: 'R (HAM) v Brent [2022] EWHC 1924; R (SB) v RBKC [2023] EWCA Civ 924',
    remedy: 'Record why the case is so clear that no interview is needed, or hold interviews.',
    departable: false,
    check(a) {
      const r = a.reasonForDoubt;
      if (r?.obviousCaseWithoutInterview && blank(r.obviousCaseReasons)) {
        return [hit('The case is marked as obvious and decided without interview, with no reasons recorded.', 'reasonForDoubt.obviousCaseReasons')];
      }
      if (r?.obviousCaseWithoutInterview) {
        const weak = reasonProblem(r.obviousCaseReasons, 'The reasons this is an obvious case');
        if (weak) return [hit(weak.message, 'reasonForDoubt.obviousCaseReasons', 'Say what makes the case so clear that no interview is needed, beyond appearance (HAM; SB).')];
      }
      return [];
    },
  },
];
