/** The shared date style, and dates as told printed as what they are. */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateAsTold, formatDateRange, formatInstant, monthName, plainDuration, plainHours, solarHijriNamesFor } from '../../../shared/format';

describe('one date style', () => {
  it('prints days as "14 October 2026" and instants in UK time', () => {
    expect(formatDate('2026-10-14')).toBe('14 October 2026');
    expect(formatInstant('2026-10-14T09:15:00Z')).toBe('14 October 2026, 10:15'); // BST
    expect(formatInstant('2026-12-01T09:15:00Z')).toBe('1 December 2026, 09:15');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('says a span of days in words, with the year once when it is shared', () => {
    expect(formatDateRange('2025-09-23', '2025-10-22')).toBe('between 23 September and 22 October 2025');
    expect(formatDateRange('2012-03-20', '2013-03-20')).toBe('between 20 March 2012 and 20 March 2013');
    expect(formatDateRange('2012-03-20', '2012-03-20')).toBe('20 March 2012');
  });
});

describe('dates as told', () => {
  it('prints a Solar Hijri month as the range it is, beside the words as told', () => {
    expect(formatDateAsTold({ calendar: 'persian', year: 1404, month: 7, asSaid: 'Mehr, when school starts' })).toBe(
      'Mehr 1404 (Solar Hijri; as said: \u201cMehr, when school starts\u201d) = between 23 September and 22 October 2025',
    );
  });

  it('uses the Afghan month names for an Afghan young person', () => {
    expect(solarHijriNamesFor('Afghan')).toBe('afghan');
    expect(solarHijriNamesFor('Afghanistan')).toBe('afghan');
    expect(solarHijriNamesFor('Iranian')).toBe('iranian');
    expect(formatDateAsTold({ calendar: 'persian', year: 1391, month: 1, day: 1, asSaid: '(۱ حمل ۱۳۹۱)' }, 'afghan')).toBe(
      '1 Hamal 1391 (Solar Hijri; as said: \u201c(۱ حمل ۱۳۹۱)\u201d) = 20 March 2012',
    );
  });

  it('prints a year as the whole year, and an Ethiopian date with its month name', () => {
    expect(formatDateAsTold({ calendar: 'persian', year: 1391 })).toBe('1391 (Solar Hijri) = between 20 March 2012 and 20 March 2013');
    expect(formatDateAsTold({ calendar: 'ethiopic', year: 2002, month: 4, day: 21, asSaid: '21 Tahsas 2002' })).toBe('21 Tahsas 2002 (Ethiopian) = 30 December 2009');
    expect(monthName('ethiopic', 1)).toBe('Meskerem');
    expect(monthName('ethiopic', 13)).toBe('Pagume');
  });

  it('prints a Gregorian day once, and a Gregorian month as its range', () => {
    expect(formatDateAsTold({ calendar: 'gregory', year: 2009, month: 11, day: 3 })).toBe('3 November 2009');
    expect(formatDateAsTold({ calendar: 'gregory', year: 2025, month: 6 })).toBe('June 2025 = between 1 June and 30 June 2025');
    expect(formatDateAsTold({ calendar: 'gregory', year: 2016, asSaid: 'the year the new school opened' })).toBe(
      '2016 (as said: \u201cthe year the new school opened\u201d) = between 1 January and 31 December 2016',
    );
  });
});

describe('lengths of time in words, the same on screen and in the record', () => {
  it('says hours and minutes, and days past two days', () => {
    expect(plainDuration(90)).toBe('1 hour 30 minutes');
    expect(plainDuration(45)).toBe('45 minutes');
    expect(plainDuration(120)).toBe('2 hours');
    expect(plainHours(5)).toBe('5 hours');
    expect(plainHours(77)).toBe('3 days and 5 hours');
  });
});
