/** Layout and plain-English durations for the interview-stage editors (controls come from components/FormControls). */
import type { ReactNode } from 'react';

export { CheckField, SelectField } from '../forms/fields';
export { errorAt } from '../forms/errors';

/** "2 hours 5 minutes", "45 minutes", "1 hour". */
export function plainDuration(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (rest > 0 || h === 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** A plain date for people: "4 April 2010". */
export function plainDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * Fields side by side, each wide enough for a date and time (the shared `.inline-fields` style
 * caps inputs at 10rem, which cuts a `datetime-local` value short).
 */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 1.5rem', alignItems: 'flex-end' }}>{children}</div>;
}

export function FieldCell({ children, width = '16rem' }: { children: ReactNode; width?: string }) {
  return <div style={{ flex: `0 1 ${width}`, minWidth: 0 }}>{children}</div>;
}

/** "5 hours", "3 days and 5 hours". */
export function plainHours(hours: number): string {
  const h = Math.max(0, Math.floor(hours));
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'}`;
  const days = Math.floor(h / 24);
  const rest = h % 24;
  return `${days} days${rest ? ` and ${rest} hour${rest === 1 ? '' : 's'}` : ''}`;
}
