import { startTransition, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

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

/** How many typed values a text area remembers while its form catches up. */
const SENT_KEPT = 64;
/** A pause in typing this long hands the text to the form. */
const HAND_OVER_MS = 100;

/**
 * A labelled text area; children (e.g. live wording notes) appear under it.
 *
 * What is typed is drawn at once from the text area's own state; the form above hears of it when
 * typing pauses for HAND_OVER_MS, in a transition. So a keystroke redraws the text area alone,
 * never a long form (an editor with hundreds of checkboxes, wording notes over 5,000 words):
 * issue 13.3. Leaving the field (or the field going away) hands the form the text at once, so a
 * Save or Lock pressed straight after typing sees every character.
 */
export function TextArea({ label, value, onChange, hint, error, children }: TextAreaProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The values handed to the form that it may not have drawn yet (in order, bounded).
  const sent = useRef(new Set<string>());
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string }>(undefined);
  const latest = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = onChange;
  });
  if (value !== seen) {
    setSeen(value);
    if (!sent.current.has(value) && value !== text) {
      // Set from elsewhere (a reset, a restored draft): that wins over what is shown, and over typing not yet handed over.
      setText(value);
      sent.current.clear();
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = undefined;
    } else if (value === text) sent.current.clear();
  }
  const handOver = (next: string, urgent: boolean) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = undefined;
    sent.current.add(next);
    if (sent.current.size > SENT_KEPT) sent.current.delete(sent.current.values().next().value!);
    if (urgent) latest.current(next);
    else startTransition(() => latest.current(next));
  };
  const type = (next: string) => {
    setText(next);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { text: next, timer: setTimeout(() => handOver(next, false), HAND_OVER_MS) };
  };
  // Leaving the page while a hand-over waits: the form still gets the text.
  useEffect(
    () => () => {
      if (pending.current) handOver(pending.current.text, true);
    },
    // On unmount only; handOver reads refs.
    [],
  );
  return (
    <FieldFrame label={label} hint={hint} error={error} after={children}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          value={text}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => type(e.target.value)}
          onBlur={() => (pending.current ? handOver(pending.current.text, true) : text !== value && handOver(text, true))}
        />
      )}
    </FieldFrame>
  );
}
