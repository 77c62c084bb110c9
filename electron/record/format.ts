/**
 * The record's wording for dates, times, durations and enum ids: the shared formatting module
 * (shared/format), so the record and the app say them the same way ("14 October 2026",
 * "1 hour 30 minutes").
 */
export { formatDate as date, formatInstant as instant, formatInstantDay as day, formatTime as time, formatDateAsTold, solarHijriNamesFor, plainDuration as duration } from '../../shared/format';

export function minutesBetween(a: string, b: string): number {
  return Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000);
}

export function yesNo(v: boolean | undefined, unknown = 'not recorded'): string {
  return v === undefined ? unknown : v ? 'yes' : 'no';
}
