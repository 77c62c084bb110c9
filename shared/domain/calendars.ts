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
 */
import { Temporal } from '@js-temporal/polyfill';
import type { CalendarId, DateAsTold } from './model';

const ETHIOPIC_AMETE_ALEM_OFFSET = 5500;

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

/** Human names for the calendars, for screens and the PDF. */
export const calendarNames: Record<CalendarId, string> = {
  gregory: 'Gregorian',
  persian: 'Solar Hijri (Afghanistan, Iran)',
  ethiopic: 'Ethiopian (Ethiopia, Eritrea)',
  'islamic-umalqura': 'Islamic (Umm al-Qura)',
  'islamic-civil': 'Islamic (civil, tabular)',
};

function temporalCalendar(calendar: CalendarId): { id: string; yearOffset: number } {
  return calendar === 'ethiopic' ? { id: 'ethioaa', yearOffset: ETHIOPIC_AMETE_ALEM_OFFSET } : { id: calendar, yearOffset: 0 };
}

function plainDateIn(calendar: CalendarId, year: number, month: number, day: number): Temporal.PlainDate {
  const { id, yearOffset } = temporalCalendar(calendar);
  try {
    return Temporal.PlainDate.from({ calendar: id, year: year + yearOffset, month, day }, { overflow: 'reject' });
  } catch (err) {
    throw new CalendarError(
      `${day}/${month}/${year} does not exist in the ${calendarNames[calendar]} calendar (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

function monthsInYear(calendar: CalendarId, year: number): number {
  return plainDateIn(calendar, year, 1, 1).monthsInYear;
}

/** First and last ISO day of what was told: the day, or the whole month, or the whole year. */
export function periodOf(d: Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day'>): { first: string; last: string } {
  if (d.day !== undefined && d.month === undefined) throw new CalendarError('A day was given without a month.');
  if (d.month !== undefined && d.month > monthsInYear(d.calendar, d.year)) {
    throw new CalendarError(`Month ${d.month} does not exist in year ${d.year} of the ${calendarNames[d.calendar]} calendar.`);
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
  const dob = Temporal.PlainDate.from(dateOfBirth);
  const target = dob.add({ years });
  // 29 February in a common year: Temporal constrains to 28 February, but the birthday is 1 March.
  if (dob.month === 2 && dob.day === 29 && target.day === 28) return target.add({ days: 1 }).toString();
  return target.toString();
}

/** The plain ISO date of an instant, in UK time (assessment days are UK days). */
export function isoDateOfInstant(instant: string, timeZone = 'Europe/London'): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  return Temporal.Instant.from(start).until(Temporal.Instant.from(end), { largestUnit: 'minutes' }).total('minutes');
}

/** Days between two ISO dates (or instants, taken as UK days). */
export function daysBetween(from: string, to: string): number {
  const a = from.length > 10 ? isoDateOfInstant(from) : from;
  const b = to.length > 10 ? isoDateOfInstant(to) : to;
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

export function compareInstants(a: string, b: string): number {
  return Temporal.Instant.compare(Temporal.Instant.from(a), Temporal.Instant.from(b));
}
