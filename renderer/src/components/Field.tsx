import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'number' | 'date' | 'datetime-local';
  hint?: ReactNode;
  error?: string;
  autoComplete?: string;
  required?: boolean;
  name?: string;
  dir?: 'auto' | 'ltr' | 'rtl';
}

/** A labelled input whose error is announced and tied to it (aria-describedby), so it is never lost. */
export function Field({ label, value, onChange, type = 'text', hint, error, autoComplete, required, name, dir }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        dir={dir}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TextAreaProps {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string;
  children?: ReactNode;
}

export function TextArea({ label, value, onChange, hint, error, children }: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
