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

/** The main side's message when its error names this model path (or a field inside it). */
export function errorAt(error: ApiError | undefined, path: string): string | undefined {
  const field = error?.field;
  if (!field) return undefined;
  const full = `assessment.${path}`;
  return field === full || field.startsWith(`${full}.`) ? error.message : undefined;
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
