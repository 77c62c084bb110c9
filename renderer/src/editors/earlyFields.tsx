/**
 * Small form parts shared by the early-stage editors (trafficking, participants, explanation and
 * consent, safeguard log): checkboxes, selects with plain-English labels, yes / no / not recorded,
 * and mapping a main-side validation error to the field it names.
 */
import { useId, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/contract';

/** The main side names fields as `assessment.<model path>`; show its message next to that field. */
export function errorAt(error: ApiError | undefined, path: string): string | undefined {
  const field = error?.field;
  if (!field) return undefined;
  const full = `assessment.${path}`;
  return field === full || field.startsWith(`${full}.`) ? error.message : undefined;
}

export function CheckField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange(v: boolean): void; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  error,
}: {
  label: string;
  value: T | '';
  /** [value, plain-English label]; '' is "not recorded". */
  options: readonly (readonly [T | '', string])[];
  onChange(v: T | ''): void;
  hint?: ReactNode;
  error?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as T | '')}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
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

export type YesNo = '' | 'yes' | 'no';
export const yesNo = (b: boolean | undefined): YesNo => (b === undefined ? '' : b ? 'yes' : 'no');
export const fromYesNo = (v: YesNo): boolean | undefined => (v === '' ? undefined : v === 'yes');

/** A yes / no question where "not recorded yet" is a real, different answer (consent, for one). */
export function YesNoField({ label, value, onChange, hint, error }: { label: string; value: YesNo; onChange(v: YesNo): void; hint?: ReactNode; error?: string }) {
  return (
    <SelectField<'yes' | 'no'>
      label={label}
      value={value}
      onChange={onChange}
      hint={hint}
      error={error}
      options={[
        ['', 'Not recorded yet'],
        ['yes', 'Yes'],
        ['no', 'No'],
      ]}
    />
  );
}

/** '' → undefined, so an emptied optional field leaves the model rather than failing its validation. */
export const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

/**
 * Fields side by side where there is room, one under another where there is not. (The shared
 * `inline-fields` class caps inputs at 10rem, which cuts off names and organisations.)
 */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))', columnGap: '1.25rem', alignItems: 'start' }}>{children}</div>;
}

/** The title of one item in a list (a participant, an indicator): sized like a field group, below the section heading. */
export function ItemTitle({ children }: { children: ReactNode }) {
  return <h5 style={{ fontSize: '1rem', margin: '0.5rem 0 0' }}>{children}</h5>;
}
