/**
 * AA-40 and the sense of the record's dates (issue #9): dates as told keep their calendar with a
 * correct conversion, a date told only to the month or year stays a range (never a day), and the
 * dates are possible: none in the future (beyond a small clock-skew allowance), none before the
 * young person's stated birth, no session before arrival, and a stated age that agrees with the
 * stated date of birth on the day it was given.
 */
import type { Assessment, DateAsTold } from '../../domain/model';
import type { Hit, Rule, RuleContext } from '../types';
import { ageRangeOn, CalendarError, isoDateOfInstant, periodOf } from '../../domain/calendars';
import { hit } from '../helpers';

/** Clock skew allowed between machines: 10 minutes for an instant, one day for a plain date. */
export const SKEW_MINUTES = 10;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkTold(d: DateAsTold, path: string, label: string): Hit[] {
  let p: { first: string; last: string };
  try {
    p = periodOf(d);
  } catch (err) {
    return [hit(`${label}: ${err instanceof CalendarError ? err.message : 'not a valid date'}`, path, 'Correct the date as told (calendar, year, month, day).')];
  }
  const full = d.day !== undefined;
  const hits: Hit[] = [];
  if (full) {
    if (!d.gregorian && !d.gregorianFrom) return [hit(`${label}: the Gregorian conversion is not stored.`, `${path}.gregorian`)];
    if (d.gregorian && d.gregorian !== p.first) hits.push(hit(`${label}: the stored Gregorian date ${d.gregorian} does not match the conversion ${p.first}.`, `${path}.gregorian`));
  } else if (d.gregorian) {
    hits.push(hit(`${label}: told only to the ${d.month === undefined ? 'year' : 'month'}, but stored as the single day ${d.gregorian}; it is the range ${p.first} to ${p.last}.`, `${path}.gregorian`, 'Keep a date told to the month or year as its range (Carefile computes it when the date is saved).'));
  } else if (!d.gregorianFrom || !d.gregorianTo) {
    return [hit(`${label}: the Gregorian range is not stored.`, `${path}.gregorianFrom`)];
  }
  if (d.gregorianFrom !== undefined && d.gregorianFrom !== p.first) hits.push(hit(`${label}: the stored range starts ${d.gregorianFrom}, but the conversion starts ${p.first}.`, `${path}.gregorianFrom`));
  if (d.gregorianTo !== undefined && d.gregorianTo !== p.last) hits.push(hit(`${label}: the stored range ends ${d.gregorianTo}, but the conversion ends ${p.last}.`, `${path}.gregorianTo`));
  return hits;
}

