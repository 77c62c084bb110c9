import { describe, expect, it } from 'vitest';
import { gregorianText, toDateAsTold } from '../../../renderer/src/forms/DateAsToldInput';

const v = (calendar: 'persian' | 'ethiopic' | 'gregory', year: string, month = '', day = '') => ({ calendar, year, month, day, asSaid: '' });

describe('the date-as-told input says the Gregorian date or range as it is typed', () => {
  it('a day told is one day; a month or a year told is a range', () => {
    expect(gregorianText(v('persian', '1388', '1', '1'))).toBe('In the Gregorian calendar: 21 March 2009');
    expect(gregorianText(v('persian', '1391', '7'))).toBe('In the Gregorian calendar: between 22 September and 21 October 2012 (the whole month)');
    expect(gregorianText(v('ethiopic', '2001'))).toMatch(/^In the Gregorian calendar: between 11 September 2008 and 10 September 2009 \(the whole year\)$/);
  });

  it('says plainly what is missing or impossible, and sends nothing without a year', () => {
    expect(gregorianText(v('gregory', ''))).toBeUndefined();
    expect(toDateAsTold(v('gregory', ''))).toBeUndefined();
    expect(gregorianText(v('gregory', '2010', '', '3'))).toBe('Give the month too, or leave the day empty.');
    expect(gregorianText(v('gregory', '2010', '2', '30'))).toMatch(/does not exist/);
    expect(toDateAsTold(v('persian', '1388', '1', '1'))).toEqual({ calendar: 'persian', year: 1388, month: 1, day: 1, asSaid: undefined });
  });
});
