/**
 * The record's wording for dates, times and enum ids: the shared formatting module (shared/format),
 * so the record and the app say a date the same way ("14 October 2026"), plus durations.
 */
export { formatDate as date, formatInstant as instant, formatInstantDay as day, formatTime as time, formatDateAsTold, solarHijriNamesFor, label } from '../../shared/format';

export function minutesBetween(a: string, b: string): number {
  return Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000);
}

export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m.toString().padStart(2, '0')} min` : `${m} min`;
}

export function yesNo(v: boolean | undefined, unknown = 'not recorded'): string {
  return v === undefined ? unknown : v ? 'yes' : 'no';
}
