import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from '@js-temporal/polyfill';
import { ageOn, ageRangeOn, CalendarError, dateAtAge, fromIsoDate, periodOf, toIsoDate } from '../../../shared/domain/calendars';
import type { CalendarId } from '../../../shared/domain/model';

describe('conversions at known dates and year ends', () => {
  it.each([
    // Nowruz (1 Farvardin) and the last day of the Solar Hijri year, leap and common
    ['persian', 1388, 1, 1, '2009-03-21'],
    ['persian', 1403, 12, 30, '2025-03-20'],
    ['persian', 1404, 1, 1, '2025-03-21'],
    ['persian', 1402, 12, 29, '2024-03-19'],
    // Ethiopian new year (1 Meskerem), Pagume 6 in a leap year, the millennium
    ['ethiopic', 2002, 1, 1, '2009-09-11'],
    ['ethiopic', 1999, 13, 6, '2007-09-11'],
    ['ethiopic', 2000, 1, 1, '2007-09-12'],
    ['ethiopic', 2002, 5, 10, '2010-01-18'],
    // Islamic new year 1430
    ['islamic-umalqura', 1430, 1, 1, '2008-12-29'],
    ['islamic-civil', 1430, 1, 1, '2008-12-29'],
    ['islamic-umalqura', 1445, 12, 30, '2024-07-06'],
    ['gregory', 2008, 2, 29, '2008-02-29'],
  ] as const)('%s %i-%i-%i = %s', (calendar, year, month, day, iso) => {
    expect(toIsoDate({ calendar, year, month, day })).toBe(iso);
    expect(fromIsoDate(iso, calendar)).toEqual({ year, month, day });
  });

  it('refuses days that do not exist', () => {
    expect(() => toIsoDate({ calendar: 'persian', year: 1402, month: 12, day: 30 })).toThrow(CalendarError);
    expect(() => toIsoDate({ calendar: 'ethiopic', year: 2000, month: 13, day: 6 })).toThrow(CalendarError);
    expect(() => toIsoDate({ calendar: 'gregory', year: 2009, month: 2, day: 29 })).toThrow(CalendarError);
    expect(() => toIsoDate({ calendar: 'persian', year: 1402, month: 13 })).toThrow(CalendarError);
    expect(() => toIsoDate({ calendar: 'gregory', year: 2009, day: 3 })).toThrow(CalendarError);
  });

  it('a year or month alone is a period', () => {
    expect(periodOf({ calendar: 'persian', year: 1388 })).toEqual({ first: '2009-03-21', last: '2010-03-20' });
    expect(periodOf({ calendar: 'ethiopic', year: 1999 })).toEqual({ first: '2006-09-11', last: '2007-09-11' });
    expect(periodOf({ calendar: 'ethiopic', year: 2002, month: 13 })).toEqual({ first: '2010-09-06', last: '2010-09-10' });
    expect(periodOf({ calendar: 'gregory', year: 2010, month: 2 })).toEqual({ first: '2010-02-01', last: '2010-02-28' });
  });
});

describe('age arithmetic', () => {
  it('birthdays, and 29 February turning a year older on 1 March in common years', () => {
    expect(ageOn('2010-01-18', '2026-01-17')).toBe(15);
    expect(ageOn('2010-01-18', '2026-01-18')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(dateAtAge('2008-02-29', 18)).toBe('2026-03-01');
    expect(dateAtAge('2008-02-29', 20)).toBe('2028-02-29');
    expect(dateAtAge('2010-01-18', 18)).toBe('2028-01-18');
    expect(() => ageOn('2010-01-18', '2009-01-01')).toThrow(CalendarError);
  });
  it('a year of birth told in the Solar Hijri calendar spans two Gregorian years', () => {
    // born some time in 1388 (21 Mar 2009 .. 20 Mar 2010): on 1 Jan 2027 aged 16 or 17
    expect(ageRangeOn({ calendar: 'persian', year: 1388 }, '2027-01-01')).toEqual({ low: 16, high: 17 });
    // on the last day of 1405 (2027-03-20) everyone born in 1388 is 17; on Nowruz 1406 the eldest turn 18
    expect(ageRangeOn({ calendar: 'persian', year: 1388 }, '2027-03-20')).toEqual({ low: 17, high: 17 });
    expect(ageRangeOn({ calendar: 'persian', year: 1388 }, '2027-03-21')).toEqual({ low: 17, high: 18 });
  });
});

const isoDay = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const calendars: CalendarId[] = ['gregory', 'persian', 'ethiopic', 'islamic-umalqura', 'islamic-civil'];

describe('properties', () => {
  it('any ISO day round-trips through every calendar', () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom(...calendars), (iso, calendar) => {
        const told = fromIsoDate(iso, calendar);
        expect(toIsoDate({ calendar, ...told })).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });
  it('age never decreases with time, and rises by exactly one at each birthday', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 0, max: 400 }), (dob, d1, extra) => {
        const on1 = Temporal.PlainDate.from(dob).add({ days: d1 }).toString();
        const on2 = Temporal.PlainDate.from(on1).add({ days: extra }).toString();
        expect(ageOn(dob, on2)).toBeGreaterThanOrEqual(ageOn(dob, on1));
        const n = ageOn(dob, on1) + 1;
        const birthday = dateAtAge(dob, n);
        expect(ageOn(dob, birthday)).toBe(n);
        expect(ageOn(dob, Temporal.PlainDate.from(birthday).subtract({ days: 1 }).toString())).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });
  it('a period told as a year contains its months, and the age range brackets every day in it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...calendars), isoDay, isoDay, (calendar, someDay, on) => {
        const { year } = fromIsoDate(someDay, calendar);
        const p = periodOf({ calendar, year });
        expect(p.first <= someDay && someDay <= p.last).toBe(true);
        if (on >= p.last) {
          const r = ageRangeOn({ calendar, year }, on);
          const a = ageOn(someDay, on);
          expect(r.low <= a && a <= r.high).toBe(true);
          expect(r.high - r.low).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