/** Every date and instant in the record with its path (the end of a told range may lie ahead: a year not yet over). */
function datesIn(value: unknown, path: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === 'string') {
    if (INSTANT.test(value) || DATE.test(value)) out.push([path, value]);
  } else if (Array.isArray(value)) value.forEach((v, i) => datesIn(v, path ? `${path}.${i}` : String(i), out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'gregorianTo' || k === 'data') continue;
      datesIn(v, path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}

function futureDates(a: Assessment, ctx: RuleContext): Hit[] {
  const now = Date.parse(ctx.now);
  const latestInstant = now + SKEW_MINUTES * 60_000;
  const latestDate = isoDateOfInstant(new Date(now + 86_400_000).toISOString());
  return datesIn(a, '', []).flatMap(([path, v]) => {
    const future = DATE.test(v) ? v > latestDate : Date.parse(v) > latestInstant;
    return future ? [hit(`${path} is in the future (${v}).`, path, 'Correct the date: nothing in the record can have happened after today.')] : [];
  });
}

/** The earliest day the young person can have been born on, by their own account. */
function statedBirthFirst(a: Assessment): string | undefined {
  const d = a.youngPerson.statedDateOfBirth;
  if (!d) return undefined;
  try {
    return periodOf(d).first;
  } catch {
    return undefined; // reported as an invalid date
  }
}

function beforeBirth(a: Assessment): Hit[] {
  const birth = statedBirthFirst(a);
  if (!birth) return [];
  const hits: Hit[] = [];
  const day = (instant: string) => isoDateOfInstant(instant);
  const check = (iso: string | undefined, path: string, label: string, severity: 'block' | 'warn' = 'block') => {
    if (iso && iso < birth) hits.push({ ...hit(`${label} (${iso}) is before the young person's stated birth (${birth}).`, path, 'Correct the date, or the stated date of birth as told.'), severity });
  };
  check(a.youngPerson.arrivalInUk && day(a.youngPerson.arrivalInUk), 'youngPerson.arrivalInUk', 'Arrival in the UK');
  check(a.youngPerson.firstContact && day(a.youngPerson.firstContact), 'youngPerson.firstContact', 'First contact');
  a.sessions.forEach((s, i) => check(day(s.start), `sessions.${i}.start`, `Session ${i + 1}`));
  a.evidence.forEach((e, i) => check(e.obtainedOn, `evidence.${i}.obtainedOn`, `Evidence "${e.title}" obtained`));
  // A timeline event can precede the birth (a parent's marriage): flagged for a look, not blocked.
  a.timeline.forEach((t, i) => {
    let last: string | undefined;
    try {
      last = periodOf(t.date).last;
    } catch {
      return;
    }
    check(last, `timeline.${i}.date`, `Timeline "${t.event}"`, 'warn');
  });
  return hits;
}

function sessionsBeforeArrival(a: Assessment): Hit[] {
  const arrival = a.youngPerson.arrivalInUk;
  if (!arrival) return [];
  return a.sessions.flatMap((s, i) =>
    Date.parse(s.start) < Date.parse(arrival) ? [hit(`Session ${i + 1} (${s.start}) is before the young person's arrival in the UK (${arrival}).`, `sessions.${i}.start`, 'Correct the session time or the arrival time.')] : [],
  );
}

/** The stated age against the stated date of birth, on the day the age was given (first contact). */
function ageAgreesWithBirth(a: Assessment): Hit[] {
  const yp = a.youngPerson;
  if (yp.statedAge === undefined || !yp.statedDateOfBirth) return [];
  const given = yp.firstContact ?? a.createdOn;
  const on = isoDateOfInstant(given);
  let range: { low: number; high: number };
  try {
    if (periodOf(yp.statedDateOfBirth).first > on) return []; // reported as before birth
    range = ageRangeOn(yp.statedDateOfBirth, on);
  } catch {
    return [];
  }
  if (yp.statedAge >= range.low && yp.statedAge <= range.high) return [];
  const gives = range.low === range.high ? `${range.low}` : `${range.low} or ${range.high}`;
  return [
    {
      ...hit(
        `The stated age (${yp.statedAge}) does not match the stated date of birth, which gives ${gives} on ${on}, when the age was given.`,
        'youngPerson.statedAge',
        'Check both with the young person (calendars and how ages are counted differ: some count a year at birth, or at new year) and record their explanation; do not treat the difference as a lie.',
      ),
      severity: 'warn',
    },
  ];
}

export const dateRules: Rule[] = [
  {
    id: 'AA-40',
    severity: 'block',
    title: 'Dates: source calendar stored with a correct conversion (a month or year told stays a range); no date in the future, before the stated birth, or a session before arrival; stated age agrees with the stated date of birth',
    source: 'R v Croydon [2011] EWHC 1473 (an Afghan Solar Hijri year runs March to March); R (A) v Croydon [2009] UKSC 8 (the record must withstand a court)',
    remedy: 'Keep the date in the calendar it was told in, and store the Gregorian conversion made by Carefile.',
    departable: false,
    check(a, ctx) {
      const hits: Hit[] = [];
      if (a.youngPerson.statedDateOfBirth) hits.push(...checkTold(a.youngPerson.statedDateOfBirth, 'youngPerson.statedDateOfBirth', 'Stated date of birth'));
      a.timeline.forEach((t, i) => hits.push(...checkTold(t.date, `timeline.${i}.date`, `Timeline "${t.event}"`)));
      hits.push(...futureDates(a, ctx), ...beforeBirth(a), ...sessionsBeforeArrival(a), ...ageAgreesWithBirth(a));
      return hits;
    },
  },
];
