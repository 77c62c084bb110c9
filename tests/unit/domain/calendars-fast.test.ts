/**
 * The fast roads in shared/domain/calendars.ts (plain arithmetic and Intl instead of the Temporal
 * polyfill on evaluate()'s hot paths) must give exactly the polyfill's answers, errors included.
 * Each property runs on generated dates from year 1 to 9999, weighted towards the dates the app
 * meets (1990-2030, month ends, 29 February, the clock changes of UK summer time).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ageOn,
  compareInstants,
  dateAtAge,
  daysBetween,
  isoDateOfInstant,
  minutesBetween,
  periodOf,
  temporalAgeOn,
  temporalDateAtAge,
  temporalIsoDateOfInstant,
  temporalPeriodOf,
} from '../../../shared/domain/calendars';
import { Temporal } from '@js-temporal/polyfill';

/** 300 cases a property in `npm test`; CAREFILE_FULL_FUZZ=1 runs 5,000 (about 20 s). */
const RUNS = process.env.CAREFILE_FULL_FUZZ ? 5_000 : 300;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const year = fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1900, 2000, 2100, 2400));
const month = fc.integer({ min: 1, max: 12 });
const day = fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 28, max: 31 }));
/** A valid ISO date (impossible days are clamped to the month's last day). */
const isoDate = fc.tuple(year, month, day).map(([y, m, d]) => {
  const last = Temporal.PlainDate.from({ year: y, month: m, day: 1 }).daysInMonth;
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, last))}`;
});
const instant = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 9999 })),
    month,
    day,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.option(fc.integer({ min: 0, max: 59 })),
    fc.option(fc.integer({ min: 0, max: 999 })),
    fc.oneof(fc.constant('Z'), fc.constantFrom('+01:00', '-05:00', '+05:30', '+14:00', '-00:00')),
  )
  .map(([y, m, d, h, mi, s, ms, off]) => {
    const last = Temporal.PlainDate.from({ year: y, month: m, day: 1 }).daysInMonth;
    const sec = s === null ? '' : `:${pad(s)}${ms === null ? '' : `.${pad(ms, 3)}`}`;
    return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(d, last))}T${pad(h)}:${pad(mi)}${sec}${off}`;
  });
/** Around the UK clock changes, where the UK day of an instant is easiest to get wrong. */
const clockChange = fc
  .tuple(fc.integer({ min: 1996, max: 2035 }), fc.constantFrom(3, 10), fc.integer({ min: 24, max: 31 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 59 }))
  .map(([y, m, d, h, mi]) => `${y}-${pad(m)}-${d}T${pad(h)}:${pad(mi)}:00.000Z`);

const outcome = <T,>(f: () => T): { ok: T } | { error: string } => {
  try {
    return { ok: f() };
  } catch (err) {
    return { error: (err as Error).name };
  }
};

describe('fast date arithmetic agrees with the Temporal polyfill', () => {
  it('Gregorian periods (day, month, year; impossible days refused alike)', () => {
    fc.assert(
      fc.property(year, fc.option(month), fc.option(fc.integer({ min: 0, max: 32 })), (y, m, d) => {
        const told = { calendar: 'gregory' as const, year: y, month: m ?? undefined, day: m === null ? undefined : (d ?? undefined) };
        expect(outcome(() => periodOf(told))).toEqual(outcome(() => temporalPeriodOf(told)));
      }),
      { numRuns: RUNS },
    );
  });

  it('other calendars, memoised, give the polyfill answer every time', () => {
    const calendar = fc.constantFrom('persian', 'ethiopic', 'islamic-civil', 'islamic-umalqura') as fc.Arbitrary<'persian' | 'ethiopic' | 'islamic-civil' | 'islamic-umalqura'>;
    fc.assert(
      fc.property(calendar, fc.integer({ min: 1360, max: 1460 }), fc.option(fc.integer({ min: 1, max: 13 })), fc.option(fc.integer({ min: 1, max: 31 })), (c, y, m, d) => {
        const yy = c === 'ethiopic' ? y + 600 : y;
        const told = { calendar: c, year: yy, month: m ?? undefined, day: m === null ? undefined : (d ?? undefined) };
        const first = outcome(() => periodOf(told));
        expect(first).toEqual(outcome(() => temporalPeriodOf(told)));
        expect(outcome(() => periodOf(told))).toEqual(first); // from the memo
      }),
      { numRuns: Math.min(RUNS, 300) },
    );
  });

  it('ages, including 29 February birthdays and dates before birth', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(outcome(() => ageOn(a, b))).toEqual(outcome(() => temporalAgeOn(a, b)));
      }),
      { numRuns: RUNS },
    );
    for (const [dob, on] of [
      ['2008-02-29', '2009-02-28'],
      ['2008-02-29', '2009-03-01'],
      ['2008-02-29', '2012-02-29'],
      ['2008-03-01', '2026-02-28'],
    ] as const) {
      expect(ageOn(dob, on)).toBe(temporalAgeOn(dob, on));
    }
  });

  it('the date someone turns an age', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 120 }), (dob, years) => {
        expect(outcome(() => dateAtAge(dob, years))).toEqual(outcome(() => temporalDateAtAge(dob, years)));
      }),
      { numRuns: RUNS },
    );
  });

  it('the UK day of an instant, across the clock changes and offsets', () => {
    fc.assert(
      fc.property(fc.oneof(instant, clockChange), (i) => {
        expect(isoDateOfInstant(i)).toBe(temporalIsoDateOfInstant(i));
      }),
      { numRuns: RUNS },
    );
  });

  it('minutes, days and order between instants', () => {
    fc.assert(
      fc.property(fc.oneof(instant, clockChange), fc.oneof(instant, clockChange), (a, b) => {
        const ta = Temporal.Instant.from(a);
        const tb = Temporal.Instant.from(b);
        expect(minutesBetween(a, b)).toBeCloseTo(ta.until(tb, { largestUnit: 'minutes' }).total('minutes'), 9);
        expect(compareInstants(a, b)).toBe(Temporal.Instant.compare(ta, tb));
        const da = temporalIsoDateOfInstant(a);
        const db = temporalIsoDateOfInstant(b);
        expect(daysBetween(a, b)).toBe(Temporal.PlainDate.from(da).until(Temporal.PlainDate.from(db), { largestUnit: 'days' }).days);
      }),
      { numRuns: RUNS },
    );
  });

  it('forms outside the fast road still go to Temporal', () => {
    expect(isoDateOfInstant('2026-03-29T00:30:00.123456789Z')).toBe('2026-03-29');
    expect(compareInstants('2026-01-01T00:00:00.0000001Z', '2026-01-01T00:00:00Z')).toBe(1);
    expect(() => isoDateOfInstant('2026-01-01')).toThrow(RangeError);
    expect(() => ageOn('2026-02-30', '2027-01-01')).toThrow(RangeError);
  });
});
