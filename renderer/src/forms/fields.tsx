/**
 * The app's form controls, one name for each: TextField, TextArea, SelectField, YesNoField and
 * CheckField (CodeField and DateAsToldInput have their own files). Each works two ways:
 *  - bound: given a `name` inside a part form (AssessmentFormView), react-hook-form holds the value
 *    (an uncontrolled input, so a keystroke re-renders nothing but what watches it), and the error
 *    shown is the one for `errorPath`: the model path the shared zod schema and the main side name
 *    (the field's own name when not given). The bound versions (bound.tsx) come through a context
 *    that the part form provides, so the screens that only use the unbound ones do not load
 *    react-hook-form with the first screen;
 *  - unbound: given `value` and `onChange`, for the screens that are not an assessment part.
 * The label, hint and error are drawn by FieldFrame either way.
 */
import { createContext, startTransition, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { FieldFrame } from './FieldFrame';
import type { DateInputProps } from './DateAsToldInput';
import type { CodeCommon } from './CodeField';

export interface Bound {
  name: string;
  /** The model path whose errors this field shows (default: `name`). */
  errorPath?: string;
  value?: never;
  onChange?: never;
  error?: never;
}
export interface Unbound<V> {
  name?: undefined;
  errorPath?: never;
  value: V;
  onChange(value: V): void;
  error?: string;
}

export type TextType = 'text' | 'password' | 'number' | 'date' | 'datetime-local';
export interface TextCommon {
  label: string;
  type?: TextType;
  hint?: ReactNode;
  autoComplete?: string;
  required?: boolean;
  dir?: 'auto' | 'ltr' | 'rtl';
  /** The input's own `name` attribute (an unbound field only). */
  htmlName?: string;
}
export interface AreaCommon {
  label: string;
  hint?: ReactNode;
  /**
   * Live wording notes under the text (AA-24, AA-32, AA-33), in a part form only: the checker is not
   * part of the first screen's bundle (an unbound text area passes <WordingNotes> as a child).
   */
  wording?: boolean;
  /** Anything else under the text. */
  children?: ReactNode;
}
export interface SelectCommon<T extends string> {
  label: string;
  /** [value, plain-English label]; '' is "not recorded" where a form allows it. */
  options: ReadonlyArray<readonly [T, string]>;
  hint?: ReactNode;
}
export interface CheckCommon {
  label: ReactNode;
  hint?: ReactNode;
}
export interface CheckUnbound {
  name?: undefined;
  errorPath?: never;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
}

/** The bound versions of the controls (bound.tsx), provided by a part form. */
export interface BoundControls {
  Text: ComponentType<TextCommon & Bound>;
  Area: ComponentType<AreaCommon & Bound>;
  Select: ComponentType<SelectCommon<string> & Bound>;
  Check: ComponentType<CheckCommon & Bound>;
  Date: ComponentType<DateInputProps & Pick<Bound, 'name' | 'errorPath'>>;
  Code: ComponentType<CodeCommon & Pick<Bound, 'name' | 'errorPath'>>;
}
export const BoundControlsContext = createContext<BoundControls | undefined>(undefined);

export function need(bound: BoundControls | undefined): BoundControls {
  if (!bound) throw new Error('A field given a name belongs inside a part form (AssessmentFormView).');
  return bound;
}

/** A labelled one-line input. */
export function TextField(props: TextCommon & (Bound | Unbound<string>)) {
  const bound = useContext(BoundControlsContext);
  if (props.name !== undefined) {
    const Text = need(bound).Text;
    return <Text {...props} />;
  }
  const { label, value, onChange, type = 'text', hint, error, autoComplete, required, htmlName, dir } = props;
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={htmlName}
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

/** How many typed values an unbound text area remembers while its form catches up. */
const SENT_KEPT = 64;
/** A pause in typing this long hands the text to the form. */
const HAND_OVER_MS = 100;

/**
 * A labelled text area, with live wording notes under it when `wording` is set.
 *
 * Bound (a part form), the text area is react-hook-form's uncontrolled input: a keystroke renders
 * nothing (the wording notes hear of it outside React). Unbound, it is uncontrolled too: the browser
 * draws what is typed, React renders nothing per keystroke, and the form above hears of it once
 * typing pauses, in a transition: a keystroke never waits for a long form to redraw (issue 13.3). Leaving the field hands the form the text at once, so a Save or Lock pressed
 * straight after typing sees every character.
 */
export function TextArea(props: AreaCommon & (Bound | Unbound<string>)) {
  const bound = useContext(BoundControlsContext);
  if (props.name !== undefined) {
    const Area = need(bound).Area;
    return <Area {...props} />;
  }
  return <UnboundArea {...props} />;
}

function UnboundArea({ label, value, onChange, hint, error, children }: AreaCommon & Unbound<string>) {
  // Uncontrolled: the browser draws what is typed and React renders nothing per keystroke; the text
  // is read from the element itself. It starts from the value it was first given.
  const [initial] = useState(value);
  const box = useRef<HTMLTextAreaElement>(null);
  // The values handed to the form that it may not have drawn yet (in order, bounded).
  const sent = useRef(new Set<string>());
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string }>(undefined);
  const latest = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = onChange;
  });
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (!sent.current.has(value) && value !== el.value) {
      // Set from elsewhere (a reset, a restored draft): that wins over what is shown, and over typing not yet handed over.
      el.value = value;
      sent.current.clear();
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = undefined;
    } else if (value === el.value) sent.current.clear();
  }, [value]);
  const handOver = (next: string, urgent: boolean) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = undefined;
    sent.current.add(next);
    if (sent.current.size > SENT_KEPT) sent.current.delete(sent.current.values().next().value!);
    if (urgent) latest.current(next);
    else startTransition(() => latest.current(next));
  };
  const type = (next: string) => {
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
          ref={box}
          defaultValue={initial}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => type(e.target.value)}
          onBlur={(e) => (pending.current ? handOver(pending.current.text, true) : e.target.value !== value && handOver(e.target.value, true))}
        />
      )}
    </FieldFrame>
  );
}

