/**
 * Dates as the young person tells them (AA-40): Solar Hijri, Ethiopian, Islamic and Gregorian,
 * converted with Temporal, never with hand-written day arithmetic.
 *
 * One wrinkle: @js-temporal/polyfill 0.5.1 cannot build dates in its 'ethiopic' calendar under
 * the ICU shipped with Node 22 / Chromium ("Era am ... was not matched by any era"), while its
 * 'ethioaa' (Amete Alem) calendar works. The two calendars have the same months and days and
 * differ only in the era: Amete Alem year = Amete Mihret year + 5500 (CLDR). So an Ethiopian
 * date is converted as the same month and day in Amete Alem year + 5500. That is an era label,
 * not calendar arithmetic: Temporal still does every day, month and leap-year computation.
 *
 * Speed (issue 13): the polyfill was a third of `evaluate()`'s time, so the hot paths take a fast
 * road where the answer is provably the same: Gregorian periods, ages and day counts by plain
 * proleptic-Gregorian arithmetic on ISO strings, UK days of instants through a cached
 * Intl.DateTimeFormat, and other calendars' periods memoised (they are pure). Anything outside the
 * plain forms (a fraction finer than milliseconds, a year outside 0001-9999, an odd offset) still
 * goes to Temporal. tests/unit/domain/calendars-fast.test.ts checks every fast road against the
 * polyfill on many generated dates.
 */
import { Temporal } from '@js-temporal/polyfill';
import type { CalendarId, DateAsTold } from './model';
import { calendarLabels } from '../format/labels';

const ETHIOPIC_AMETE_ALEM_OFFSET = 5500;

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

function temporalCalendar(calendar: CalendarId): { id: string; yearOffset: number } {
  return calendar === 'ethiopic' ? { id: 'ethioaa', yearOffset: ETHIOPIC_AMETE_ALEM_OFFSET } : { id: calendar, yearOffset: 0 };
}

