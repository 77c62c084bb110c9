/** Page breaks without widows or orphans. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesThatFit } from '../../../electron/record/layout';

describe('linesThatFit', () => {
  it('puts a paragraph that fits on the page whole', () => {
    expect(linesThatFit(5, 100, 10)).toBe(5);
  });

  it('moves a short paragraph (three lines or fewer) to the next page rather than split it', () => {
    expect(linesThatFit(3, 25, 10)).toBe(0);
  });

  it('never leaves one line at the foot of a page, nor carries one line over', () => {
    expect(linesThatFit(10, 15, 10)).toBe(0); // one line would be an orphan
    expect(linesThatFit(10, 95, 10)).toBe(8); // nine would leave a widow
  });

  it('always keeps two or more lines on each side of a break', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 800 }), (left, room) => {
        const take = linesThatFit(left, room, 10);
        expect(take * 10).toBeLessThanOrEqual(room);
        if (take > 0 && take < left) {
          expect(take).toBeGreaterThanOrEqual(2);
          expect(left - take).toBeGreaterThanOrEqual(2);
        }
      }),
    );
  });
});
