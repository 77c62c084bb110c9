import { useState, type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import { MertonDomain, type Assessment, type CalendarId, type DateAsTold } from '../../../shared/domain/model';
import { CalendarError, calendarNames, periodOf, withGregorian } from '../../../shared/domain/calendars';
import { SaveBar } from '../forms/SaveBar';
import { errorAt, FieldCell, FieldRow, plainDate, SelectField } from './interviewControls';
import { localFromInstant, newId, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

type Domain = (typeof MertonDomain.options)[number];
type TimelineEvent = Assessment['timeline'][number];

const domainNames: Record<Domain, { name: string; hint: string }> = {
  family: { name: 'Family', hint: 'Parents, brothers and sisters, their ages, where they are now.' },
  'social-history': { name: 'Social history', hint: 'Daily life at home, work, friends, community.' },
  education: { name: 'Education', hint: 'Schooling, years and classes, religious school, reading and writing.' },
  'development-self-care': { name: 'Development and self-care', hint: 'Independence, looking after themselves, responsibilities.' },
  health: { name: 'Health', hint: 'Physical and emotional health, injuries, trauma.' },
  journey: { name: 'Journey', hint: 'Leaving home, the route, how long it took, who they travelled with.' },
  documents: { name: 'Documents', hint: 'Any documents, who holds them, what they say.' },
  'culture-possessions': { name: 'Culture and possessions', hint: 'Religion, customs, calendars used, belongings they brought.' },
  'other-sources': { name: 'Other sources', hint: 'Carers, teachers, health staff, other professionals.' },
};

const calendars = Object.entries(calendarNames) as Array<[CalendarId, string]>;
const exploredOptions = [
  ['', 'Not recorded yet'],
  ['yes', 'Explored'],
  ['no', 'Not explored'],
] as const;

interface DomainDraft {
  explored: '' | 'yes' | 'no';
  summary: string;
  reason: string;
}

interface EventDraft {
  id: string;
  event: string;
  calendar: CalendarId;
  year: string;
  month: string;
  day: string;
  asSaid: string;
  sourceSessionId: string;
}

const wholeNumber = (s: string): number | undefined => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

/** The date as the model holds it, with its Gregorian conversion; or the reason it is not a date. */
function dateOf(e: EventDraft): { date?: DateAsTold; problem?: string } {
  const year = wholeNumber(e.year);
  const month = e.month.trim() ? wholeNumber(e.month) : undefined;
  const day = e.day.trim() ? wholeNumber(e.day) : undefined;
  if (year === undefined || year < 1) return { problem: e.year.trim() ? 'The year must be a whole number.' : 'Give at least the year, as it was told.' };
  if (e.month.trim() && (month === undefined || month < 1)) return { problem: 'The month must be a whole number (1 for the first month).' };
  if (e.day.trim() && (day === undefined || day < 1)) return { problem: 'The day must be a whole number.' };
  const told: DateAsTold = { calendar: e.calendar, year, month, day, asSaid: e.asSaid.trim() || undefined };
  try {
    return { date: withGregorian(told) };
  } catch (err) {
    return { problem: err instanceof CalendarError ? err.message : 'This is not a date in that calendar.' };
  }
}

/** "4 April 2010", or "between 21 March 2010 and 20 March 2011" when only the year or month was told. */
function conversion(d: DateAsTold): string {
  const { first, last } = periodOf(d);
  return first === last ? `Gregorian: ${plainDate(first)}.` : `Gregorian: between ${plainDate(first)} and ${plainDate(last)} (kept as that range, not a day).`;
}

function toEventDraft(t: TimelineEvent): EventDraft {
  return {
    id: t.id,
    event: t.event,
    calendar: t.date.calendar,
    year: String(t.date.year),
    month: t.date.month === undefined ? '' : String(t.date.month),
    day: t.date.day === undefined ? '' : String(t.date.day),
    asSaid: t.date.asSaid ?? '',
    sourceSessionId: t.sourceSessionId ?? '',
  };
}

/** Interviews: the Merton domains explored (or why not), and the young person's life timeline in their own calendar. */
export function DomainsTimelineEditor({ assessment, onSaved }: EditorProps) {
  const [domains, setDomains] = useDraftState<Record<Domain, DomainDraft>>('domains', () => {
    const out = {} as Record<Domain, DomainDraft>;
    for (const d of MertonDomain.options) {
      const found = assessment.domains.find((x) => x.domain === d);
      out[d] = found ? { explored: found.explored ? 'yes' : 'no', summary: found.summary ?? '', reason: found.reasonNotExplored ?? '' } : { explored: '', summary: '', reason: '' };
    }
    return out;
  });
  const [events, setEvents] = useDraftState<EventDraft[]>('events', () => assessment.timeline.map(toEventDraft));
  const [problem, setProblem] = useState<string>();
  const { save, error, saving } = useAssessmentSave('domains', onSaved);
  const setDomain = (d: Domain, patch: Partial<DomainDraft>) => setDomains((old) => ({ ...old, [d]: { ...old[d], ...patch } }));
  const updateEvent = (i: number, patch: Partial<EventDraft>) => setEvents((old) => old.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const sessionOptions: Array<[string, string]> = [
    ['', 'Not linked to a session'],
    ...assessment.sessions.map((s, i): [string, string] => [s.id, `Session ${i + 1} (${localFromInstant(s.start).replace('T', ' ')})`]),
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const timeline: TimelineEvent[] = [];
    for (const [i, ev] of events.entries()) {
      const { date, problem: p } = dateOf(ev);
      if (!date) {
        // Saving would store a date with no valid conversion (AA-40): say which event, keep everything typed.
        setProblem(`Timeline event ${i + 1}${ev.event.trim() ? ` (“${ev.event.trim()}”)` : ''}: ${p}`);
        return;
      }
      timeline.push({ id: ev.id, event: ev.event, date, sourceSessionId: ev.sourceSessionId || undefined });
    }
    setProblem(undefined);
    const next: Assessment = {
      ...assessment,
      domains: MertonDomain.options.flatMap((d) => {
        const x = domains[d];
        if (x.explored === '') return [];
        return [{ domain: d, explored: x.explored === 'yes', summary: x.summary.trim() ? x.summary : undefined, reasonNotExplored: x.reason.trim() || undefined }];
      }),
      timeline,
    };
    await save(next);
  }

  const domainIndex = (d: Domain) => MertonDomain.options.filter((o) => domains[o].explored !== '').indexOf(d);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Merton domains and life timeline">
      <h4>The nine areas of the young person's life (Merton domains)</h4>
      <p className="hint">For each area, record what was explored, or why it was not explored (AA-15).</p>
      {MertonDomain.options.map((d) => {
        const x = domains[d];
        const at = (field: string) => errorAt(error, `domains.${domainIndex(d)}.${field}`);
        return (
          <fieldset key={d} className="item-card">
            <legend>
              <h4>{domainNames[d].name}</h4>
            </legend>
            <p className="hint">{domainNames[d].hint}</p>
            <SelectField label={`${domainNames[d].name}: explored?`} value={x.explored} options={exploredOptions} onChange={(v) => setDomain(d, { explored: v })} />
            {x.explored === 'yes' ? (
              <TextArea label={`${domainNames[d].name}: what was explored`} value={x.summary} onChange={(v) => setDomain(d, { summary: v })} error={at('summary')}>
                <WordingNotes text={x.summary} />
              </TextArea>
            ) : null}
            {x.explored === 'no' ? (
              <TextField label={`${domainNames[d].name}: why it was not explored`} value={x.reason} onChange={(v) => setDomain(d, { reason: v })} error={at('reasonNotExplored')} />
            ) : null}
          </fieldset>
        );
      })}

      <h4>Life timeline</h4>
      <p className="hint">
        Keep each date in the calendar the young person used, as they said it; Carefile shows and stores the Gregorian date (AA-40). A Solar Hijri year runs from March to March.
      </p>
      {events.length === 0 ? <p>No event is recorded yet.</p> : null}
      {events.map((ev, i) => {
        const { date, problem: p } = dateOf(ev);
        const at = (field: string) => errorAt(error, `timeline.${i}.${field}`);
        return (
          <fieldset key={ev.id} className="item-card">
            <legend>
              <h4>Event {i + 1}</h4>
            </legend>
            <TextField label={`Event ${i + 1}: what happened`} value={ev.event} onChange={(v) => updateEvent(i, { event: v })} error={at('event')} />
            <SelectField label={`Event ${i + 1}: calendar`} value={ev.calendar} options={calendars} onChange={(v) => updateEvent(i, { calendar: v })} />
            <FieldRow>
              <FieldCell width="9rem">
                <TextField label={`Event ${i + 1}: year`} value={ev.year} onChange={(v) => updateEvent(i, { year: v })} hint="As they told it" />
              </FieldCell>
              <FieldCell width="9rem">
                <TextField label={`Event ${i + 1}: month`} value={ev.month} onChange={(v) => updateEvent(i, { month: v })} hint="Number, if known" />
              </FieldCell>
              <FieldCell width="9rem">
                <TextField label={`Event ${i + 1}: day`} value={ev.day} onChange={(v) => updateEvent(i, { day: v })} hint="If known" />
              </FieldCell>
            </FieldRow>
            <TextField label={`Event ${i + 1}: the date as they said it`} value={ev.asSaid} onChange={(v) => updateEvent(i, { asSaid: v })} hint="E.g. “Hamal 1388” or “the spring after the flood”." dir="auto" />
            {date ? (
              <p aria-live="polite">
                <strong>{conversion(date)}</strong>
              </p>
            ) : (
              <p className="field-error" role="alert">
                {p}
              </p>
            )}
            {at('date') ? (
              <p className="field-error" role="alert">
                {at('date')}
              </p>
            ) : null}
            <SelectField label={`Event ${i + 1}: told in`} value={ev.sourceSessionId} options={sessionOptions} onChange={(v) => updateEvent(i, { sourceSessionId: v })} />
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setEvents((old) => old.filter((_, j) => j !== i))}>
                Remove event {i + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setEvents((old) => [...old, { id: newId(), event: '', calendar: old.at(-1)?.calendar ?? assessment.youngPerson.statedDateOfBirth?.calendar ?? 'gregory', year: '', month: '', day: '', asSaid: '', sourceSessionId: '' }])
          }
        >
          Add a timeline event
        </button>
      </div>
      {problem ? (
        <div role="alert" className="error-box">
          Not saved. {problem}
        </div>
      ) : null}
      <SaveBar saving={saving} error={error} label="Save the domains and timeline" disabled={!isPartOpen(assessment, 'domains')} />
    </form>
  );
}
