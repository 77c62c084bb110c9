/** Evidence: domains covered, documents and third parties weighed, observations caveated, prior assessments, science. */
import type { Hit, Rule } from '../types';
import { MertonDomain } from '../../domain/model';
import { blank, DOCUMENT_KINDS, hit } from '../helpers';
import { reasonProblem, REASON_REMEDY } from '../reasons';
import { compareInstants } from '../../domain/calendars';

export const evidenceRules: Rule[] = [
  {
    id: 'AA-15',
    severity: 'block',
    title: 'Each Merton domain covered, or "not explored" with a reason',
    source: 'R (B) v Merton [2003] EWHC 1689; Scottish Government guidance Appendix 3',
    remedy: 'For each domain, record what was explored, or why it was not explored.',
    appliesFrom: 'analysis',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      for (const domain of MertonDomain.options) {
        const i = a.domains.findIndex((d) => d.domain === domain);
        const d = a.domains[i];
        if (!d) hits.push(hit(`The "${domain}" domain is not recorded as explored or not explored.`, 'domains'));
        else if (d.explored && blank(d.summary)) hits.push(hit(`The "${domain}" domain is marked explored but has no summary.`, `domains.${i}.summary`));
        else if (!d.explored && blank(d.reasonNotExplored)) hits.push(hit(`The "${domain}" domain was not explored and no reason is recorded.`, `domains.${i}.reasonNotExplored`));
        else if (!d.explored) {
          const weak = reasonProblem(d.reasonNotExplored, `The reason the "${domain}" domain was not explored`);
          if (weak) hits.push(hit(weak.message, `domains.${i}.reasonNotExplored`, REASON_REMEDY));
        }
      }
      return hits;
    },
  },
  {
    id: 'AA-16',
    severity: 'block',
    title: 'Documents weighed, with reasons for any rejection',
    source: 'R (AE) v Croydon [2012] EWCA Civ 547; Browne Jacobson 2025',
    remedy: 'Give each document a weight with reasons; if you reject it, say why.',
    appliesFrom: 'analysis',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      a.evidence.forEach((e, i) => {
        if (!DOCUMENT_KINDS.has(e.kind)) return;
        if (e.rejected) {
          if (blank(e.rejectionReasons)) hits.push(hit(`Document "${e.title}" is rejected without reasons.`, `evidence.${i}.rejectionReasons`));
          else {
            const weak = reasonProblem(e.rejectionReasons, `The reason document "${e.title}" is rejected`);
            if (weak) hits.push(hit(weak.message, `evidence.${i}.rejectionReasons`, REASON_REMEDY));
          }
        } else if (e.weight === 'not-yet-weighed') hits.push(hit(`Document "${e.title}" has not been weighed.`, `evidence.${i}.weight`));
        else if (blank(e.weightReasons)) hits.push(hit(`Document "${e.title}" has a weight but no reasons for it.`, `evidence.${i}.weightReasons`));
      });
      return hits;
    },
  },
  {
    id: 'AA-17',
    severity: 'block',
    title: 'Third-party evidence listed and weighed',
    source: 'R (AE) v Croydon [2012] EWCA Civ 547',
    remedy: 'Weigh each third party\'s evidence (carer, teacher, health) with reasons, or give reasons for rejecting it.',
    appliesFrom: 'analysis',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      a.evidence.forEach((e, i) => {
        if (e.kind !== 'third-party') return;
        if (e.rejected) {
          if (blank(e.rejectionReasons)) hits.push(hit(`Third-party evidence "${e.title}" is rejected without reasons.`, `evidence.${i}.rejectionReasons`));
          else {
            const weak = reasonProblem(e.rejectionReasons, `The reason third-party evidence "${e.title}" is rejected`);
            if (weak) hits.push(hit(weak.message, `evidence.${i}.rejectionReasons`, REASON_REMEDY));
          }
        } else if (e.weight === 'not-yet-weighed') hits.push(hit(`Third-party evidence "${e.title}" has not been weighed.`, `evidence.${i}.weight`));
        else if (blank(e.weightReasons)) hits.push(hit(`Third-party evidence "${e.title}" has a weight but no reasons for it.`, `evidence.${i}.weightReasons`));
      });
      a.informationRequests.forEach((r, i) => {
        if (r.receivedOn && !r.evidenceId) hits.push(hit(`Information received from ${r.from} is not linked to an evidence item.`, `informationRequests.${i}.evidenceId`));
      });
      return hits;
    },
  },
  {
    id: 'AA-19',
    severity: 'block',
    title: 'Appearance and demeanour notes carry context and a reliability caveat',
    source: 'ICIBI 2025; East Riding guidance notes; BF (Eritrea) [2021] UKSC 38',
    remedy: 'Add the context (ethnicity, culture, trauma, journey, malnutrition) and a caveat on how unreliable such observations are.',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      a.evidence.forEach((e, i) => {
        if (e.kind !== 'appearance' && e.kind !== 'demeanour') return;
        if (blank(e.observationContext)) hits.push(hit(`Observation "${e.title}" has no context (ethnicity, culture, trauma, journey).`, `evidence.${i}.observationContext`));
        if (blank(e.reliabilityCaveat)) hits.push(hit(`Observation "${e.title}" has no reliability caveat.`, `evidence.${i}.reliabilityCaveat`));
      });
      return hits;
    },
  },
  {
    id: 'AA-41',
    severity: 'warn',
    title: 'Prior assessment linked and compared, not adopted',
    source: 'R (B) v Merton [2003] EWHC 1689',
    remedy: 'Record who made the earlier assessment, its outcome, and how it compares with your own findings.',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      a.evidence.forEach((e, i) => {
        if (e.kind !== 'prior-assessment') return;
        if (!e.priorAssessment) hits.push(hit(`Prior assessment "${e.title}": who made it and its outcome are not recorded.`, `evidence.${i}.priorAssessment`));
        else if (blank(e.priorAssessment.comparison)) hits.push(hit(`Prior assessment "${e.title}" is not compared with this assessment.`, `evidence.${i}.priorAssessment.comparison`));
      });
      return hits;
    },
  },
  {
    id: 'AA-34',
    severity: 'warn',
    title: 'Scientific methods only as a supplement, after a fair assessment',
    source: 'Justification Decision (Scientific Age Imaging) Regulations 2024; AESAC 2022',
    remedy: 'Use a scientific result only after a fair (Merton) assessment, as one piece of evidence, never as decisive.',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      a.evidence.forEach((e, i) => {
        if (e.kind !== 'scientific' || e.scientific?.refused) return;
        if (!e.scientific) hits.push(hit(`Scientific evidence "${e.title}": method and timing not recorded.`, `evidence.${i}.scientific`));
        else if (!e.scientific.afterFairAssessment) hits.push(hit(`Scientific evidence "${e.title}" was obtained without a prior fair assessment.`, `evidence.${i}.scientific.afterFairAssessment`));
        if (e.weight === 'significant') hits.push(hit(`Scientific evidence "${e.title}" is given significant weight; its margins of error allow only a supplementary role.`, `evidence.${i}.weight`));
      });
      const reasons = a.decision?.reasons ?? [];
      const sci = new Set(a.evidence.filter((e) => e.kind === 'scientific').map((e) => e.id));
      const cited = reasons.flatMap((r) => r.evidenceIds);
      if (cited.length > 0 && cited.every((id) => sci.has(id))) hits.push(hit('The decision\'s reasons cite only scientific evidence: it is treated as decisive.', 'decision.reasons'));
      return hits;
    },
  },
  {
    id: 'AA-35',
    severity: 'warn',
    title: 'Refusal of a scientific method recorded with the reasons',
    source: 'Nationality and Borders Act 2022 s.52(7); Illegal Migration Act 2023 s.58',
    remedy: 'Record the young person\'s reasons for refusing, in their words.',
    departable: false,
    check(a) {
      return a.evidence.flatMap((e, i) =>
        !e.scientific?.refused
          ? []
          : blank(e.scientific.refusalReasons)
            ? [hit(`Refusal of "${e.scientific.method}" is recorded without the young person's reasons.`, `evidence.${i}.scientific.refusalReasons`)]
            : (() => {
                const weak = reasonProblem(e.scientific.refusalReasons, `The young person's reasons for refusing "${e.scientific.method}"`);
                return weak ? [hit(weak.message, `evidence.${i}.scientific.refusalReasons`, 'Record the young person\'s reasons in their words: a refusal with good reason must not count against them (NABA 2022 s.52(7)).')] : [];
              })(),
      );
    },
  },
  {
    id: 'AA-37',
    severity: 'warn',
    title: 'Significant new information after a decision triggers a reassessment review',
    source: 'Nationality and Borders Act 2022 s.56; ADCS 2015 ch.7',
    remedy: 'Review the decision in the light of the new information: reopen it for reassessment, or record the outcome of the review in a signed addendum.',
    departable: false,
    check(a) {
      const decidedOn = a.decision?.decidedOn;
      return a.evidence.flatMap((e, i) => {
        if (!e.receivedAfterDecision) return [];
        // Reopened for reassessment (assessments.reopen) is the review; so is a signed addendum after the decision.
        const reviewed =
          a.reassessedBy !== undefined || (decidedOn !== undefined && a.addenda.some((ad) => compareInstants(ad.createdOn, decidedOn) > 0 && ad.signedOn));
        return reviewed ? [] : [hit(`New information "${e.title}" arrived after the decision; no reassessment review is recorded.`, `evidence.${i}`)];
      });
    },
  },
];
