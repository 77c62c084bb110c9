/** Interview sessions: rest, place, health, number, breaks. */
import type { Hit, Rule } from '../types';
import { compareInstants, minutesBetween } from '../../domain/calendars';
import { hit, notUsedWithReason } from '../helpers';
import type { Session } from '../../domain/model';

/** The longest stretch of a session without a break, in minutes. */
export function longestStretch(s: Session): number {
  const breaks = [...s.breaks].sort((x, y) => compareInstants(x.start, y.start));
  let from = s.start;
  let longest = 0;
  for (const b of breaks) {
    longest = Math.max(longest, minutesBetween(from, b.start));
    from = b.end;
  }
  return Math.max(longest, minutesBetween(from, s.end));
}

export const sessionRules: Rule[] = [
  {
    id: 'AA-11',
    severity: 'warn',
    title: 'Session soon after arrival, in detention, or while unwell',
    source: 'R (MA & HT) v Coventry & SSHD [2022] EWHC 98',
    remedy: 'Rearrange the session: allow rest after arrival, never in detention, and not while the young person is unwell or exhausted.',
    appliesFrom: 'interviews',
    departable: true,
    check(a, ctx) {
      const hits: Hit[] = [];
      const arrival = a.youngPerson.arrivalInUk;
      a.sessions.forEach((s, i) => {
        if (arrival && minutesBetween(arrival, s.start) < ctx.thresholds.restHoursAfterArrival * 60) {
          const hours = Math.max(0, Math.floor(minutesBetween(arrival, s.start) / 60));
          hits.push(hit(`Session ${i + 1} began ${hours} hours after arrival in the UK (less than ${ctx.thresholds.restHoursAfterArrival} hours).`, `sessions.${i}.start`));
        }
        if (s.inDetention) hits.push(hit(`Session ${i + 1} took place in detention.`, `sessions.${i}.inDetention`));
        if (s.unwell) hits.push(hit(`Session ${i + 1} went ahead while the young person was unwell.`, `sessions.${i}.unwell`));
      });
      return hits;
    },
  },
  {
    id: 'AA-14',
    severity: 'warn',
    title: 'Several sessions, with breaks',
    source: 'ADCS 2015 ch.4; Coram CLC',
    remedy: 'Hold the interviews over several sessions and give breaks; or record why not (safeguard log: multiple-sessions, breaks).',
    appliesFrom: 'analysis',
    departable: true,
    check(a, ctx) {
      const hits: Hit[] = [];
      if (a.sessions.length < ctx.thresholds.minSessions && !notUsedWithReason(a, 'multiple-sessions')) {
        hits.push(hit(a.sessions.length === 0 ? 'No interview session is recorded.' : `Only ${a.sessions.length} interview session is recorded.`, 'sessions'));
      }
      a.sessions.forEach((s, i) => {
        const stretch = longestStretch(s);
        if (stretch > ctx.thresholds.maxMinutesWithoutBreak && !notUsedWithReason(a, 'breaks')) {
          hits.push(hit(`Session ${i + 1} ran ${Math.round(stretch)} minutes without a break (more than ${ctx.thresholds.maxMinutesWithoutBreak}).`, `sessions.${i}.breaks`));
        }
      });
      return hits;
    },
  },
];
