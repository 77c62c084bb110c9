/**
 * The bound versions of the form controls (see fields.tsx): react-hook-form holds the value by
 * `name`, and the error shown is the form's message for `errorPath` (a model path). Provided to
 * the controls by AssessmentFormView, so react-hook-form loads with the part editors only.
 */
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useController, useFormContext, useFormState } from 'react-hook-form';
import { SETTLE_MS, WordingFindings } from '../components/WordingNotes';
import { FieldFrame } from './FieldFrame';
import { messageAt } from './errors';
import { DateBox, type DateAsToldValue, type DateInputProps } from './DateAsToldInput';
import { CodeBox, type CodeCommon } from './CodeField';
import { CheckBox, Options, type AreaCommon, type Bound, type BoundControls, type CheckCommon, type SelectCommon, type TextCommon } from './fields';

/** The message for a model path, from the form's errors (the shared schema's or the main side's). */
export function useFieldError(path: string): string | undefined {
  const { errors } = useFormState({ name: path });
  return messageAt(errors, path);
}

function BoundText({ label, name, errorPath, type = 'text', hint, autoComplete, required, dir }: TextCommon & Bound) {
  const { register } = useFormContext();
  const error = useFieldError(errorPath ?? name);
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input id={id} type={type} dir={dir} required={required} autoComplete={autoComplete} aria-invalid={invalid} aria-describedby={describedBy} {...register(name)} />
      )}
    </FieldFrame>
  );
}

function BoundArea({ label, name, errorPath, hint, wording, children }: AreaCommon & Bound) {
  const { register } = useFormContext();
  const error = useFieldError(errorPath ?? name);
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      after={
        <>
          {wording ? <LiveWording name={name} /> : null}
          {children}
        </>
      }
    >
      {({ id, describedBy, invalid }) => <textarea id={id} aria-invalid={invalid} aria-describedby={describedBy} {...register(name)} />}
    </FieldFrame>
  );
}

/**
 * A form value (the whole form without `name`) as it stands once typing pauses for SETTLE_MS. It
 * hears of changes through the form's subscription, outside React: a keystroke renders nothing (not
 * even the caller), it only restarts a timer; after the pause the caller renders once, in a
 * transition (issue 13.3, docs/decisions/ui-03-renderer-hot-paths.md). A reset or a restored draft
 * arrives the same way. For what is worked out from what is typed: wording notes, live checks.
 */
export function useSettled<T>(name?: string): T {
  const { subscribe, getValues } = useFormContext();
  const read = () => (name === undefined ? getValues() : getValues(name)) as T;
  const [value, setValue] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribe({
      name,
      formState: { values: true },
      callback: () => {
        clearTimeout(timer);
        timer = setTimeout(() => startTransition(() => setValue((name === undefined ? getValues() : getValues(name)) as T)), SETTLE_MS);
      },
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [name, subscribe, getValues]);
  return value;
}

/** The wording notes under a part form's text area, checked once typing pauses (useSettled). */
export function LiveWording({ name }: { name: string }) {
  const text = useSettled<string | undefined>(name);
  return <WordingFindings text={text ?? ''} />;
}

function BoundSelect({ label, name, errorPath, options, hint }: SelectCommon<string> & Bound) {
  const { register } = useFormContext();
  const error = useFieldError(errorPath ?? name);
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-invalid={invalid} aria-describedby={describedBy} {...register(name)}>
          <Options options={options} />
        </select>
      )}
    </FieldFrame>
  );
}

function BoundCheck({ name, errorPath, ...rest }: CheckCommon & Bound) {
  const { field } = useController({ name });
  const error = useFieldError(errorPath ?? name);
  return <CheckBox {...rest} checked={field.value === true} onChange={field.onChange} inputRef={field.ref} onBlur={field.onBlur} error={error} />;
}

function BoundDate({ name, errorPath, ...rest }: DateInputProps & Pick<Bound, 'name' | 'errorPath'>) {
  const { field } = useController({ name });
  const error = useFieldError(errorPath ?? name);
  return <DateBox {...rest} value={field.value as DateAsToldValue} onChange={field.onChange} error={error} />;
}

function BoundCode({ name, errorPath, ...rest }: CodeCommon & Pick<Bound, 'name' | 'errorPath'>) {
  const { field } = useController({ name });
  const error = useFieldError(errorPath ?? name);
  return <CodeBox {...rest} code={field.value as string | undefined} onChange={field.onChange} error={error} />;
}

export const boundControls: BoundControls = { Text: BoundText, Area: BoundArea, Select: BoundSelect, Check: BoundCheck, Date: BoundDate, Code: BoundCode };

/** Checkboxes that together hold a list of chosen values (e.g. the evidence a doubt rests on). */
export function CheckboxGroup({
  legend,
  hint,
  name,
  errorPath,
  options,
  empty,
  className,
}: {
  legend: string;
  className?: string;
  hint?: ReactNode;
  name: string;
  errorPath?: string;
  /** [value, label] */
  options: ReadonlyArray<readonly [string, string]>;
  /** Shown when there is nothing to choose from. */
  empty?: ReactNode;
}) {
  const { field } = useController({ name });
  const error = useFieldError(errorPath ?? name);
  const chosen = (field.value as string[] | undefined) ?? [];
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {options.length === 0 ? empty : null}
      {options.map(([value, text]) => (
        <CheckBox key={value} label={text} checked={chosen.includes(value)} onChange={(on) => field.onChange(on ? [...chosen, value] : chosen.filter((x) => x !== value))} />
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
