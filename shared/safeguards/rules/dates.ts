/** AA-40: dates as told keep their calendar, with a correct conversion. */
import type { DateAsTold } from '../../domain/model';
import type { Hit, Rule } from '../types';
import { CalendarError, toIsoDate } from '../../domain/calendars';
import { hit } from '../helpers';

function checkDate(d: DateAsTold, path: string, label: string) {
  let iso: string;
  try {
    iso = toIsoDate(d);
  } catch (err) {
    return [hit(`${label}: ${err instanceof CalendarError ? err.message : 'not a valid date'}`, path, 'Correct the date as told (calendar, year, month, day).')];
  }
  if (!d.gregorian) return [hit(`${label}: the Gregorian conversion is not stored.`, `${path}.gregorian`)];
  if (d.gregorian !== iso) return [hit(`${label}: the stored Gregorian date ${d.gregorian} does not match the conversion ${iso}.`, `${path}.gregorian`)];
  return [];
}

export const dateRules: Rule[] = [
  {
    id: 'AA-40',
    severity: 'block',
    title: 'Source calendar stored for each date given, with the conversion shown',
    source: 'R v Croydon [2011] EWHC 1473 (an Afghan Solar Hijri year runs March to March)',
    remedy: 'Keep the date in the calendar it was told in, and store the Gregorian conversion made by Carefile.',
    departable: false,
    check(a) {
      const hits: Hit[] = [];
      if (a.youngPerson.statedDateOfBirth) hits.push(...checkDate(a.youngPerson.statedDateOfBirth, 'youngPerson.statedDateOfBirth', 'Stated date of birth'));
      a.timeline.forEach((t, i) => hits.push(...checkDate(t.date, `timeline.${i}.date`, `Timeline "${t.event}"`)));
      return hits;
    },
  },
];
