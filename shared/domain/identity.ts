/**
 * Normalised identity (issue #9): nationality as an ISO 3166-1 alpha-2 code, languages and
 * dialects as ISO 639-3 codes, so that records can be compared fairly (AA-07: is the interpreter's
 * language the young person's? the quality audit: outcomes by nationality and language). The words
 * as the young person said them are kept beside every code; a code is never invented from words
 * that do not map.
 *
 * The code lists come from data packages (pure data, no Node built-ins): `countries-list` for ISO
 * 3166-1 alpha-2 (with Kosovo's user-assigned XK, which UK practice uses) and `iso-639-3` for ISO
 * 639-3. What is Carefile's own: the words people actually say ("Afghan", "Pashtu", "Farsi") and
 * the few macrolanguage memberships that matter for interpreting, neither of which those lists carry.
 */
import { countries } from 'countries-list';
import { iso6393 } from 'iso-639-3';

export interface CodeOption {
  code: string;
  name: string;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// ---------------------------------------------------------------- countries (ISO 3166-1 alpha-2)

/** Every country, by English name. */
export const countryOptions: readonly CodeOption[] = Object.entries(countries)
  .map(([code, c]) => ({ code, name: c.name }))
  .sort((x, y) => x.name.localeCompare(y.name, 'en'));

const countryByCode = new Map(countryOptions.map((o) => [o.code, o.name]));

export const isCountryCode = (code: string): boolean => countryByCode.has(code);
export const countryName = (code: string | undefined): string | undefined => (code ? countryByCode.get(code) : undefined);

/**
 * Nationalities as people say them (demonyms and common short forms). The countries most often
 * seen in UK age assessments first; extend as practice shows. A nationality that is not a state
 * ("Kurdish", "Rohingya", "Bidoon") stays as words with no code: the code would be a guess.
 */
const nationalityWords: Record<string, string> = {
  afghan: 'AF', afghani: 'AF', eritrean: 'ER', sudanese: 'SD', 'south sudanese': 'SS', ethiopian: 'ET', somali: 'SO',
  iranian: 'IR', persian: 'IR', iraqi: 'IQ', syrian: 'SY', vietnamese: 'VN', albanian: 'AL', kosovan: 'XK', kosovar: 'XK',
  egyptian: 'EG', libyan: 'LY', chadian: 'TD', yemeni: 'YE', kuwaiti: 'KW', pakistani: 'PK', bangladeshi: 'BD', indian: 'IN',
  'sri lankan': 'LK', nigerian: 'NG', guinean: 'GN', gambian: 'GM', malian: 'ML', senegalese: 'SN', ivorian: 'CI',
  cameroonian: 'CM', congolese: 'CD', ghanaian: 'GH', 'sierra leonean': 'SL', moroccan: 'MA', algerian: 'DZ', tunisian: 'TN',
  palestinian: 'PS', lebanese: 'LB', jordanian: 'JO', turkish: 'TR', georgian: 'GE', ukrainian: 'UA', russian: 'RU',
  chinese: 'CN', burmese: 'MM', myanmar: 'MM', nepalese: 'NP', nepali: 'NP', ugandan: 'UG', kenyan: 'KE', rwandan: 'RW',
  burundian: 'BI', zimbabwean: 'ZW', romanian: 'RO', polish: 'PL', british: 'GB', uk: 'GB', 'united kingdom': 'GB',
  'dr congo': 'CD', drc: 'CD', 'ivory coast': 'CI', "cote d'ivoire": 'CI', iran: 'IR', syria: 'SY', vietnam: 'VN',
  'viet nam': 'VN', russia: 'RU', 'south korea': 'KR', 'north korea': 'KP', palestine: 'PS', burma: 'MM',
};

const countryByName = new Map<string, string>();
for (const [code, c] of Object.entries(countries)) {
  countryByName.set(fold(c.name), code);
  for (const alias of (c as { alias?: string[] }).alias ?? []) countryByName.set(fold(alias), code);
}
for (const [words, code] of Object.entries(nationalityWords)) countryByName.set(fold(words), code);

/** The ISO 3166-1 alpha-2 code for a nationality as said ("Afghan", "Afghanistan", "AF"), or undefined. */
export function countryCodeFromWords(words: string | undefined): string | undefined {
  if (!words) return undefined;
  const t = words.trim();
  if (/^[A-Za-z]{2}$/.test(t) && isCountryCode(t.toUpperCase())) return t.toUpperCase();
  return countryByName.get(fold(t));
}

// ---------------------------------------------------------------- languages (ISO 639-3)

/** Living languages and macrolanguages (about 7,000), by name. */
export const languageOptions: readonly CodeOption[] = iso6393
  .filter((l) => l.type === 'living' && l.scope !== 'special')
  .map((l) => ({ code: l.iso6393, name: l.name }))
  .sort((x, y) => x.name.localeCompare(y.name, 'en'));

const languageByCode = new Map(iso6393.map((l) => [l.iso6393, l.name]));

export const isLanguageCode = (code: string): boolean => languageByCode.has(code);
export const languageName = (code: string | undefined): string | undefined => (code ? languageByCode.get(code) : undefined);

/**
 * Language names as people say them where ISO's reference name differs ("Pashto" is ISO's
 * "Pushto"), and dialect names that are separate ISO 639-3 languages (Hazaragi, Sorani).
 * "Farsi" is the Persian of Iran (pes); "Persian" alone is the macrolanguage (fas).
 */
const languageWords: Record<string, string> = {
  pashto: 'pus', pashtu: 'pus', pushtu: 'pus', pukhto: 'pus', farsi: 'pes', 'afghan persian': 'prs', 'dari persian': 'prs',
  hazaragi: 'haz', hazara: 'haz', sorani: 'ckb', kurmanji: 'kmr', badini: 'kmr', 'southern kurdish': 'sdh', feyli: 'sdh',
  tigrigna: 'tir', tigrinia: 'tir', amharinya: 'amh', 'afaan oromo': 'orm', 'oromo': 'orm', punjabi: 'pan', bangla: 'ben',
  swahili: 'swa', fula: 'ful', fulani: 'ful', pular: 'fuf', malay: 'msa', mandarin: 'cmn', cantonese: 'yue',
  'sudanese arabic': 'apd', 'egyptian arabic': 'arz', 'levantine arabic': 'apc', 'iraqi arabic': 'acm', 'libyan arabic': 'ayl',
  'chadian arabic': 'shu', 'juba arabic': 'pga', 'gulf arabic': 'afb', 'yemeni arabic': 'ayh', 'moroccan arabic': 'ary',
  'iranian persian': 'pes', 'kurdish sorani': 'ckb', 'kurdish kurmanji': 'kmr', 'albanian gheg': 'aln', gheg: 'aln', tosk: 'als',
};

// Built on first use: folding ~7,000 names costs tens of milliseconds that startup need not pay.
let languageByName: Map<string, string> | undefined;
function languageNames(): Map<string, string> {
  if (languageByName) return languageByName;
  const m = new Map<string, string>();
  for (const l of iso6393) if (l.type === 'living' && !m.has(fold(l.name))) m.set(fold(l.name), l.iso6393);
  for (const [words, code] of Object.entries(languageWords)) m.set(fold(words), code);
  languageByName = m;
  return m;
}

/** The ISO 639-3 code for a language or dialect as said ("Pashtu", "Dari", "prs"), or undefined. */
export function languageCodeFromWords(words: string | undefined): string | undefined {
  if (!words) return undefined;
  const t = words.trim();
  if (/^[a-z]{3}$/.test(t) && isLanguageCode(t)) return t;
  return languageNames().get(fold(t));
}

/**
 * Macrolanguage memberships that matter for interpreting here (SIL's macrolanguage table, for
 * the languages met in UK age assessments; the iso-639-3 package does not carry memberships).
 */
const macrolanguageMembers: Record<string, readonly string[]> = {
  ara: ['arb', 'apd', 'arz', 'apc', 'ajp', 'acm', 'ayl', 'shu', 'pga', 'afb', 'ayh', 'ary', 'arq', 'aeb', 'acx', 'ars', 'abv', 'acq', 'ssh'],
  fas: ['prs', 'pes'],
  pus: ['pbu', 'pbt', 'pst'],
  kur: ['ckb', 'kmr', 'sdh'],
  sqi: ['aln', 'als', 'aae', 'aat'],
  orm: ['gax', 'gaz', 'hae', 'orc'],
  swa: ['swh', 'swc'],
  ful: ['fuf', 'fuc', 'ffm', 'fuh', 'fue', 'fuq', 'fuv', 'fub', 'fui', 'fvr'],
  zho: ['cmn', 'yue', 'hak', 'nan', 'wuu', 'hsn', 'gan'],
  msa: ['zsm', 'ind'],
  uzb: ['uzn', 'uzs'],
  aze: ['azj', 'azb'],
  kon: ['kng', 'ldi', 'kwy'],
};
const macroOf = new Map(Object.entries(macrolanguageMembers).flatMap(([macro, members]) => members.map((m) => [m, macro] as const)));

/** The macrolanguage an individual language belongs to (prs → fas), if one of those listed. */
export const macrolanguageOf = (code: string): string | undefined => macroOf.get(code);

/**
 * How two ISO 639-3 codes relate: the same language; one the macrolanguage of the other (e.g.
 * Arabic and Sudanese Arabic: the variety is not pinned down); or different languages (Farsi and
 * Dari are different languages of one macrolanguage, and that matters to a child).
 */
export function compareLanguageCodes(a: string, b: string): 'same' | 'broader' | 'different' {
  if (a === b) return 'same';
  if (macroOf.get(a) === b || macroOf.get(b) === a) return 'broader';
  return 'different';
}

/** "Dari (prs)" for lists and the record; the code alone when the list does not know it. */
export const optionLabel = (o: CodeOption): string => `${o.name} (${o.code})`;

/** Reads a picker's text back: "Dari (prs)", "prs", or a name the list or the word tables know. */
export function languageCodeFromPicker(text: string): string | undefined {
  const m = /\(([a-z]{3})\)\s*$/.exec(text.trim());
  if (m && isLanguageCode(m[1]!)) return m[1];
  return languageCodeFromWords(text);
}

export function countryCodeFromPicker(text: string): string | undefined {
  const m = /\(([A-Z]{2})\)\s*$/.exec(text.trim());
  if (m && isCountryCode(m[1]!)) return m[1];
  return countryCodeFromWords(text);
}

export const languageLabel = (code: string | undefined): string => (code ? optionLabel({ code, name: languageName(code) ?? code }) : '');
export const countryLabel = (code: string | undefined): string => (code ? optionLabel({ code, name: countryName(code) ?? code }) : '');
