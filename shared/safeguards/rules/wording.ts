/** AA-24, AA-32, AA-33: wording in what the assessors wrote (never in the young person's own words). */
import type { Assessment } from '../../domain/model';
import type { Hit, Rule, RuleContext } from '../types';
import { checkWording } from '../../language/check';
import type { WordingFinding } from '../../language/check';

/** Every free-text field the assessors write, with its path. Answers and own words are excluded on purpose. */
export function assessorTexts(a: Assessment): Array<[path: string, text: string]> {
  const out: Array<[string, string | undefined]> = [
    ['reasonForDoubt.text', a.reasonForDoubt?.text],
    ['reasonForDoubt.obviousCaseReasons', a.reasonForDoubt?.obviousCaseReasons],
    ['additionalNeeds', a.additionalNeeds],
    ['analysis', a.analysis],
    ['mindedTo.provisionalView', a.mindedTo?.provisionalView],
    ['mindedTo.notHeldReason', a.mindedTo?.notHeldReason],
    ['decision.benefitOfDoubt', a.decision?.benefitOfDoubt],
    ['decision.dateOfBirthBasis', a.decision?.dateOfBirthBasis],
  ];
  a.sessions.forEach((s, i) => out.push([`sessions.${i}.summary`, s.summary], [`sessions.${i}.wellbeingNote`, s.wellbeingNote]));
  a.domains.forEach((d, i) => out.push([`domains.${i}.summary`, d.summary], [`domains.${i}.reasonNotExplored`, d.reasonNotExplored]));
  a.evidence.forEach((e, i) =>
    out.push(
      [`evidence.${i}.summary`, e.summary],
      [`evidence.${i}.weightReasons`, e.weightReasons],
      [`evidence.${i}.rejectionReasons`, e.rejectionReasons],
      [`evidence.${i}.observationContext`, e.observationContext],
    ),
  );
  a.adversePoints.forEach((p, i) => out.push([`adversePoints.${i}.text`, p.text], [`adversePoints.${i}.otherExplanations`, p.otherExplanations]));
  a.decision?.reasons.forEach((r, i) => out.push([`decision.reasons.${i}.text`, r.text]));
  a.addenda.forEach((ad, i) => out.push([`addenda.${i}.text`, ad.text]));
  return out.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0);
}

type Located = Array<{ path: string; f: WordingFinding }>;

/** Wording findings for the whole record; the three wording rules share one pass per evaluation. */
export function wordingFindings(a: Assessment, ctx?: RuleContext): Located {
  const cached = ctx?.memo.get('wording') as Located | undefined;
  if (cached) return cached;
  const found = assessorTexts(a).flatMap(([path, text]) => checkWording(text).map((f) => ({ path, f })));
  ctx?.memo.set('wording', found);
  return found;
}

const wordingRule = (id: 'AA-24' | 'AA-32' | 'AA-33', title: string, source: string, remedy: string): Rule => ({
  id,
  severity: 'warn',
  title,
  source,
  remedy,
  departable: false,
  check(a, ctx) {
    return wordingFindings(a, ctx)
      .filter(({ f }) => f.rule === id)
      .map(({ path, f }): Hit => ({ message: `"${f.text}": ${f.reason}`, path, remedy: `Consider: ${f.suggestion}.` }));
  },
});

export const wordingRules: Rule[] = [
  wordingRule('AA-24', 'Wording that puts a burden of proof on the young person', 'R (CJ) v Cardiff [2011] EWCA Civ 1590', 'Describe the evidence and its weight; there is no burden of proof.'),
  wordingRule('AA-32', 'Victim-blaming wording', "Children's Society & NAPAC appropriate language guide (2024); HMICFRS (2023)", 'Describe what others did to the child, and the coercion.'),
  wordingRule('AA-33', 'Doubt-laden wording', 'R (B) v Merton [2003]; R (CJ) v Cardiff [2011]; R (AS) v Kent [2017]', 'Say what the young person said and what was observed, with its limits.'),
];
