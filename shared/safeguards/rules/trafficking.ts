/** Trafficking: s.51 presumption, referrals, and the missing-from-care plan. */
import type { Hit, Rule } from '../types';
import { hasTraffickingIndicators, hit } from '../helpers';

export const traffickingRules: Rule[] = [
  {
    id: 'AA-03',
    severity: 'warn',
    title: 'Trafficking indicators: s.51 presumption, children\'s services, police, NRM and guardian',
    source: 'Modern Slavery Act 2015 ss.48, 51-52',
    remedy: 'Apply the s.51 presumption and record the referrals to children\'s services, police, the NRM and the ICTG service.',
    appliesFrom: 'before-you-start',
    departable: false,
    check(a) {
      const t = a.trafficking;
      if (!hasTraffickingIndicators(a)) {
        return t.screenedOn ? [] : [hit('The trafficking screen has not been recorded.', 'trafficking.screenedOn', 'Screen for trafficking indicators and record the date.')];
      }
      const hits: Hit[] = [];
      if (!t.s51PresumptionApplied) hits.push(hit('Trafficking indicators are recorded but the s.51 presumption (treated as under 18) is not.', 'trafficking.s51PresumptionApplied'));
      if (!t.childrensServicesInformed) hits.push(hit('Children\'s services are not recorded as informed of the trafficking indicators.', 'trafficking.childrensServicesInformed'));
      if (!t.policeInformed) hits.push(hit('The police are not recorded as informed of the trafficking indicators.', 'trafficking.policeInformed'));
      if (!t.nrmReferral) hits.push(hit('No National Referral Mechanism referral is recorded (no child consent is needed).', 'trafficking.nrmReferral'));
      if (!t.guardianReferral) hits.push(hit('No Independent Child Trafficking Guardian referral is recorded.', 'trafficking.guardianReferral'));
      return hits;
    },
  },
  {
    id: 'AA-42',
    severity: 'block',
    title: 'Missing-from-care plan where trafficking indicators are present',
    source: 'ECPAT UK & Missing People, Heading Back to Harm (2016)',
    remedy: 'Agree a missing-from-care risk plan with the carer and police and record it.',
    appliesFrom: 'before-you-start',
    departable: false,
    check(a) {
      if (hasTraffickingIndicators(a) && !a.trafficking.missingFromCarePlan) {
        return [hit('Trafficking indicators are present but no missing-from-care plan is recorded.', 'trafficking.missingFromCarePlan')];
      }
      return [];
    },
  },
];
