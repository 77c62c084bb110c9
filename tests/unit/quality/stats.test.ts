/** The pure statistics of the quality figures (shared/quality/stats.ts) and the list's plain age arithmetic. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differenceNotes, disparityRows, median, percentile, wilson } from '../../../shared/quality/stats';
import { ageOnIsoDay } from '../../../shared/safeguards/index';
import { ageOn } from '../../../shared/domain/calendars';
import { countWords } from '../../../shared/quality/facts';

describe('Wilson 95% interval', () => {
  it('matches published values', () => {
    // Issue 14's example: 3 of 5 → [0.23, 0.88]; Newcombe (1998) table I: 81/263 → 0.2553–0.3662.
    const [lo, hi] = wilson(3, 5);
    expect(lo).toBeCloseTo(0.2307, 4);
    expect(hi).toBeCloseTo(0.8824, 4);
    const [l2, h2] = wilson(81, 263);
    expect(l2).toBeCloseTo(0.2553, 4);
    expect(h2).toBeCloseTo(0.3662, 4);
    // Newcombe table I: 0/10 → 0–0.2775 and 10/10 → 0.7225–1.
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 10)[1]).toBeCloseTo(0.2775, 4);
    expect(wilson(10, 10)[0]).toBeCloseTo(0.7225, 4);
    expect(wilson(10, 10)[1]).toBe(1);
    expect(wilson(0, 0)).toEqual([0, 0]);
    expect(() => wilson(6, 5)).toThrow(RangeError);
  });

  it('always holds the observed share, inside [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.floor(f * n);
        const [lo, hi] = wilson(k, n);
        return lo >= 0 && hi <= 1 && lo <= k / n + 1e-12 && k / n <= hi + 1e-12;
      }),
    );
  });
});

describe('percentiles (type 7)', () => {
  it('the median of an even count is the mean of the middle two; p90 interpolates', () => {
    expect(median([10, 33, 21, 22])).toBe(21.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    // R: quantile(1:10, 0.9) = 9.1
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
  });
});

describe('suppression and the difference note', () => {
  const groups = [
    { group: 'AF', n: 30, adult: 3, missing: 4 },
    { group: 'ER', n: 20, adult: 17, missing: 2 },
    { group: 'VN', n: 3, adult: 1, missing: 0 },
    { group: 'AL', n: 4, adult: 2, missing: 1 },
    { group: 'unknown', n: 5, adult: 1, missing: 5 },
  ];

  it('groups under 5 are counted together, and the totals still add up', () => {
    const rows = disparityRows(groups);
    expect(rows.map((r) => r.group)).toEqual(['AF', 'ER', 'unknown', 'suppressed']);
    expect(rows.at(-1)).toEqual({ group: 'suppressed', n: 7, groups: 2 });
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(62);
    expect(rows[1]).toMatchObject({ group: 'ER', n: 20, adult: 17, adultShare: 0.85 });
  });

  it('a note only where the intervals do not overlap, in plain words', () => {
    const notes = differenceNotes(groups, (g) => `People from ${g}`);
    expect(notes.map((n) => [n.group, n.direction])).toEqual([
      ['AF', 'lower'],
      ['ER', 'higher'],
    ]);
    expect(notes[1]!.text).toMatch(/^People from ER were found to be adults more often than everyone else: 17 of 20 \(85%/);
    expect(differenceNotes([{ group: 'AF', n: 10, adult: 5, missing: 0 }, { group: 'ER', n: 10, adult: 6, missing: 0 }], (g) => g)).toEqual([]);
  });
});

describe('the list says ages with plain arithmetic', () => {
  it('agrees with Temporal on every day, 29 February included', () => {
    const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => {
      const [dob, on] = a <= b ? [a, b] : [b, a];
      return ageOnIsoDay(dob, on) === ageOn(dob, on);
    }));
    expect(ageOnIsoDay('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOnIsoDay('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('counts words in any script', () => {
    expect(countWords("She didn't say — ሰምሃር ተስፋይ, 16 years.")).toBe(7);
  });
});
