/** Explaining the purpose, and consent. */
import type { Hit, Rule } from '../types';
import { blank, hit } from '../helpers';
import { compareInstants } from '../../domain/calendars';

export const explainingRules: Rule[] = [
  {
    id: 'AA-12',
    severity: 'block',
    title: 'Purpose explained verbally and in writing; understanding recorded',
    source: 'R (B) v Merton [2003] EWHC 1689; Scottish Government guidance 2018 s.6',
    remedy: 'Explain the purpose verbally and in writing in a language the young person understands, and record how they showed understanding.',
    appliesFrom: 'interviews',
    departable: true,
    check(a) {
      const e = a.explanation;
      const hits: Hit[] = [];
      if (!e.verbalOn) hits.push(hit('The verbal explanation of the assessment\'s purpose is not recorded.', 'explanation.verbalOn'));
      if (!e.writtenOn) hits.push(hit('The written explanation of the assessment\'s purpose is not recorded.', 'explanation.writtenOn'));
      if (blank(e.understandingNote)) hits.push(hit('How the young person showed they understood the explanation is not recorded.', 'explanation.understandingNote'));
      return hits;
    },
  },
  {
    id: 'AA-13',
    severity: 'block',
    title: 'Consent to take part and to share information recorded',
    source: 'Scottish Government guidance 2018 s.6, s.8',
    remedy: 'Record the young person\'s answer on taking part and on sharing information (yes or no), and log any withdrawal.',
    appliesFrom: 'interviews',
    departable: false,
    check(a) {
      const c = a.consent;
      const hits: Hit[] = [];
      if (c.toTakePart === undefined) hits.push(hit('Whether the young person agreed to take part is not recorded.', 'consent.toTakePart'));
      if (c.toShareInformation === undefined) hits.push(hit('Whether the young person agreed to information sharing is not recorded.', 'consent.toShareInformation'));
      if (c.withdrawnOn) {
        a.sessions.forEach((s, i) => {
          if (compareInstants(s.start, c.withdrawnOn!) > 0) hits.push(hit(`Session ${i + 1} took place after consent was withdrawn.`, `sessions.${i}.start`, 'Do not interview after consent is withdrawn; record how the assessment continued lawfully.'));
        });
      }
      return hits;
    },
  },
];
