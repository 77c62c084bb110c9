/**
 * The wording lexicon (AA-24, AA-32, AA-33): data, not code. Each pattern is a regular
 * expression source matched case-insensitively at word boundaries; use only non-capturing
 * groups `(?:...)`. Sources: DOMAIN.md §4 (Children's Society & NAPAC appropriate language
 * guide 2024; Complex Safeguarding Wales; YJLC; Sewel, Language Matters; Merton, CJ and AS for
 * the doubt-laden and burden-shifting entries, which are derived from the case law, not a published list).
 */
export type WordingCategory = 'victim-blaming' | 'doubt-laden' | 'burden-shifting';

export interface LexiconEntry {
  id: string;
  category: WordingCategory;
  pattern: string;
  suggestion: string;
  reason: string;
  rule: 'AA-24' | 'AA-32' | 'AA-33';
  source: string;
}

const REFL = '(?:himself|herself|themselves|themself|themselfs)';
const CSLANG = "Children's Society & NAPAC, appropriate language guide (2024)";
const CSW = 'Complex Safeguarding Wales (Cardiff)';
const YJLC = 'Youth Justice Legal Centre';
const SEWEL = 'Sewel, Language Matters';
const MERTON = 'R (B) v Merton [2003]; R (AS) v Kent [2017]';
const CJ = 'R (CJ) v Cardiff [2011] EWCA Civ 1590';
const FZ = 'R (FZ) v Croydon [2011] EWCA Civ 59';

const vb = (id: string, pattern: string, suggestion: string, reason: string, source = CSLANG): LexiconEntry => ({ id, category: 'victim-blaming', pattern, suggestion, reason, rule: 'AA-32', source });
const dl = (id: string, pattern: string, suggestion: string, reason: string, source = MERTON): LexiconEntry => ({ id, category: 'doubt-laden', pattern, suggestion, reason, rule: 'AA-33', source });
const bs = (id: string, pattern: string, suggestion: string, reason: string, source = CJ): LexiconEntry => ({ id, category: 'burden-shifting', pattern, suggestion, reason, rule: 'AA-24', source });

const CHILD_BLAME = 'It places responsibility on the child for harm done to them by others.';
const NO_BURDEN = 'There is no burden of proof on the young person; the assessor weighs all the evidence on the balance of probabilities.';
const OPEN_MIND = 'It presumes the conclusion; describe what was said or observed, its limits and the other evidence.';

