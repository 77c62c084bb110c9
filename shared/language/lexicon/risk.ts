/** Risk placed on the child: "putting themselves at risk", "risky behaviour", "lifestyle" (AA-32). */
import { reasons, sources, type LexiconEntry } from '../families';

const base = { family: 'risk', reason: reasons.CHILD_BLAME, source: `${sources.CSLANG}; ${sources.CSW}` } as const;
const DANGER = '(risk|risks|danger|dangerous|harm|harm\'s|unsafe|risky|vulnerable|exploitation|jeopardy|peril)';

export const risk: LexiconEntry[] = [
  {
    ...base,
    id: 'risk-put-themselves',
    patterns: [`{put|place|expose|get|leave|keep} @refl ~4 ${DANGER}`, `{put|place|expose} @refl (at|in|to|into) (greater|serious|significant|real|further)? ${DANGER}`],
    suggestion: 'is at risk from (name who); the situation reduced their safety',
  },
  {
    ...base,
    id: 'risk-risky-behaviour',
    patterns: [
      '(risky|risk-taking|high-risk|unsafe|reckless|dangerous|self-destructive) (sexual)? (behaviour|behaviours|behavior|behaviors|choices|choice|decisions|lifestyle|situations)',
      '(behaviour|behaviours|behavior|choices|conduct) (is|are|was|were|has been|have been) (very|quite|extremely|increasingly|highly)? (risky|reckless|dangerous)',
      '{take} risks with @poss own? (safety|life|lives|wellbeing|welfare)',
      '(because of|due to|through|from) @poss own (choices|choice|behaviour|actions|decisions|lifestyle)',
    ],
    source: `${sources.SEWEL}; Durham SCP; ${sources.JAY}`,
    suggestion: 'is being exploited and controlled; the risk comes from (name who)',
  },
  {
    ...base,
    id: 'risk-lifestyle',
    patterns: ['{lifestyle/n} (choice|choices)?'],
    notAfter: '(healthy|active|balanced|settled|sporting|student)',
    source: `${sources.JAY}; ${sources.SEWEL}`,
    suggestion: 'the exploitation (name who controls it and how); the young person is vulnerable',
  },
  {
    ...base,
    id: 'risk-going-missing',
    patterns: [
      '{keep} (going|running) missing',
      '(keeps|kept|keep) (going|returning) back to (them|him|her|the men|the man|the group|the house|the perpetrators|the exploiters|the address)',
    ],
    source: sources.CSW,
    suggestion: 'is being trafficked or controlled; goes missing (a risk indicator)',
  },
];
