/** Transactional descriptions of abuse: "sex in exchange for …", "trading sex", "sex for money" (AA-32). */
import { reasons, sources, type LexiconEntry } from '../families';

const base = { family: 'transaction', reason: reasons.TRANSACTION, source: `${sources.CSLANG}; Magdalene Group; local CSE alternatives sheet` } as const;
const SEX = '(sex|sexual acts|sexual act|sexual favours|sexual favors|sexual services|sexual activity|sexual contact|@poss body|their bodies)';
const GOODS =
  '(money|cash|drugs|drug|food|a place|somewhere|accommodation|a bed|alcohol|cigarettes|gifts|protection|a lift|lifts|travel|transport|rent|a phone|clothes|cannabis|water|shelter|passage|debt|payment)';

export const transaction: LexiconEntry[] = [
  {
    ...base,
    id: 'transaction-exchange',
    patterns: [
      '(sex|sexual|sexually) ~4 (in exchange|in return) for',
      '(in exchange|in return) for (sex|sexual)',
      `sex (with ~3)? for ${GOODS}`,
      `{have|sleep} (sex)? with ~3 (for ${GOODS}|to pay|in return|in exchange)`,
    ],
    unless: '(abused|raped|exploited) @obj (in exchange|in return)',
    suggestion: 'was sexually exploited; adults sexually abused them and (gave / withheld) …',
  },
  {
    ...base,
    id: 'transaction-trading',
    patterns: [
      `{trade|exchange|swap|sell|offer|provide|give|perform|supply} ${SEX}`,
      '{sell|offer} @refl',
      '(survival|transactional) sex',
      '(child|teenage|underage)? sex (work|worker|workers)',
      '(paid|payment) (in @poss? (money|drugs|cash|goods))? for sex',
      '(was|were|been|being|got) paid ~2 (for|in return for) (sex|sexual)',
    ],
    suggestion: 'was sexually exploited (name who exploited them and how)',
  },
];
