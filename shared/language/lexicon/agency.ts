/** Agency or consent attributed to a child in their own exploitation or trafficking (AA-32). */
import { reasons, sources, type LexiconEntry } from '../families';
import { EXPLOIT } from './context';

const SUGGEST = 'was exploited, coerced or groomed by (name who, and how)';
const base = { family: 'agency', reason: reasons.CHILD_CANNOT_CONSENT, source: `${sources.CSLANG}; ${sources.HO}` } as const;

export const agency: LexiconEntry[] = [
  {
    ...base,
    id: 'agency-chose-agreed',
    // "chose to go with the men", "agreed to carry the package", "consented to the photographs"
    patterns: [`{choose|agree|consent|decide|opt} (for @refl)? (to|into|with)? ~5 ${EXPLOIT}`],
    notAfter: '@actor',
    negatable: true,
    unless: '{consent|agree|choose|decide|opt} (to|for)? (a|an|the|@poss|their)? ~2 (referral|clinic|assessment|interview|information|sharing|share|records|interpreter|appropriate adult|solicitor|health)',
    suggestion: SUGGEST,
  },
  {
    ...base,
    id: 'agency-willing',
    patterns: [`(willing|happy|prepared|keen|eager|content|wanted) to ~5 ${EXPLOIT}`],
    notAfter: '@actor',
    negatable: true,
    suggestion: SUGGEST,
  },
  {
    ...base,
    id: 'agency-voluntarily',
    patterns: [`(voluntarily|willingly|freely|knowingly|consensually|happily) ~6 ${EXPLOIT}`],
    negatable: true,
    suggestion: SUGGEST,
  },
  {
    ...base,
    id: 'agency-made-a-choice',
    patterns: [
      `{make} (a|an|the|@poss) own? (conscious|deliberate|informed|clear)? (choice|decision) ~5 ${EXPLOIT}`,
      `@poss own? (choice|decision) to ~5 ${EXPLOIT}`,
      'it (was|is) @poss own? (choice|decision)',
      'by @poss own (choice|volition|accord)',
    ],
    negatable: true,
    suggestion: SUGGEST,
  },
  {
    ...base,
    id: 'agency-went-along',
    patterns: [`{go} along with ~4 ${EXPLOIT}`, '{go} along with (it|this|that|what|the plan)'],
    negatable: true,
    suggestion: 'was coerced or controlled into (name by whom)',
  },
  {
    ...base,
    id: 'agency-willing-participant',
    patterns: ['(a|an) (willing|active|consenting) (participant|partner|victim)', 'complicit in', 'allowed @refl to be'],
    suggestion: 'was coerced into; was controlled by',
  },
  {
    ...base,
    id: 'agency-relationship',
    // Language guide: a relationship with, or associating with, adults is grooming, not a choice
    patterns: [
      '(in|having|have|had|has) (a|an) (sexual)? relationship with (an|a)? (older|adult|much older|@yearold|man|men|woman)',
      '(sexual activity|sexual relationship) with (an|a)? (older|adult|@yearold|man|men|woman)',
      '{associate} with (older|adult|known|gang|criminals|criminal|men|males|exploiters|peers involved|the people)',
      '{consent} to (the|a|their|her|his)? (relationship|sex|sexual)',
      'sexually active',
    ],
    source: `${sources.CSLANG}; ${sources.SEWEL}`,
    suggestion: 'was groomed, exploited or sexually abused by (name who)',
  },
  {
    ...base,
    id: 'agency-sending-images',
    patterns: [
      '{send|share} (explicit|indecent|sexual|naked|nude)? (images|pictures|photos|photographs|nudes|selfies) (of @refl)? (to|with) (an|a)? (adults|adult|older|men|man|strangers|stranger)',
      '{contact|chat|talk} (to|with)? (adult|older) (men|males|strangers)',
    ],
    source: `${sources.SEWEL}; ${sources.YJLC}`,
    suggestion: 'adults were contacting and grooming the child',
  },
];
