/** Criminalising or dehumanising labels: absconded, illegal, prostitute, "involved in" crime, offender, drug runner … (AA-32). */
import { reasons, sources, type LexiconEntry } from '../families';

const base = { family: 'label', reason: reasons.LABEL, source: `${sources.CSLANG}; ${sources.YJLC}` } as const;
const CRIME =
  '(cse|cce|crime|crimes|criminal*|exploitation|sexual exploitation|child sexual exploitation|criminal exploitation|county lines|drug*|dealing|gang*|prostitution|the sex trade|sex work|selling|burglar*|theft|thefts|robbery|robberies|violence|offending|shoplifting|the drugs trade|trafficking|modern slavery)';

export const labels: LexiconEntry[] = [
  {
    ...base,
    id: 'label-absconded',
    patterns: ['{abscond}', '{absconder/n}', '(a|as) runaway'],
    suggestion: 'went missing (and say from where, and who may be controlling them)',
  },
  {
    ...base,
    id: 'label-illegal',
    patterns: [
      '(illegal|illegals|clandestine) (immigrant|immigrants|migrant|migrants|entrant|entrants|entry|alien|aliens|arrival|arrivals|worker|workers)',
      'illegally (entered|arrived|came|crossed|travelled|in the|here|into)',
      '{enter|arrive|come|cross} (the UK|the country|britain|england)? illegally',
      '(an|as|as a|as an|are|were|a) (illegal|illegals|clandestine|clandestines) !(operation|operations|route|routes|crossing|work|working|drugs|substances|activity|activities|methods|networks|network)',
    ],
    source: `${sources.CSLANG}; ${sources.HO}`,
    suggestion: 'arrived without permission; an unaccompanied child seeking asylum',
  },
  {
    ...base,
    id: 'label-prostitution',
    patterns: ['prostitut*'],
    source: `${sources.CSLANG}; Magdalene Group`,
    suggestion: 'was sexually exploited (a sexually exploited child); name who exploited them',
  },
  {
    ...base,
    id: 'label-involved-in',
    patterns: [
      `(involved|involvement|participating|participated|participation|engaged|engaging) (in|with) ~2 ${CRIME}`,
      '(involved|involvement) with (criminal|criminals|gangs|gang|dealers|drug dealers|older men|exploiters|the men)',
      '{recruit} (by|into) (a|the)? (gang|gangs|group|county lines|selling|prostitution|crime|dealing)',
    ],
    source: `${sources.YJLC}; ${sources.CSW}`,
    suggestion: 'a victim of (criminal / sexual) exploitation; groomed and exploited by (name who)',
  },
  {
    ...base,
    id: 'label-offender',
    patterns: ['{offender/n}', '(young|persistent|prolific|juvenile|repeat) offending', 'perpetrator of crime'],
    notAfter: '(sex|registered sex|the|adult|alleged)',
    suggestion: 'a child who was criminally exploited (name what was done to them)',
  },
  {
    ...base,
    id: 'label-runner-mule',
    patterns: [
      '(drug|drugs|money|cash) (runner|runners|mule|mules)',
      '(a|as) (runner|runners|mule|mules) (for|in|on|between)',
      '(as|is|was|became|been|being|a|an) (a|an)? (drug|drugs)? dealer',
      '(as|is|was|became|been|being) (a|an) gang member',
      '(plugging|plugged) !(in|into|the phone|a phone|it)',
      '{plug} (drugs|cannabis|cocaine|heroin|packages)',
      '(caught|arrested for|charged with|accused of|was) trafficking (drugs|cannabis|cocaine|heroin)',
    ],
    suggestion: 'coerced to move money or drugs; forced to carry drugs internally',
  },
  {
    ...base,
    id: 'label-minimising',
    patterns: [
      'child (porn|pornography|pornographic)',
      'historic (abuse|sexual abuse)|historical (abuse|sexual abuse)',
      '(street-wise|streetwise|troublemaker|troublemakers|promiscuous|attention-seeking)',
      'manipulative (child|young person|girl|boy)',
    ],
    source: `${sources.SEWEL}; Durham SCP; Connected Kids guide`,
    suggestion: 'child sexual abuse material; non-recent abuse; vulnerable and being manipulated',
  },
];
