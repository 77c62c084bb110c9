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
 * (aria-describedby, aria-invalid), so an error is announced with its field and never lost, and
 * the page's error summary can find the field a problem belongs to (ErrorSummary).
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
