import { useId, type ReactNode } from 'react';

interface FrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Anything placed under the control (live wording notes). */
  after?: ReactNode;
  children(control: { id: string; describedBy: string | undefined; invalid: true | undefined }): ReactNode;
}

/**
 * The label, hint and error around one control, with the ids that tie them to it
 * (aria-describedby, aria-invalid), so an error is announced with its field and never lost.
 * Every labelled control in the app is drawn through this.
 */
export function FieldFrame({ label, hint, error, after, children }: FrameProps) {
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
      {children({ id, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined, invalid: error ? true : undefined })}
      {after}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

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

/** A labelled input. */
export function Field({ label, value, onChange, type = 'text', hint, error, autoComplete, required, name, dir }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type={type}
          value={value}
          dir={dir}
          required={required}
          autoComplete={autoComplete}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
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

/** A labelled text area; children (e.g. live wording notes) appear under it. */
export function TextArea({ label, value, onChange, hint, error, children }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} after={children}>
      {({ id, describedBy, invalid }) => <textarea id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />}
    </FieldFrame>
  );
}