export function Options<T extends string>({ options }: { options: ReadonlyArray<readonly [T, string]> }) {
  return (
    <>
      {options.map(([v, name]) => (
        <option key={v} value={v}>
          {name}
        </option>
      ))}
    </>
  );
}

/** A labelled select: every option has its plain-English label, never an enum id. */
export function SelectField<T extends string>(props: SelectCommon<T> & (Bound | Unbound<T>)) {
  const bound = useContext(BoundControlsContext);
  if (props.name !== undefined) {
    const Select = need(bound).Select;
    return <Select {...(props as SelectCommon<string> & Bound)} />;
  }
  const { label, value, options, onChange, hint, error } = props;
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as T)}>
          <Options options={options} />
        </select>
      )}
    </FieldFrame>
  );
}

export type YesNo = '' | 'yes' | 'no';
export const yesNo = (b: boolean | undefined): YesNo => (b === undefined ? '' : b ? 'yes' : 'no');
export const fromYesNo = (v: YesNo): boolean | undefined => (v === '' ? undefined : v === 'yes');
const yesNoOptions: ReadonlyArray<readonly [YesNo, string]> = [
  ['', 'Not recorded yet'],
  ['yes', 'Yes'],
  ['no', 'No'],
];

/** A yes / no question where "not recorded yet" is a real, different answer (consent, for one). */
export function YesNoField(props: { label: string; hint?: ReactNode } & (Bound | Unbound<YesNo>)) {
  return <SelectField<YesNo> {...props} options={yesNoOptions} />;
}

/** A labelled checkbox (true / false). */
export function CheckField(props: CheckCommon & (Bound | CheckUnbound)) {
  const bound = useContext(BoundControlsContext);
  if (props.name !== undefined) {
    const Check = need(bound).Check;
    return <Check {...props} />;
  }
  return <CheckBox {...props} />;
}

export function CheckBox({
  label,
  checked,
  onChange,
  hint,
  error,
  inputRef,
  onBlur,
}: CheckCommon & Omit<CheckUnbound, 'name' | 'errorPath'> & { inputRef?: (el: HTMLInputElement | null) => void; onBlur?(): void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          ref={inputRef}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onChange(e.target.checked)}
          onBlur={onBlur}
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

/** '' → undefined, so an emptied optional field leaves the model rather than failing its validation. */
export const opt = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s);
