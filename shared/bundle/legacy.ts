/**
 * Bundles written before identity was normalised (issue #9) still import: what the old free-text
 * form says is mapped where it can be, and nothing else changes. Nationality words get an ISO
 * 3166-1 code beside them ("Afghan" → AF), language and dialect words an ISO 639-3 code
 * ("Pashtu" → pus, "Dari" → prs); words that do not map stay as words with no code. A date told
 * to the month or year gets its Gregorian range, and the old stored first day is dropped when it
 * is exactly what the old conversion gave (a different stored day is left for AA-40 to report).
 * Works on plain JSON before validation, so an old document never fails on a field it lacked.
 */
import { periodOf } from '../domain/calendars';
import { countryCodeFromWords, languageCodeFromWords } from '../domain/identity';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function addCode(o: Json, wordsKey: string, codeKey: string, map: (w: string | undefined) => string | undefined) {
  if (o[codeKey] !== undefined) return;
  const code = map(str(o[wordsKey]));
  if (code) o[codeKey] = code;
}

function upgradeDate(d: unknown): unknown {
  if (!isObject(d) || d.gregorianFrom !== undefined || d.gregorianTo !== undefined) return d;
  const { calendar, year, month, day } = d as { calendar?: unknown; year?: unknown; month?: unknown; day?: unknown };
  if (typeof calendar !== 'string' || typeof year !== 'number') return d;
  let period: { first: string; last: string };
  try {
    period = periodOf({ calendar: calendar as never, year, month: month as number | undefined, day: day as number | undefined });
  } catch {
    return d; // not a date in that calendar: AA-40 says so
  }
  const out: Json = { ...d, gregorianFrom: period.first, gregorianTo: period.last };
  if (day === undefined && out.gregorian === period.first) delete out.gregorian;
  return out;
}

/** A copy of an assessment (plain JSON) with the old free-text identity mapped and date ranges added. */
export function upgradeLegacyAssessment(input: unknown): unknown {
  if (!isObject(input)) return input;
  // A bundle is parsed JSON, so a JSON round trip is a faithful deep copy (structuredClone is not in
  // the pure ES library shared/ is checked against).
  const a: Json = JSON.parse(JSON.stringify(input)) as Json;
  const yp = a.youngPerson;
  if (isObject(yp)) {
    addCode(yp, 'nationality', 'nationalityCode', countryCodeFromWords);
    if (Array.isArray(yp.languages)) {
      for (const l of yp.languages) {
        if (!isObject(l)) continue;
        addCode(l, 'language', 'code', languageCodeFromWords);
        addCode(l, 'dialect', 'dialectCode', languageCodeFromWords);
      }
    }
    if (yp.statedDateOfBirth !== undefined) yp.statedDateOfBirth = upgradeDate(yp.statedDateOfBirth);
  }
  if (Array.isArray(a.participants)) {
    for (const p of a.participants) {
      if (!isObject(p) || p.role !== 'interpreter') continue;
      addCode(p, 'language', 'languageCode', languageCodeFromWords);
      addCode(p, 'dialect', 'dialectCode', languageCodeFromWords);
    }
  }
  if (Array.isArray(a.timeline)) {
    for (const t of a.timeline) if (isObject(t) && t.date !== undefined) t.date = upgradeDate(t.date);
  }
  return a;
}
