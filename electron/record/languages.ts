/**
 * The language (BCP 47) of text drawn in Arabic script or Ge'ez, for /Lang on its spans, from the
 * young person's recorded languages: the first one written in that script, else the script's most
 * common language among the young people Carefile serves (Arabic; Tigrinya).
 */
import type { Assessment } from '../../shared/domain/model';
import type { ScriptLanguages } from './tags';

const ARABIC_SCRIPT: Array<[RegExp, string]> = [
  [/dari/i, 'fa-AF'],
  [/pashto|pushto/i, 'ps'],
  [/persian|farsi/i, 'fa'],
  [/sorani|kurdish/i, 'ckb'],
  [/urdu/i, 'ur'],
  [/arabic/i, 'ar'],
];
const GEEZ_SCRIPT: Array<[RegExp, string]> = [
  [/tigrinya|tigrigna/i, 'ti'],
  [/amharic/i, 'am'],
  [/tigre\b/i, 'tig'],
];

function pick(languages: Assessment['youngPerson']['languages'], table: Array<[RegExp, string]>): string | undefined {
  for (const l of languages) {
    for (const [re, tag] of table) if (re.test(l.language)) return tag;
  }
  return undefined;
}

export function scriptLanguages(a: Assessment): ScriptLanguages {
  const langs = [...a.youngPerson.languages].sort((x, y) => Number(y.firstLanguage) - Number(x.firstLanguage));
  return { naskh: pick(langs, ARABIC_SCRIPT) ?? 'ar', ethiopic: pick(langs, GEEZ_SCRIPT) ?? 'ti' };
}
