/** Sharing the decision and afterwards: challenge route, copies, Home Office, signatures, safeguard log. */
import type { Hit, Rule } from '../types';
import { SafeguardId } from '../../domain/model';
import { blank, hit, logEntry, participantsWithRole } from '../helpers';
import { reasonProblem, REASON_REMEDY } from '../reasons';
import { logContradictions } from './safeguard-log';

export const sharingRules: Rule[] = [
  {
    id: 'AA-27',
    severity: 'block',
    title: 'How to challenge, and the right to legal advice, included',
    source: 'LGO decision 20 001 052 (Lincolnshire CC, 2021)',
    remedy: 'Tell the young person, in their language, how to challenge the decision and that they may get legal advice; record it.',
    appliesFrom: 'sharing',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      if (!a.sharing.challengeRouteGiven) hits.push(hit('The route to challenge the decision is not recorded as given.', 'sharing.challengeRouteGiven'));
      if (!a.sharing.legalAdviceRightGiven) hits.push(hit('The right to legal advice is not recorded as given.', 'sharing.legalAdviceRightGiven'));
      return hits;
    },
  },
  {
    id: 'AA-28',
    severity: 'block',
    title: 'Copy given to the young person and their representative (date, method, language)',
    source: 'LGO decision 20 001 052 (2021); Scottish Government guidance 2018 s.8',
    remedy: 'Give a copy of the decision to the young person (and their representative) and record the date, method and language.',
    appliesFrom: 'sharing',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      const yp = a.sharing.copies.findIndex((c) => c.recipient === 'young-person');
      if (yp < 0) hits.push(hit('No copy of the decision is recorded as given to the young person.', 'sharing.copies'));
      else if (blank(a.sharing.copies[yp]!.language)) hits.push(hit('The language of the young person\'s copy is not recorded.', `sharing.copies.${yp}.language`));
      const hasRep = a.youngPerson.legalRepresentative !== undefined || participantsWithRole(a, 'legal-representative').length > 0;
      if (hasRep && !a.sharing.copies.some((c) => c.recipient === 'legal-representative')) {
        hits.push(hit('The young person has a legal representative but no copy is recorded as given to them.', 'sharing.copies'));
      }
      a.sharing.copies.forEach((c, i) => {
        if (blank(c.method)) hits.push(hit(`Copy ${i + 1}: how it was given is not recorded.`, `sharing.copies.${i}.method`));
      });
      return hits;
    },
  },
  {
    id: 'AA-36',
    severity: 'block',
    title: 'Home Office sharing limited to conclusion, reasons and process, with a lawful basis',
    source: 'Scottish Government guidance 2018 s.8; ADCS/Home Office joint working guidance 2023',
    remedy: 'Share only the conclusion, reasons and evidence of process, and record the lawful basis (or consent).',
    departable: false,
    check(a) {
      const h = a.sharing.homeOffice;
      if (!h) return [];
      const hits: Hit[] = [];
      if (blank(h.lawfulBasis)) hits.push(hit('Sharing with the Home Office has no lawful basis recorded.', 'sharing.homeOffice.lawfulBasis'));
      if (h.parts.includes('full-report') && a.consent.toShareInformation !== true) {
        hits.push(hit('The full report was shared with the Home Office without the young person\'s consent to share.', 'sharing.homeOffice.parts'));
      }
      return hits;
    },
  },
  {
    id: 'AA-30',
    severity: 'block',
    title: 'Both assessors sign; manager authorisation recorded',
    source: 'Local authority procedures (e.g. Solihull, East Riding)',
    remedy: 'Each assessor signs the record, and the manager records the authorisation.',
    departable: false,
    check(a) {
      if (a.status !== 'signed' && a.status !== 'authorised') return [];
      const hits: Hit[] = [];
      const signed = new Set(a.signatures.filter((s) => s.role === 'assessor').map((s) => s.userId));
      participantsWithRole(a, 'assessor').forEach((p) => {
        if (!p.userId || !signed.has(p.userId)) hits.push(hit(`Assessor ${p.name} has not signed.`, 'signatures'));
      });
      if (a.status === 'authorised' && (!a.review.authorisedBy || !a.review.authorisedOn)) hits.push(hit('The manager\'s authorisation is not recorded.', 'review.authorisedBy'));
      return hits;
    },
  },
  {
    id: 'AA-44',
    severity: 'block',
    title: 'Safeguard log: each safeguard used or not used, with reasons that say why, and in agreement with the record',
    source: 'R (HAM) v Brent [2022] EWHC 1924 (and commentary)',
    remedy: 'For each safeguard, record whether it was used, and if not, why.',
    appliesFrom: 'decision',
    departable: false,
    check(a, ctx) {
      const hits: Hit[] = [];
      for (const s of SafeguardId.options) {
        const e = logEntry(a, s);
        if (!e) hits.push(hit(`The safeguard log has no entry for "${s}".`, 'safeguardLog'));
        else if (!e.used && blank(e.reason)) hits.push(hit(`The safeguard "${s}" was not used and no reason is recorded.`, `safeguardLog.${a.safeguardLog.lastIndexOf(e)}.reason`));
        else if (!e.used) {
          const weak = reasonProblem(e.reason, `The reason the "${s}" safeguard was not used`);
          if (weak) hits.push(hit(weak.message, `safeguardLog.${a.safeguardLog.lastIndexOf(e)}.reason`, REASON_REMEDY));
        }
      }
      hits.push(...logContradictions(a, ctx.atLeast('sharing')));
      return hits;
    },
  },
];
