/** Certainty from appearance: "clearly an adult", "looks mid-20s", "mature features", not assessing further on appearance (AA-33). */
import { reasons, sources, type LexiconEntry } from '../families';

const base = { family: 'appearance', reason: reasons.APPEARANCE, source: sources.BF } as const;
const ADULT =
  '(adult|adults|grown|grown-up|older|over|much older|mature|in @poss (twenties|20s|thirties|30s|mid-twenties|late twenties|early twenties|mid-20s|late 20s|early 20s)|not a child|not a minor|not @num|man|woman|a man|a woman|well over|significantly over|@adultnum or over)';
const CERTAIN = '(clearly|obviously|plainly|evidently|undoubtedly|certainly|definitely|patently|visibly|manifestly|unmistakably|very obviously|quite clearly|so obviously)';
const LOOK = '(look|looks|looked|looking|appear|appears|appeared|appearing|seem|seems|seemed|present|presents|presented|presenting|came across|comes across|come across)';
const AGED = '(early|mid|late)? (20s|twenties|30s|thirties|@adultnum|mid-20s|mid-twenties|late-20s|early-20s)';

export const appearance: LexiconEntry[] = [
  {
    ...base,
    id: 'appearance-clearly-adult',
    patterns: [
      `${CERTAIN} (a|an|be|is|was)? ${ADULT}`,
      `${CERTAIN} ${LOOK} (to be|like|as)? (a|an)? ${ADULT}`,
      '(could not|cannot|can\'t|couldn\'t) (possibly)? be (a child|@num|under 18|a minor)',
    ],
    suggestion: 'the specific observation, its limits, and the other evidence',
  },
  {
    ...base,
    id: 'appearance-looks-age',
    patterns: [
      `${LOOK} (to be|like|as)? (a|an)? (about|around|approximately|at least|well|much|considerably|significantly|far|a lot|easily)? (in @poss)? ${AGED}`,
      `${LOOK} (to be|like|as)? (a|an)? (about|around|approximately|at least|well|much|considerably|significantly|far|a lot|easily)? (over @adultnum|older than @num|(over|older than) (@poss (stated|claimed|given|reported)? age|he|she|they))`,
      `${LOOK} (to be|like|as)? (a|an) (adult|grown man|grown woman|man|woman) (in|throughout|of)?`,
    ],
    suggestion: 'the observation (height, face, voice), its unreliability, and the other evidence',
  },
  {
    ...base,
    id: 'appearance-of-an-adult',
    patterns: [
      '(appearance|presentation|demeanour|demeanor|build|face|features|physique|manner|looks|body) (is|was|are|were)? (that|those)? (of|consistent with) (a|an|someone)? (adult|grown|over|man|woman|older)',
      '(appearance|presentation|demeanour|demeanor|looks|features|beard|facial hair|hairline|physique|build) ~4 (suggest|suggests|suggested|indicate|indicates|indicated|show|shows|showed|prove|proves|mean|means|point|points|consistent with) ~4 (adult|over 18|over eighteen|older than|in @poss (twenties|20s))',
      '(mature|adult|aged|grown-up|manly) (facial)? (features|face|appearance|physique|build|body|look|manner|demeanour|demeanor|presentation|bearing)',
      'physically mature',
      'assertive*|self-assured|overly confident',
      '(confident|adult-like|mature) (manner|demeanour|demeanor|body language|presentation|way of speaking)',
      // FZ: "presented as very confident", "came across as mature", but not "confident in her English exam"
      '(appeared|appears|seemed|seems|presented as|presents as|came across as|comes across as|spoke) (very|quite|extremely|highly|so)? (confident|confidently|mature|self-confident|worldly) !(in|about|that|with|using|when|for)',
    ],
    source: `${sources.FZ}; ${sources.BF}`,
    suggestion: 'the observation, with cultural and trauma context; not determinative of age',
  },
  {
    ...base,
    id: 'appearance-not-assessing',
    patterns: [
      '(on|based on|because of|given|from|due to|owing to) (@poss|the)? (physical)? (appearance|appearances|looks|presentation|demeanour|demeanor) ~6 (adult|over 18|older|not needed|not necessary|unnecessary|no further|no full|not required|not continue|did not proceed|concluded)',
      '(decided|decision|did not|no further|not needed|not necessary|not continue|not proceed|not required|unnecessary|ended|stopped) ~6 (because of|on|based on|given|due to) (@poss|the)? (physical)? (appearance|looks|presentation|demeanour|demeanor)',
      '(assessed|treated|judged|deemed|considered) (@obj)? as (an)? adult (on|because of|from|by) (@poss)? (appearance|looks)',
      'on appearance alone',
    ],
    unless: '(not adopt|do not rely|does not rely|did not rely|not relied|was not adopted|which we do not|we do not|not accepted|unlawful|not a basis|little weight|no weight|unreliable)',
    source: sources.BF,
    suggestion: 'a full, fair assessment; appearance is not a reason to stop (except a recorded obvious case, AA-39)',
  },
];
