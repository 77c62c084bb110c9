/**
 * Small form parts shared by the early-stage editors (trafficking, participants, explanation and
 * consent, safeguard log): checkboxes, selects with plain-English labels, yes / no / not recorded,
 * and mapping a main-side validation error to the field it names.
 */
import type { ReactNode } from 'react';
import { SelectField as BaseSelect } from '../forms/fields';

export { CheckField } from '../forms/fields';
export { errorAt } from '../forms/errors';

/** A select whose '' option means "not recorded". */
export function SelectField<T extends string>(props: {
  label: string;
  value: T | '';
  options: readonly (readonly [T | '', string])[];
  onChange(v: T | ''): void;
  hint?: ReactNode;
  error?: string;
}) {
  return <BaseSelect<T | ''> {...props} />;
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
