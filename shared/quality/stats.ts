/**
 * The statistics of the quality figures (issue 14): pure arithmetic, no I/O, so the main side, the
 * dashboard and the tests compute them the same way.
 *
 * - Wilson score interval for a proportion (Wilson 1927; the interval the ONS and NHS Digital
 *   publish for shares, because it stays inside [0, 1] and behaves for small n and for 0 or n).
 * - Percentiles by linear interpolation between closest ranks (Hyndman & Fan type 7: R's and
 *   NumPy's default), so the median of an even count is the mean of the middle two.
 * - Small groups suppressed as official statistics do: any group under 5 is not shown on its own,
 *   and all of them are counted together, so the totals still add up.
 */

/** The 97.5th percentile of the standard normal: a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for `k` successes out of `n`; [0, 0] for n = 0 (no information, nothing to show). */
export function wilson(k: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [0, 0];
  if (k < 0 || k > n) throw new RangeError(`wilson: ${k} out of ${n} is not a proportion.`);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At the ends the interval reaches exactly 0 or 1; elsewhere clamp rounding noise.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** The q-th percentile (0 ≤ q ≤ 1) of numbers, type 7; null for none. Sorts a copy. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  if (q < 0 || q > 1) throw new RangeError('percentile: q is between 0 and 1.');
  const sorted = [...values].sort((a, b) => a - b);
  return percentileOfSorted(sorted, q);
}

/** As `percentile`, for values already in ascending order (SQL's ORDER BY hands them over sorted). */
export function percentileOfSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export const median = (values: readonly number[]): number | null => percentile(values, 0.5);

/** Rounds for display and JSON: shares and intervals to 4 places, so 0.6 prints as 0.6. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** The smallest group shown on its own (official statistics suppress counts under 5). */
export const SUPPRESS_UNDER = 5;

export interface GroupCounts {
  group: string;
  n: number;
  adult: number;
  /** Assessments of the group with at least one safeguard missing. */
  missing: number;
}

export interface ShownGroup {
  group: string;
  n: number;
  adult: number;
  adultShare: number;
  ci95: [number, number];
  withMissingSafeguard: number;
  missingShare: number;
  missingCi95: [number, number];
}

export interface SuppressedGroups {
  group: 'suppressed';
  n: number;
  /** How many groups were folded in. */
  groups: number;
}

/**
 * Groups of at least SUPPRESS_UNDER with their shares and Wilson intervals, largest first (then by
 * code); every smaller group counted together in one "suppressed" row at the end (absent when none).
 */
export function disparityRows(groups: readonly GroupCounts[]): Array<ShownGroup | SuppressedGroups> {
  const shown: ShownGroup[] = [];
  let hiddenN = 0;
  let hiddenGroups = 0;
  for (const g of groups) {
    if (g.n <= 0) continue;
    if (g.n < SUPPRESS_UNDER) {
      hiddenN += g.n;
      hiddenGroups += 1;
      continue;
    }
    const [lo, hi] = wilson(g.adult, g.n);
    const [mlo, mhi] = wilson(g.missing, g.n);
    shown.push({
      group: g.group,
      n: g.n,
      adult: g.adult,
      adultShare: round4(g.adult / g.n),
      ci95: [round4(lo), round4(hi)],
      withMissingSafeguard: g.missing,
      missingShare: round4(g.missing / g.n),
      missingCi95: [round4(mlo), round4(mhi)],
    });
  }
  shown.sort((a, b) => b.n - a.n || a.group.localeCompare(b.group));
  return hiddenGroups > 0 ? [...shown, { group: 'suppressed', n: hiddenN, groups: hiddenGroups }] : shown;
}

export interface DifferenceNote {
  group: string;
  direction: 'higher' | 'lower';
  text: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * For each group shown (n ≥ SUPPRESS_UNDER), compare its adult share with every other assessment of
 * the same dimension taken together (suppressed and unknown included): when the two 95% intervals
 * do not overlap, say so in plain words. Non-overlapping Wilson intervals are a conservative test
 * (a difference can be real with overlapping intervals), which suits a note meant to prompt a
 * closer look, not to prove bias. `describe` names a group in words ("people from Eritrea (ER)").
 */
export function differenceNotes(groups: readonly GroupCounts[], describe: (group: string) => string): DifferenceNote[] {
  const totalN = groups.reduce((s, g) => s + g.n, 0);
  const totalAdult = groups.reduce((s, g) => s + g.adult, 0);
  const notes: DifferenceNote[] = [];
  for (const g of groups) {
    if (g.n < SUPPRESS_UNDER) continue;
    const restN = totalN - g.n;
    const restAdult = totalAdult - g.adult;
    if (restN < SUPPRESS_UNDER) continue;
    const [lo, hi] = wilson(g.adult, g.n);
    const [rlo, rhi] = wilson(restAdult, restN);
    let direction: DifferenceNote['direction'] | undefined;
    if (lo > rhi) direction = 'higher';
    else if (hi < rlo) direction = 'lower';
    if (!direction) continue;
    const share = g.adult / g.n;
    const restShare = restAdult / restN;
    notes.push({
      group: g.group,
      direction,
      text:
        `${describe(g.group)} were found to be adults ${direction === 'higher' ? 'more' : 'less'} often than everyone else: ` +
        `${g.adult} of ${g.n} (${pct(share)}, 95% interval ${pct(lo)}–${pct(hi)}) against ${restAdult} of ${restN} ` +
        `(${pct(restShare)}, ${pct(rlo)}–${pct(rhi)}). The intervals do not overlap, so chance alone is an unlikely explanation: look at these assessments more closely.`,
    });
  }
  return notes.sort((a, b) => a.group.localeCompare(b.group));
}
