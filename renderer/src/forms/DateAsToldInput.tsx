/**
 * A date as the young person gave it (GOV.UK date input: day, month, year side by side), in the
 * calendar they used, with that calendar's month names (Hamal, Sawr …; Meskerem, Tikimt …) and,
 * live, what it is in the Gregorian calendar: one day when the day was given, else the whole
 * month or year as a range, never a single day that overstates its precision (AA-40).
 * Numbers are typed, never picked by the browser's locale (no `type="date"`).
 */
import { useContext, useId } from 'react';
import { BoundControlsContext, need } from './fields';
import type { CalendarId, DateAsTold } from '../../../shared/domain/model';
import { calendarLabels } from '../../../shared/format/labels';
import { formatDateRange, gregorianPeriod, MONTH_NAMES, type SolarHijriNames } from '../../../shared/format/dates';

export interface DateAsToldValue {
  calendar: CalendarId;
  day: string;
  month: string;
  year: string;
  asSaid: string;
}

export const emptyDateAsTold = (calendar: CalendarId = 'gregory'): DateAsToldValue => ({ calendar, day: '', month: '', year: '', asSaid: '' });

export function dateAsToldValue(d: DateAsTold | undefined): DateAsToldValue {
  if (!d) return emptyDateAsTold();
  return { calendar: d.calendar, day: d.day === undefined ? '' : String(d.day), month: d.month === undefined ? '' : String(d.month), year: String(d.year), asSaid: d.asSaid ?? '' };
}

const int = (s: string): number | undefined => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

/** The value as the model's DateAsTold (the main side adds the Gregorian days), or undefined when no year is given. */
export function toDateAsTold(v: DateAsToldValue): Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day' | 'asSaid'> | undefined {
  const year = int(v.year);
  if (year === undefined) return undefined;
  return { calendar: v.calendar, year, month: int(v.month), day: int(v.day), asSaid: v.asSaid.trim() || undefined };
}

function monthsOf(calendar: CalendarId, names: SolarHijriNames): readonly string[] {
  if (calendar === 'persian') return names === 'afghan' ? MONTH_NAMES.persianAfghan : MONTH_NAMES.persianIranian;
  if (calendar === 'ethiopic') return MONTH_NAMES.ethiopic;
  if (calendar === 'gregory') return MONTH_NAMES.gregory;
  return MONTH_NAMES.islamic;
}

/** What the typed date is in the Gregorian calendar, in words, or why it cannot be said. */
export function gregorianText(v: DateAsToldValue): string | undefined {
  const d = toDateAsTold(v);
  if (!d) return undefined;
  if (d.day !== undefined && d.month === undefined) return 'Give the month too, or leave the day empty.';
  const p = gregorianPeriod(d);
  if (!p) return 'This date does not exist in that calendar: check the day and month.';
  const words = formatDateRange(p.first, p.last);
  return p.first === p.last ? `In the Gregorian calendar: ${words}` : `In the Gregorian calendar: ${words} (the ${d.month === undefined ? 'whole year' : 'whole month'})`;
}

export interface DateInputProps {
  legend: string;
  hint?: string;
  names?: SolarHijriNames;
}

/**
 * Bound to a part form by `name` (its value a DateAsToldValue, its errors those of `errorPath`),
 * or given `value` and `onChange`.
 */
export function DateAsToldInput(
  props: DateInputProps & ({ name: string; errorPath?: string; value?: never; onChange?: never; error?: never } | { name?: undefined; errorPath?: never; value: DateAsToldValue; onChange(v: DateAsToldValue): void; error?: string }),
) {
  const bound = useContext(BoundControlsContext);
  if (props.name !== undefined) {
    const Date = need(bound).Date;
    return <Date {...props} />;
  }
  return <DateBox {...props} />;
}

export function DateBox({
  legend,
  hint,
  value,
  onChange,
  names = 'iranian',
  error,
}: {
  legend: string;
  hint?: string;
  value: DateAsToldValue;
  onChange(v: DateAsToldValue): void;
  names?: SolarHijriNames;
  error?: string;
}) {
  const id = useId();
  const set = (patch: Partial<DateAsToldValue>) => onChange({ ...value, ...patch });
  const months = monthsOf(value.calendar, names);
  const live = gregorianText(value);
  const describedBy = [hint ? `${id}-hint` : '', `${id}-live`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="date-as-told" aria-describedby={describedBy}>
      <legend>{legend}</legend>
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
      <div className="field">
        <label htmlFor={`${id}-cal`}>Calendar</label>
        <select id={`${id}-cal`} value={value.calendar} onChange={(e) => set({ calendar: e.target.value as CalendarId })}>
          {(Object.entries(calendarLabels) as Array<[CalendarId, string]>).map(([cal, name]) => (
            <option key={cal} value={cal}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="date-input">
        <div className="field">
          <label htmlFor={`${id}-day`}>Day</label>
          <input id={`${id}-day`} className="w2" inputMode="numeric" autoComplete="off" value={value.day} aria-invalid={error ? true : undefined} onChange={(e) => set({ day: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-month`}>Month</label>
          <select id={`${id}-month`} value={value.month} aria-invalid={error ? true : undefined} onChange={(e) => set({ month: e.target.value })}>
            <option value="">Not given</option>
            {months.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {i + 1}: {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>Year</label>
          <input id={`${id}-year`} className="w4" inputMode="numeric" autoComplete="off" value={value.year} aria-invalid={error ? true : undefined} onChange={(e) => set({ year: e.target.value })} />
        </div>
      </div>
      <p className="date-live" id={`${id}-live`} aria-live="polite">
        {live ?? 'Give at least the year; the day and month if they were said.'}
      </p>
      <div className="field">
        <label htmlFor={`${id}-said`}>As they said it</label>
        <input id={`${id}-said`} dir="auto" autoComplete="off" value={value.asSaid} onChange={(e) => set({ asSaid: e.target.value })} aria-describedby={`${id}-said-hint`} />
        <p className="hint" id={`${id}-said-hint`}>
          For example “Hamal 1388” or “the spring after the flood”.
        </p>
      </div>
    </fieldset>
  );
}
