/**
 * Small labelled controls the interview-stage editors share (selects, checkboxes), and the
 * mapping from a main-side error's field (`assessment.sessions.0.end`) to the input it concerns.
 */
import { useId, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/contract';

export function SelectField<T extends string>({ label, value, options, onChange, hint, error }: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange(value: T): void;
  hint?: ReactNode;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckField({ label, checked, onChange, error }: { label: string; checked: boolean; onChange(v: boolean): void; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The main side's message when its error names this model path (or a field inside it), without
 * the path prefix (the message lists every issue as `path: text`, joined by "; ").
 */
export function errorAt(error: ApiError | undefined, path: string): string | undefined {
  const field = error?.field;
  if (!field) return undefined;
  const full = `assessment.${path}`;
  if (field !== full && !field.startsWith(`${full}.`)) return undefined;
  const own = error.message
    .split('; ')
    .filter((part) => part.startsWith(`${full}:`) || part.startsWith(`${full}.`))
    .map((part) => part.slice(part.indexOf(': ') + 2));
  return own.length > 0 ? own.join('; ') : error.message;
}

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
