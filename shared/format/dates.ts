/**
 * One date style for the whole app and the record: "14 October 2026" (day, full month name, year),
 * instants in UK time as "14 October 2026, 10:15". Pure (Intl and Temporal only), so the renderer,
 * the main side and the PDF all say a date the same way.
 *
 * A date as told (AA-40) prints in its own calendar with that calendar's month names, beside the
 * words the young person used, and then as what it is in the Gregorian calendar: a day when the day
 * was given, else the whole month or year as a range ("Mehr 1404 = between 23 September and
 * 22 October 2025"), never a single day that overstates its precision.
 *
 * Solar Hijri month names: Afghanistan uses the zodiac names (Hamal, Sawr, ...), Iran the Persian
 * ones (Farvardin, Ordibehesht, ...). The months are the same; the caller picks the names
 * (`solarHijriNames`, see `solarHijriNamesFor`), Iranian by default.
 */
import { periodOf } from '../domain/calendars';
import type { CalendarId, DateAsTold } from '../domain/model';

const UK = 'Europe/London';
const dayFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const dayMonthFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long' });
const instantDayFmt = new Intl.DateTimeFormat('en-GB', { timeZone: UK, day: 'numeric', month: 'long', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: UK, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function isoDay(iso: string): Date | undefined {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso.slice(0, 10)) && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** An ISO date as "14 October 2026"; '' for none; anything unreadable is returned as given. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = isoDay(iso);
  return d ? dayFmt.format(d) : iso;
}

/** An instant in UK time as "14 October 2026, 10:15". */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${instantDayFmt.format(d)}, ${timeFmt.format(d)}`;
}

/** The UK day of an instant, as "14 October 2026". */
export function formatInstantDay(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantDayFmt.format(d);
}

/** The UK clock time of an instant, "10:15". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFmt.format(d);
}

/** A span of ISO days in words: "3 August 2010", "between 23 September and 22 October 2025", "between 21 March 2010 and 20 March 2011". */
export function formatDateRange(first: string, last: string): string {
  if (first === last) return formatDate(first);
  const a = isoDay(first);
  const b = isoDay(last);
  if (!a || !b) return `between ${first} and ${last}`;
  if (a.getUTCFullYear() === b.getUTCFullYear()) return `between ${dayMonthFmt.format(a)} and ${dayFmt.format(b)}`;
  return `between ${dayFmt.format(a)} and ${dayFmt.format(b)}`;
}

export type SolarHijriNames = 'afghan' | 'iranian';

export const MONTH_NAMES = {
  persianAfghan: ['Hamal', 'Sawr', 'Jawza', 'Saratan', 'Asad', 'Sunbula', 'Mizan', 'Aqrab', 'Qaws', 'Jadi', 'Dalw', 'Hut'],
  persianIranian: ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'],
  ethiopic: ['Meskerem', 'Tikimt', 'Hidar', 'Tahsas', 'Tir', 'Yekatit', 'Megabit', 'Miyazya', 'Ginbot', 'Sene', 'Hamle', 'Nehase', 'Pagume'],
  islamic: ['Muharram', 'Safar', 'Rabi al-Awwal', 'Rabi al-Thani', 'Jumada al-Ula', 'Jumada al-Akhirah', 'Rajab', 'Shaban', 'Ramadan', 'Shawwal', 'Dhu al-Qadah', 'Dhu al-Hijjah'],
  gregory: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** Short names of the calendars, as printed beside a date. */
export const CALENDAR_LABELS: Record<CalendarId, string> = {
  gregory: 'Gregorian',
  persian: 'Solar Hijri',
  ethiopic: 'Ethiopian',
  'islamic-umalqura': 'Hijri, Umm al-Qura',
  'islamic-civil': 'Hijri, civil',
};

/** Afghan month names when the nationality says Afghanistan, Iranian otherwise. */
export function solarHijriNamesFor(nationality: string | undefined): SolarHijriNames {
  return nationality && /afghan/i.test(nationality) ? 'afghan' : 'iranian';
}

/** The month's name in its calendar (1-based), or "month N" when the calendar has no such month. */
export function monthName(calendar: CalendarId, month: number, names: SolarHijriNames = 'iranian'): string {
  const list: readonly string[] =
    calendar === 'persian'
      ? names === 'afghan'
        ? MONTH_NAMES.persianAfghan
        : MONTH_NAMES.persianIranian
      : calendar === 'ethiopic'
        ? MONTH_NAMES.ethiopic
        : calendar === 'gregory'
          ? MONTH_NAMES.gregory
          : MONTH_NAMES.islamic;
  return list[month - 1] ?? `month ${month}`;
}

/** What was told, in its own calendar and words: "12 Mordad 1389", "Mehr 1404", "1391". */
export function formatInCalendar(d: Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day'>, names: SolarHijriNames = 'iranian'): string {
  const month = d.month !== undefined ? monthName(d.calendar, d.month, names) : undefined;
  return [d.day, month, d.year].filter((x) => x !== undefined).join(' ');
}

/** The Gregorian days a told date stands for: one day, or the first and last of the month or year. */
export function gregorianPeriod(d: Pick<DateAsTold, 'calendar' | 'year' | 'month' | 'day'>): { first: string; last: string } | undefined {
  try {
    return periodOf(d);
  } catch {
    return undefined;
  }
}

/**
 * A date as told, in full: 'Mehr 1404 (Solar Hijri; as said: "autumn, Mehr") = between 23 September
 * and 22 October 2025'. A Gregorian date told to the day prints once: "3 August 2010".
 */
export function formatDateAsTold(d: DateAsTold, names: SolarHijriNames = 'iranian'): string {
  const told = formatInCalendar(d, names);
  const said = d.asSaid && d.asSaid.trim() !== told ? `as said: \u201c${d.asSaid.trim()}\u201d` : '';
  const period = gregorianPeriod(d);
  const converted = period ? formatDateRange(period.first, period.last) : d.gregorian ? formatDate(d.gregorian) : 'not converted';
  if (d.calendar === 'gregory' && !said && period && period.first === period.last) return converted;
  const note = [d.calendar === 'gregory' ? '' : CALENDAR_LABELS[d.calendar], said].filter(Boolean).join('; ');
  return `${told}${note ? ` (${note})` : ''} = ${converted}`;
}

/** A length of time in words: "2 hours 5 minutes", "45 minutes", "1 hour". */
export function plainDuration(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (rest > 0 || h === 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** Hours in words, as days past two days: "5 hours", "3 days and 5 hours". */
export function plainHours(hours: number): string {
  const h = Math.max(0, Math.floor(hours));
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'}`;
  const days = Math.floor(h / 24);
  const rest = h % 24;
  return `${days} days${rest ? ` and ${rest} hour${rest === 1 ? '' : 's'}` : ''}`;
}
