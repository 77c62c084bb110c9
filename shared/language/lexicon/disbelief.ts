/** Disbelief and doubt: not believed, not credible, story, claims, alleged, so-called, admitted, evasive, lying … (AA-33). */
import { reasons, sources, type LexiconEntry } from '../families';

const base = { family: 'disbelief', reason: reasons.OPEN_MIND, source: sources.MERTON } as const;
const SAYS = 'states; says; told us (e.g. "she says she is 16"), with what supports or tests it';
/** Others' disbelief reported as history (the port officer, the Home Office) is not the assessors' own voice. */
const OTHERS = '(officer|officers|home office|police|port|tribunal|court|previous assessors|the council|screening)';

export const disbelief: LexiconEntry[] = [
  {
    ...base,
    id: 'disbelief-not-believed',
    patterns: [
      '(not|never|n\'t) (be|been|being)? believed',
      '((do|does|did|could|can|would) not|cannot) believe (@obj|@poss|that|the|this|what|a|any|@pron)',
      '(don\'t|didn\'t|doesn\'t|couldn\'t|can\'t) believe (@obj|@poss|that|the|this|what|@pron)',
      '{disbelieve}',
      '(refused|refuse|unable|hard|difficult|impossible) to believe',
      '(not|un) believable|unbelievable',
      '(not|never) (convinced|persuaded)',
      '(sceptical|skeptical|doubtful) (of|about|that)',
      '(we|assessors|I) (doubt|doubted) (that|whether|@poss|the)',
      '(do|does|did) not accept ~3 (true|truthful|genuine|credible)',
      '(unlikely|not likely) to be (true|truthful|genuine|accurate)',
    ],
    notAfter: OTHERS,
    suggestion: 'the specific point, the young person\'s answer, and the weight given',
  },
  {
    ...base,
    id: 'disbelief-credible',
    patterns: [
      '(not|never|less|hardly|barely) (found|considered|thought|deemed|regarded as|accepted as)? (to be)? (at all|very|entirely|wholly|particularly)? credible',
      'incredible (account|story|explanation)',
      '(lacks|lack|lacked|lacking|no) credibility',
      'credibility of @poss',
      '(not|n\'t|never) (find|found|consider|considered|regard|regarded|think|thought|accept|accepted) (@obj|@poss|the|this) ~2 (credible|truthful|genuine|honest|reliable)',
      'implausible|improbable',
      '(question|questioned|doubt|doubted|undermines|undermined|damaged) (the|@poss) credibility',
    ],
    source: `${sources.MERTON}; MVN v Greenwich [2015] EWHC 1942`,
    suggestion: 'the specific point, the young person\'s answer, and the weight given (an untrue history does not prove a false age)',
  },
  {
    ...base,
    id: 'disbelief-story',
    patterns: [
      '(@poss|the young person\'s|his own|her own|their own) (stories|story|tale|tales|version)',
      '{tell|change|give|make|invent|concoct|fabricate|spin|stick} (up)? (a|the|@poss|this|that)? ~1 (stories|story|tale|tales)',
      '(the|this|that) (story|stories|tale) (@pron|that @pron|which @pron) (told|gave|tells|gives|has told)',
      'scripted (story|account|answers)',
      '(version of events)',
    ],
    unless: '(life story|life-story|bedtime story|story book|storybook|news story|story time|short story|the story the teacher|read (her|him|them) a)',
    suggestion: 'account (e.g. "his account of the journey")',
  },
  {
    ...base,
    id: 'disbelief-claims',
    patterns: [
      '{claim} (to (be|have) (a child|a minor|under 18|younger|only @num|@num)?|that|to|about|@pron|@poss (father|mother|parents|family|brother|sister|uncle)|not to)',
      '@poss (claim|claims) (to|about|that|of being|regarding)',
      '(the young person\'s|@poss) claims',
      '{allege} (that|to|@pron)',
      'alleged|allegedly',
      '{insist} that @pron (is|was|are|were)',
      '(pretending|pretends|pretended|posing) (to be|as)',
    ],
    unless: '(alleged|allegedly) (perpetrator|perpetrators|offender|offenders|offence|offences|suspect|suspects|abuser|abusers|trafficker|traffickers|exploiter|exploiters|attacker)|alleged by|police are investigating|claimed (age|date|nationality|name|asylum)',
    suggestion: SAYS,
  },
  {
    ...base,
    id: 'disbelief-so-called',
    patterns: ['so-called', 'supposedly', '(the|a|his|her|their) supposed', 'purport*', 'ostensibly', 'professed'],
    suggestion: SAYS,
  },
  {
    ...base,
    id: 'disbelief-admitted',
    patterns: ["{admit} !((to|into|onto) (the|a|an)? (hospital|college|college's|school|a&e|ward|university|course|esol|class|programme|unit|department|sixth|placement|care))", '(made|make|makes) (an|the) admission'],
    suggestion: 'told us; said; disclosed',
  },
  {
    ...base,
    id: 'disbelief-honesty',
    patterns: [
      'evasive*',
      '(rehearsed|coached|scripted|well-rehearsed)',
      'untruthful|dishonest*|deceitful|deceptive|deceiving|mendacious',
      'fabricat*',
      '{lie} (about|to)',
      'lying',
      '(lied|lies)',
      '(not|never|n\'t) (been|being|be)? (truthful|honest|telling the truth|forthcoming|open)',
      '{make} up (the|a|@poss) (story|account|age|history)',
      'economical with the truth',
    ],
    unless: '(lying|lie|lies|lay) (on|down|in bed|in the|asleep|awake|still|low|ahead)|rehearsed (@poss|the|a) (lines|part|play|song|speech)|coached (for|in|at) |(play|drama|football|cricket|driving)|(not|no|never) (find|found|think|thought|believe|believed|suggest|suggesting|say|saying) (that)? @pron (was|is|were|had been|has been)? (lying|dishonest|evasive)',
    notAfter: '(traffickers|smugglers|agent|agents|men|exploiters|gang)',
    source: sources.TVN,
    reason: reasons.HONESTY,
    suggestion: '"The account differed on X; the explanation given was …; possible reasons: …"',
  },
];
