/**
 * Shared word-pattern pieces: what marks a sentence as being about exploitation, and the young
 * person's evidence of age. Registered as macros so each is parsed once (@exploit, @ageevidence).
 */
import { macros } from '../pattern';


/** Exploiters, the exploitation, and its places and goods (agency wording counts only near these). */
macros.exploit =
  '(men|man|males|male|adults|adult|older|traffickers|trafficker|traffick*|smugglers|smuggler|smuggl*|agent|gang|gangs|group|dealers|exploiters|exploit*|drugs|drug|cannabis|cocaine|package|packages|bags|sex|sexual|sexually|photographs|photos|images|pictures|flat|flats|house|houses|address|addresses|car wash|nail bar|farm|factory|county lines|money|debt|burglar*|deliver*|carry|hold|sell|selling|lorry|driver|parties|relationship|boyfriend|abuse|abused|trap house|line|protection|car|cars|woman|women|recruit*|missing|associate|dealing|being moved|sleep at|work for|work off)';

/** What a burden wording is about: the young person's age, its evidence, or their account. */
macros.ageevidence =
  '(age|ages|date of birth|dob|birth certificate|minority|a child|a minor|under 18|under eighteen|claim|claimed age|stated age|account|identity|documents|documentation|evidence|proof|papers|@num|that @pron (is|was|are|were))';

export const EXPLOIT = '@exploit';
export const AGE_EVIDENCE = '@ageevidence';