function plainDateIn(calendar: CalendarId, year: number, month: number, day: number): Temporal.PlainDate {
  const { id, yearOffset } = temporalCalendar(calendar);
  try {
    return Temporal.PlainDate.from({ calendar: id, year: year + yearOffset, month, day }, { overflow: 'reject' });
  } catch (err) {
    throw new CalendarError(
      `${day}/${month}/${year} does not exist in the ${calendarLabels[calendar]} calendar (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

function monthsInYear(calendar: CalendarId, year: number): number {
  return plainDateIn(calendar, year, 1, 1).monthsInYear;
}

/** First and last ISO day of what was told: the day, or the whole month, or the whole year. */
export function periodOf(d: Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day'>): { first: string; last: string } {
  if (d.day !== undefined && d.month === undefined) throw new CalendarError('A day was given without a month.');
  if (d.calendar === 'gregory') {
    const fast = gregorianPeriod(d.year, d.month, d.day);
    if (fast) return { ...fast };
  } else {
    const key = `${d.calendar}|${d.year}|${d.month ?? ''}|${d.day ?? ''}`;
    const memo = periodMemo.get(key);
    if (memo) return { ...memo };
    const computed = temporalPeriodOf(d);
    if (periodMemo.size >= PERIOD_MEMO_LIMIT) periodMemo.clear();
    periodMemo.set(key, computed);
    return { ...computed };
  }
  return temporalPeriodOf(d);
}

const PERIOD_MEMO_LIMIT = 10_000;
/** Periods in non-Gregorian calendars already worked out by Temporal (pure, so safe to keep). Errors are not kept. */
const periodMemo = new Map<string, { first: string; last: string }>();

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

/**
 * A Gregorian period by arithmetic, or undefined for anything unusual (years outside 1..9999,
 * non-integers, impossible days) so that Temporal gives its own answer or its own error.
 */
function gregorianPeriod(year: number, month: number | undefined, day: number | undefined): { first: string; last: string } | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  if (month === undefined) return { first: isoOf(year, 1, 1), last: isoOf(year, 12, 31) };
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const dim = daysInMonth(year, month);
  if (day === undefined) return { first: isoOf(year, month, 1), last: isoOf(year, month, dim) };
  if (!Number.isInteger(day) || day < 1 || day > dim) return undefined;
  const iso = isoOf(year, month, day);
  return { first: iso, last: iso };
}

/** periodOf through the polyfill: every calendar, and the reference the fast roads are tested against. */
export function temporalPeriodOf(d: Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day'>): { first: string; last: string } {
  if (d.day !== undefined && d.month === undefined) throw new CalendarError('A day was given without a month.');
  if (d.month !== undefined && d.month > monthsInYear(d.calendar, d.year)) {
    throw new CalendarError(`Month ${d.month} does not exist in year ${d.year} of the ${calendarLabels[d.calendar]} calendar.`);
  }
  const firstMonth = d.month ?? 1;
  const first = plainDateIn(d.calendar, d.year, firstMonth, d.day ?? 1);
  let last: Temporal.PlainDate;
  if (d.day !== undefined) last = first;
  else if (d.month !== undefined) last = first.with({ day: first.daysInMonth });
  else {
    const lastMonth = plainDateIn(d.calendar, d.year, first.monthsInYear, 1);
    last = lastMonth.with({ day: lastMonth.daysInMonth });
  }
  return { first: first.withCalendar('iso8601').toString(), last: last.withCalendar('iso8601').toString() };
}

/** The Gregorian (ISO) date of what was told; the first day of the period when month or day is unknown. */
export function toIsoDate(d: Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day'>): string {
  return periodOf(d).first;
}

/**
 * The same DateAsTold with its Gregorian conversion (re)computed; the original stays as it was told.
 * A date told to the day gets `gregorian`; every date gets its period `gregorianFrom`..`gregorianTo`,
 * so a date told only to the month or year stays a range and is never pinned to its first day.
 */
export function withGregorian(d: DateAsTold): DateAsTold {
  const { first, last } = periodOf(d);
  const { gregorian: _old, ...rest } = d;
  void _old;
  return d.day !== undefined ? { ...rest, gregorian: first, gregorianFrom: first, gregorianTo: last } : { ...rest, gregorianFrom: first, gregorianTo: last };
}

/** The stored Gregorian period of a date as told (a single day for a full date), if converted. */
export function storedPeriod(d: DateAsTold): { first: string; last: string } | undefined {
  if (d.gregorianFrom && d.gregorianTo) return { first: d.gregorianFrom, last: d.gregorianTo };
  if (d.gregorian && d.day !== undefined) return { first: d.gregorian, last: d.gregorian };
  return undefined;
}

/** A period as words for screens and the record: "2010-01-18", or "2009-03-21 to 2010-03-20". */
export const periodText = (p: { first: string; last: string }): string => (p.first === p.last ? p.first : `${p.first} to ${p.last}`);

/** An ISO date expressed in another calendar (for showing "2010-01-18 = 10 Tir 2002"). */
export function fromIsoDate(iso: string, calendar: CalendarId): { year: number; month: number; day: number } {
  const { id, yearOffset } = temporalCalendar(calendar);
  const d = Temporal.PlainDate.from(iso).withCalendar(id);
  return { year: d.year - yearOffset, month: d.month, day: d.day };
}

/**
 * Age in whole years on a date. Temporal's year difference means someone born on 29 February
 * turns a year older on 1 March in common years, as English law treats it.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const a = plainIso(dateOfBirth);
  const b = plainIso(on);
  if (a && b) {
    if (b.key < a.key) throw new CalendarError(`${on} is before the date of birth ${dateOfBirth}.`);
    // Whole years: the birthday has come when (month, day) is reached; 29 February is reached on 1 March.
    return b.y - a.y - (b.m * 100 + b.d < a.m * 100 + a.d ? 1 : 0);
  }
  return temporalAgeOn(dateOfBirth, on);
}

/** ageOn through the polyfill (any date form Temporal reads). */
export function temporalAgeOn(dateOfBirth: string, on: string): number {
  const dob = Temporal.PlainDate.from(dateOfBirth);
  const day = Temporal.PlainDate.from(on);
  if (Temporal.PlainDate.compare(day, dob) < 0) throw new CalendarError(`${on} is before the date of birth ${dateOfBirth}.`);
  return dob.until(day, { largestUnit: 'years' }).years;
}

/** Youngest and oldest possible age on a date when only a year or month of birth is known. */
export function ageRangeOn(dob: Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day'>, on: string): { low: number; high: number } {
  const { first, last } = periodOf(dob);
  return { low: ageOn(last, on), high: ageOn(first, on) };
}

/** The date someone born on `dateOfBirth` turns `years` old (18 ends childhood; 25 ends leaving-care duties). */
export function dateAtAge(dateOfBirth: string, years: number): string {
  const a = plainIso(dateOfBirth);
  if (a && Number.isInteger(years) && a.y + years >= 1 && a.y + years <= 9999) {
    const y = a.y + years;
    // 29 February in a common year: the birthday is 1 March.
    if (a.m === 2 && a.d === 29 && !isLeap(y)) return isoOf(y, 3, 1);
    return isoOf(y, a.m, a.d);
  }
  return temporalDateAtAge(dateOfBirth, years);
}

/** dateAtAge through the polyfill. */
export function temporalDateAtAge(dateOfBirth: string, years: number): string {
  const dob = Temporal.PlainDate.from(dateOfBirth);
  const target = dob.add({ years });
  // 29 February in a common year: Temporal constrains to 28 February, but the birthday is 1 March.
  if (dob.month === 2 && dob.day === 29 && target.day === 28) return target.add({ days: 1 }).toString();
  return target.toString();
}

/** A plain, valid YYYY-MM-DD (years 0001-9999), split; undefined for any other form. */
function plainIso(iso: string): { y: number; m: number; d: number; key: string } | undefined {
  if (iso.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d, key: iso };
}

/**
 * An instant in the plain form the app writes (`2026-03-01T10:15:00.123Z`, or with a ±HH:MM
 * offset, at most millisecond precision), as epoch milliseconds; undefined for anything else.
 */
function plainInstantMs(instant: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/.exec(instant);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[8]!.slice(1, 3));
    const om = Number(m[8]!.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMin = (m[8]![0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, ms);
  return utc.getTime() - offsetMin * 60_000;
}

const dayPartsFormats = new Map<string, Intl.DateTimeFormat>();
function dayPartsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayPartsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit', era: 'short' });
    dayPartsFormats.set(timeZone, f);
  }
  return f;
}

/** The plain ISO date of an instant, in UK time (assessment days are UK days). */
export function isoDateOfInstant(instant: string, timeZone = 'Europe/London'): string {
  const ms = plainInstantMs(instant);
  if (ms !== undefined) {
    const parts = dayPartsFormat(timeZone).formatToParts(ms);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    // Only the common era is plain arithmetic; anything else goes to Temporal.
    if (part('era') === 'AD') return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  }
  return temporalIsoDateOfInstant(instant, timeZone);
}

/** isoDateOfInstant through the polyfill. */
export function temporalIsoDateOfInstant(instant: string, timeZone = 'Europe/London'): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  const a = plainInstantMs(start);
  const b = plainInstantMs(end);
  if (a !== undefined && b !== undefined) return (b - a) / 60_000;
  return Temporal.Instant.from(start).until(Temporal.Instant.from(end), { largestUnit: 'minutes' }).total('minutes');
}

/** Days between two ISO dates (or instants, taken as UK days). */
export function daysBetween(from: string, to: string): number {
  const a = from.length > 10 ? isoDateOfInstant(from) : from;
  const b = to.length > 10 ? isoDateOfInstant(to) : to;
  const pa = plainIso(a);
  const pb = plainIso(b);
  if (pa && pb) return Math.round((utcDay(pb) - utcDay(pa)) / 86_400_000);
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

function utcDay(p: { y: number; m: number; d: number }): number {
  const t = new Date(0);
  t.setUTCFullYear(p.y, p.m - 1, p.d);
  return t.getTime();
}

export function compareInstants(a: string, b: string): number {
  const x = plainInstantMs(a);
  const y = plainInstantMs(b);
  if (x !== undefined && y !== undefined) return Math.sign(x - y);
  return Temporal.Instant.compare(Temporal.Instant.from(a), Temporal.Instant.from(b));
}