export const lexicon: readonly LexiconEntry[] = [
  // Victim-blaming (AA-32)
  vb('put-at-risk', `(?:put|puts|putting|place|placed|places|placing)\\s+${REFL}\\s+(?:at\\s+(?:risk|harm)|in\\s+danger|in\\s+harm's\\s+way)`, 'at risk from others; the situation reduced their safety', CHILD_BLAME, `${CSLANG}; ${CSW}`),
  vb('involved-in', '(?:was|were|is|are|be|been|being|became|become|got|gets|getting)\\s+involved\\s+in\\s+(?:cse|cce|child\\s+sexual\\s+exploitation|criminal\\s+exploitation|county\\s+lines|crime|criminal\\s+activity|drug\\s+dealing|dealing|prostitution|gang\\s+activity|gangs?|the\\s+sex\\s+trade|selling\\s+drugs)', 'a victim of exploitation; groomed and exploited by', 'A child cannot choose to be exploited; name what was done to them.', `${YJLC}; ${CSW}`),
  vb('recruited', '(?:was|were|been|being|got)\\s+recruited\\s+(?:by|into)', 'criminally exploited by', 'Recruitment implies a choice; the child was exploited.', CSW),
  vb('going-missing', '(?:keeps|kept|keep)\\s+(?:going|running)\\s+missing', 'is being trafficked or controlled; goes missing (a risk indicator)', 'Going missing is a sign of control by others, not a behaviour to blame.', CSW),
  vb('goes-back', '(?:keeps\\s+going|keeps\\s+returning|kept\\s+going|kept\\s+returning|chose\\s+to\\s+(?:go|return))\\s+back\\s+to\\s+(?:them|him|her|the\\s+(?:men|man|group|house|perpetrators?|exploiters?))', 'is being drawn back by those exploiting them', CHILD_BLAME, CSW),
  vb('sexually-active', 'sexually\\s+active', 'being sexually abused (state the age and the adult\'s actions)', 'A child cannot consent to their own abuse.', 'Local CSE alternatives sheet; ' + CSLANG),
  vb('sexual-activity-with', 'sexual\\s+(?:activity|relationship)\\s+with\\s+(?:an?\\s+)?(?:older|adult|\\d{2}[- ]year[- ]old|man|men|woman)', 'was sexually abused by', 'A child cannot consent to their own abuse.'),
  vb('relationship-with', '(?:in\\s+a\\s+relationship|having\\s+a\\s+relationship)\\s+with\\s+(?:an?\\s+)?(?:older|adult|much\\s+older|\\d{2}[- ]year[- ]old)', 'being groomed or exploited by', 'Presents grooming as a choice the child made.', SEWEL),
  vb('associating', '(?:associating|associates|associated)\\s+with\\s+(?:older|adult|known|gang|criminals?|men|males|exploiters?|peers\\s+involved)', 'being groomed or exploited by', 'Presents the child as choosing the company of those exploiting them.', SEWEL),
  vb('sending-images', '(?:sending|sent|sends|shared|sharing)\\s+(?:explicit\\s+|indecent\\s+|sexual\\s+|naked\\s+|nude\\s+)?(?:images|pictures|photos|photographs|nudes|selfies)\\s+(?:of\\s+(?:himself|herself|themselves)\\s+)?(?:to|with)\\s+(?:an?\\s+)?(?:adults?|older|men|man|strangers?)', 'adults were contacting and grooming the child', 'Names the child\'s act instead of the adult\'s abuse.', `${SEWEL}; ${YJLC}`),
  vb('contacting-adults', '(?:contacting|contacted|talking\\s+to|chatting\\s+(?:to|with))\\s+(?:adult|older)\\s+(?:men|males|strangers)', 'adults were contacting and grooming the child', 'Names the child\'s act instead of the adult\'s abuse.', SEWEL),
  vb('exchange-for-sex', '(?:drugs|money|alcohol|gifts|cigarettes|a\\s+place\\s+to\\s+stay)\\s+(?:in\\s+exchange|in\\s+return)\\s+for\\s+sex', 'being sexually exploited', 'Describes exploitation as a transaction the child chose.', 'Local CSE alternatives sheet; Magdalene Group'),
  vb('child-prostitute', '(?:child|teenage|underage|young)\\s+prostitutes?|prostituting\\s+(?:himself|herself|themselves)|(?:works?|worked|working)\\s+as\\s+a\\s+prostitute', 'a sexually exploited child', 'Children are victims of sexual exploitation, never prostitutes.', 'Magdalene Group; ' + CSLANG),
  vb('child-pornography', 'child\\s+porn(?:ography)?', 'child sexual abuse material', 'It is a record of abuse, not pornography.', 'Connected Kids guide'),
  vb('lifestyle-choice', '(?:risky|poor|bad|unwise|dangerous)\\s+(?:choices|decisions|lifestyle)|lifestyle\\s+choices?|risk[- ]taking\\s+behaviou?r|(?:chose|choosing|chooses)\\s+to\\s+(?:stay|go|work|live)\\s+with\\s+(?:the\\s+)?(?:traffickers?|smugglers?|exploiters?|older\\s+men|gang)', 'vulnerable; being manipulated or coerced', 'Treats exploitation as the child\'s choice (Jay 2014).', `${SEWEL}; Durham SCP; Jay Report 2014`),
  vb('streetwise', 'street[- ]?wise|troublemaker|promiscuous|attention[- ]seeking|manipulative\\s+(?:child|young\\s+person|girl|boy)', 'vulnerable; being manipulated', 'Labels the child instead of describing what is happening to them.', `${SEWEL}; Durham SCP`),
  vb('money-mule', 'money\\s+mules?|drug\\s+runners?|drugs\\s+runners?|\\bplugging\\b', 'coerced to move money or drugs; forced to carry drugs internally', 'Names a role in crime rather than the exploitation.', YJLC),
  vb('historical-abuse', 'historic(?:al)?\\s+(?:abuse|sexual\\s+abuse)', 'non-recent abuse', '"Historical" suggests the harm is over and less serious.', SEWEL),
  vb('consented', '(?:consented|agreed|willing(?:ly)?)\\s+to\\s+(?:sex|sexual|have\\s+sex|be\\s+(?:exploited|trafficked|smuggled\\s+for\\s+work))', 'was abused; was exploited', 'A child cannot consent to their own abuse or exploitation.'),
  vb('allowed-herself', 'allowed\\s+(?:himself|herself|themselves)\\s+to\\s+be', 'was (exploited / abused) by', CHILD_BLAME),
  vb('complicit', 'complicit\\s+in|(?:a\\s+)?willing\\s+participant', 'coerced into; controlled by', CHILD_BLAME),
  // Doubt-laden age wording (AA-33)
  dl('alleged', 'alleged(?:ly)?|so[- ]called|supposed(?:ly)?|purports?|purported(?:ly)?|purporting', 'states; says; gives (e.g. "states their age is 16")', 'Signals disbelief before the evidence is weighed; the assessment must keep an open mind.'),
  dl('claims-to-be', '(?:claims|claimed|claiming)\\s+to\\s+be\\s+(?:a\\s+child|a\\s+minor|under\\s+18|\\d{1,2}|only\\s+\\d{1,2}|younger)', 'says they are (e.g. "says she is 16")', '"Claims" signals disbelief; "claimed age" as a technical term is fine, but use "says" for what the young person told you.'),
  dl('obviously-adult', '(?:obviously|clearly|evidently|plainly|undoubtedly|certainly)\\s+(?:an?\\s+)?(?:adult|older|over\\s+18|over\\s+eighteen|mature|a\\s+grown\\s+man|a\\s+grown\\s+woman|in\\s+(?:his|her|their)\\s+(?:twenties|20s|thirties|30s)|not\\s+a\\s+child|not\\s+(?:\\d{1,2}|sixteen|fifteen|seventeen))', 'the specific observation, its limits, and the other evidence', OPEN_MIND),
  dl('looks-twenties', '(?:looks?|looked|looking|appears?|appeared|seems?|seemed)\\s+(?:to\\s+be\\s+)?(?:about\\s+|around\\s+|at\\s+least\\s+|well\\s+)?(?:in\\s+(?:his|her|their)\\s+)?(?:(?:early|mid|late)[- ]?)?(?:20s|twenties|30s|thirties|2\\d|over\\s+(?:18|eighteen|20|twenty))', 'the observation (height, face, voice), its unreliability, and the other evidence', 'Appearance is notoriously unreliable and not a basis for age (Merton; BF (Eritrea)).', 'R (B) v Merton [2003]; BF (Eritrea) [2021] UKSC 38'),
  dl('older-than-stated', '(?:looks?|looked|appears?|appeared|seems?|seemed|presents?|presented)\\s+(?:much\\s+|far\\s+|significantly\\s+|considerably\\s+)?older\\s+than\\s+(?:his|her|their|the)\\s+(?:stated|claimed|given|reported)\\s+age', 'the specific observation, its limits and its context', 'Appearance is notoriously unreliable and not a basis for age.', 'R (B) v Merton [2003]; BF (Eritrea) [2021] UKSC 38'),
  dl('mature-features', 'mature\\s+(?:features|facial\\s+features|appearance|physique|face|look|build|body|manner|demeanou?r)|(?:adult|aged)\\s+(?:features|appearance|face)|physically\\s+mature', 'the observation, with cultural and trauma context; not determinative', 'Criticised in FZ: physical maturity varies with ethnicity, nutrition and trauma.', FZ),
  dl('assertive', 'assertive(?:ly|ness)?|self[- ]assured|overly\\s+confident|(?:confident|adult[- ]like|mature)\\s+(?:manner|demeanou?r|body\\s+language|presentation|way\\s+of\\s+speaking)|(?:appeared|seemed|presented\\s+as|came\\s+across\\s+as|spoke)\\s+(?:very\\s+|quite\\s+|extremely\\s+|highly\\s+)?(?:confident(?:ly)?|mature)(?!\\s+(?:in|about|that|with|using|when|for)\\b)', 'describe what was said or done, with cultural and trauma context; demeanour is not evidence of age', 'Demeanour ("assertive", "confident") was criticised in FZ as a basis for age.', FZ),
  dl('evasive', 'evasive(?:ly|ness)?|rehearsed|coached|scripted\\s+(?:account|answers|story)|(?:was|is|were|been|being)\\s+(?:lying|dishonest|deceitful|untruthful|not\\s+truthful)|(?:he|she|they)\\s+lied|fabricat(?:ed|ing|ion)|made\\s+up\\s+(?:his|her|their)\\s+(?:story|account|age)|economical\\s+with\\s+the\\s+truth', '"The account differed on X; explanation given: ...; possible reasons: ..."', 'States a conclusion about honesty; record the difference, the answer and other explanations (trauma, interpreting, calendars, instructions from traffickers).', `${MERTON}; TVN v SSHD [2021] EWHC 3019`),
  dl('not-credible', '(?:is|was|be|found(?:\\s+(?:him|her|them))?)\\s+not\\s+(?:at\\s+all\\s+)?credible|lacks?\\s+credibility|(?:wholly\\s+|entirely\\s+)?implausible\\s+(?:account|story)|(?:account|story)\\s+(?:is|was)\\s+(?:wholly\\s+|entirely\\s+)?(?:implausible|unbelievable|not\\s+believable)', 'the specific point, the young person\'s answer, and the weight given', 'A global credibility finding; an untrue history does not prove a false age (Merton, quoted in SB).', 'R (B) v Merton [2003]; MVN v Greenwich [2015]'),
  dl('age-disputed-person', '(?:pretending|pretends|pretended)\\s+to\\s+be\\s+(?:a\\s+child|younger|\\d{1,2})|(?:an\\s+)?adult\\s+posing\\s+as\\s+a\\s+child', 'says they are [age]', OPEN_MIND),
  // Burden-shifting (AA-24)
  bs('failed-to-prove', '(?:failed|fails|failing|unable|not\\s+able|not\\s+been\\s+able|could\\s+not|couldn\'t|did\\s+not|didn\'t|has\\s+not|hasn\'t|have\\s+not|cannot|can\'t)\\s+(?:to\\s+)?(?:prove|proved|proven|demonstrate|demonstrated|establish|established|substantiate|substantiated|show|shown)\\s+(?:(?:his|her|their)\\s+(?:age|claimed\\s+age|stated\\s+age|date\\s+of\\s+birth|claim|minority)|that\\s+(?:he|she|they)\\s+(?:is|are|was|were)\\s+(?:a\\s+child|under|a\\s+minor|\\d{1,2}))', 'the evidence is inconclusive; the benefit of the doubt was considered', NO_BURDEN),
  bs('burden-on', '(?:burden|onus)\\s+(?:of\\s+proof\\s+)?(?:is|was|lies|lay|rests|rested|falls|fell)\\s+(?:on|upon|with)\\s+(?:him|her|them|the\\s+young\\s+person|the\\s+applicant|the\\s+claimant|the\\s+child)', 'no burden of proof lies on either side; the assessor weighs all the evidence', NO_BURDEN),
  bs('needs-to-prove', '(?:(?:needs|need|needed|has|have|had|is\\s+required|was\\s+required|required)\\s+to|must)\\s+(?:prove|demonstrate|establish|show|evidence|substantiate)\\s+(?:his|her|their|that\\s+(?:he|she|they))', 'the assessor gathers and weighs the evidence', NO_BURDEN),
  bs('no-evidence-provided', '(?:has|have|had)\\s+(?:not\\s+|never\\s+)?(?:provided|produced|offered|given)\\s+(?:no\\s+|any\\s+)?(?:evidence|proof|documents|documentation)\\s+(?:to\\s+(?:support|prove|confirm|substantiate)|of)\\s+(?:his|her|their)\\s+(?:age|claim|claimed\\s+age|stated\\s+age|date\\s+of\\s+birth)|failed\\s+to\\s+(?:provide|produce)\\s+(?:any\\s+)?(?:evidence|proof|documents|documentation)', 'no documents are available; what other evidence shows', NO_BURDEN),
  bs('no-proof', '(?:no|without)\\s+proof\\s+of\\s+(?:age|(?:his|her|their)\\s+age)|not\\s+(?:been\\s+)?(?:proven|proved)\\s+to\\s+be\\s+(?:a\\s+child|under\\s+18|a\\s+minor)', 'the evidence about age is inconclusive', NO_BURDEN),
  bs('unsubstantiated', '(?:claim|account|stated\\s+age|claimed\\s+age)\\s+(?:is|was|remains|remained)\\s+unsubstantiated|(?:his|her|their)\\s+age\\s+(?:is|was)\\s+unproven', 'the evidence is inconclusive; weigh what there is', NO_BURDEN),
  bs('give-benefit-if-proves', '(?:unless|until)\\s+(?:he|she|they)\\s+(?:can\\s+)?(?:prove|proves|proved|provides?\\s+proof)', 'weigh the available evidence and apply the benefit of the doubt', NO_BURDEN),
];
