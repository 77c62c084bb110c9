/**
 * AA-07, sharpened (DOMAIN.md §8): the interpreter's language and dialect are compared with the
 * young person's recorded first language and dialect. A mismatch is a finding even when an
 * understanding check is recorded: a "yes" to "did you understand?" is weak evidence (Merton; SB).
 * Codes (ISO 639-3) are compared where recorded or derivable from the words; otherwise the words.
 */
import type { Assessment, Participant } from '../../domain/model';
import { languageCodeFromWords, languageName, macrolanguageOf } from '../../domain/identity';
import type { Hit } from '../types';
import { blank, firstLanguage, hit, participantsWithRole } from '../helpers';

const tokens = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && w !== 'dialect' && w !== 'language'),
  );

/** Words that name the same thing: one's words all appear in the other's ("Herati" and "Herati Dari"). */
function sameWords(x: string, y: string): boolean {
  const a = tokens(x);
  const b = tokens(y);
  if (a.size === 0 || b.size === 0) return false;
  return [...a].every((w) => b.has(w)) || [...b].every((w) => a.has(w));
}

interface Told {
  words?: string;
  code?: string;
}
const codeOf = (t: Told) => t.code ?? languageCodeFromWords(t.words);
const describe = (t: Told) => t.words?.trim() || languageName(t.code) || t.code || '';

/** 'same', 'broader' (the interpreter's is the macrolanguage of the young person's), 'different', or 'unknown' (one side blank). */
function compareLanguage(yp: Told, interp: Told): 'same' | 'broader' | 'different' | 'unknown' {
  if (blank(yp.words) && !yp.code) return 'unknown';
  if (blank(interp.words) && !interp.code) return 'unknown';
  const cy = codeOf(yp);
  const ci = codeOf(interp);
  if (cy && ci) {
    if (cy === ci) return 'same';
    // The interpreter recorded only for the macrolanguage (Arabic for a Sudanese Arabic speaker): the variety is open.
    if (macrolanguageOf(cy) === ci) return 'broader';
    // The young person's language recorded only broadly (Pashto) and the interpreter's more precisely: the dialect decides.
    if (macrolanguageOf(ci) === cy) return 'same';
    return 'different';
  }
  return yp.words && interp.words && sameWords(yp.words, interp.words) ? 'same' : 'different';
}

function compareDialect(yp: Told, interp: Told): 'same' | 'different' | 'unknown' {
  if ((blank(yp.words) && !yp.code) || (blank(interp.words) && !interp.code)) return 'unknown';
  const cy = codeOf(yp);
  const ci = codeOf(interp);
  if (cy && ci) return cy === ci ? 'same' : 'different';
  return yp.words && interp.words && sameWords(yp.words, interp.words) ? 'same' : 'different';
}

const interpTold = (p: Participant) => ({ lang: { words: p.language, code: p.languageCode }, dialect: { words: p.dialect, code: p.dialectCode } });

export function interpreterMismatches(a: Assessment): Hit[] {
  const interpreters = participantsWithRole(a, 'interpreter');
  if (interpreters.length === 0) return [];
  const first = firstLanguage(a);
  if (!first) {
    return [hit('The young person\'s first language is not recorded, so the interpreter\'s language and dialect cannot be checked against it.', 'youngPerson.languages', 'Record the young person\'s first language and dialect (Initial presentation).')];
  }
  const ypLang: Told = { words: first.language, code: first.code };
  const ypDialect: Told = { words: first.dialect, code: first.dialectCode };
  const others = a.youngPerson.languages.filter((l) => l !== first);
  const hits: Hit[] = [];
  for (const p of interpreters) {
    const i = a.participants.indexOf(p);
    const t = interpTold(p);
    const lang = compareLanguage(ypLang, t.lang);
    const ypSays = `${describe(ypLang)}${describe(ypDialect) ? `, ${describe(ypDialect)}` : ''}`;
    if (lang === 'different') {
      const spoken = others.some((l) => compareLanguage({ words: l.language, code: l.code }, t.lang) === 'same');
      hits.push({
        message: spoken
          ? `Interpreter ${p.name} interprets in ${describe(t.lang)}, which the young person speaks but which is not their first language (${ypSays}). A recorded understanding check does not make up for it.`
          : `Interpreter ${p.name} interprets in ${describe(t.lang)}, not the young person's first language (${ypSays}). A recorded understanding check does not make up for it.`,
        path: `participants.${i}.language`,
        remedy: 'Book an interpreter in the young person\'s first language and dialect; if none can be found, record a departure saying who was tried and how understanding was made sure of.',
        severity: spoken ? 'warn' : 'block',
        departable: true,
      });
      continue;
    }
    if (lang === 'unknown') continue; // a blank language is reported above
    const dialect = compareDialect(ypDialect, t.dialect);
    if (lang === 'broader' && dialect !== 'same') {
      hits.push({
        message: `Interpreter ${p.name} is recorded for ${describe(t.lang)} generally; the young person's first language is ${ypSays}. Record the interpreter's variety and check it is the young person's.`,
        path: `participants.${i}.dialect`,
        severity: 'block',
        departable: true,
      });
    } else if (dialect === 'different') {
      hits.push({
        message: `Interpreter ${p.name} speaks ${describe(t.lang)} (${describe(t.dialect)}), a different dialect from the young person's (${ypSays}). A recorded understanding check does not make up for it.`,
        path: `participants.${i}.dialect`,
        remedy: 'Book an interpreter in the young person\'s dialect; if none can be found, record a departure saying who was tried and how understanding was made sure of.',
        severity: 'block',
        departable: true,
      });
    }
  }
  return hits;
}
