/**
 * Labelled selects and checkboxes for the assessment editors, and the mapping from a main-side
 * error's field (`sessions.0.end`: each part's channel takes the model's own field names) to the input it concerns. One set, so every editor
 * labels, describes and announces its errors the same way.
 */
import { useId, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/contract';
import { FieldFrame } from './Field';

/**
 * The main side's message when its error names this model path (or a field inside it), without the
 * path prefix (the message lists every issue as `path: text`, joined by "; ").
 */
export function errorAt(error: Pick<ApiError, 'field' | 'message'> | undefined, path: string): string | undefined {
  const field = error?.field;
  if (!field) return undefined;
  const full = path;
  if (field !== full && !field.startsWith(`${full}.`)) return undefined;
  const own = error.message
    .split('; ')
    .filter((part) => part.startsWith(`${full}:`) || part.startsWith(`${full}.`))
    .map((part) => part.slice(part.indexOf(': ') + 2));
  return own.length > 0 ? own.join('; ') : error.message;
}

export function SelectField<T extends string>({ label, value, options, onChange, hint, error }: {
  label: string;
  value: T;
  /** [value, plain-English label] */
  options: ReadonlyArray<readonly [T, string]>;
  onChange(value: T): void;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as T)}>
          {options.map(([v, name]) => (
            <option key={v} value={v}>
              {name}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckField({ label, checked, onChange, hint, error }: { label: ReactNode; checked: boolean; onChange(v: boolean): void; hint?: ReactNode; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
