import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { SelectField, TextArea, TextField } from '../forms/fields';
import { messageAt } from '../forms/errors';
import { FieldCell, FieldRow } from '../forms/layout';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { localFromInstant, newId } from '../forms/values';
import { MertonDomain, type Assessment, type CalendarId, type DateAsTold } from '../../../shared/domain/model';
import { CalendarError, periodOf, withGregorian } from '../../../shared/domain/calendars';
import { formatDate } from '../../../shared/format/dates';
import type { EditorProps } from './types';
import { calendarLabels, labelOptions, mertonDomainLabels } from '../../../shared/format/labels';
import { AddItemButton, RemoveItemButton } from '../forms/items';

type Domain = (typeof MertonDomain.options)[number];
type TimelineEvent = Assessment['timeline'][number];

/** What each domain covers, shown under its name (the names are shared: mertonDomainLabels). */
const domainHints: Record<Domain, string> = {
  family: 'Parents, brothers and sisters, their ages, where they are now.',
  'social-history': 'Daily life at home, work, friends, community.',
  education: 'Schooling, years and classes, religious school, reading and writing.',
  'development-self-care': 'Independence, looking after themselves, responsibilities.',
  health: 'Physical and emotional health, injuries, trauma.',
  journey: 'Leaving home, the route, how long it took, who they travelled with.',
  documents: 'Any documents, who holds them, what they say.',
  'culture-possessions': 'Religion, customs, calendars used, belongings they brought.',
  'other-sources': 'Carers, teachers, health staff, other professionals.',
};

const calendars = labelOptions(calendarLabels);
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
  return first === last ? `Gregorian: ${formatDate(first)}.` : `Gregorian: between ${formatDate(first)} and ${formatDate(last)} (kept as that range, not a day).`;
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

interface Form {
  domains: Record<Domain, DomainDraft>;
  events: EventDraft[];
}

function formFrom(assessment: Assessment): Form {
  const domains = {} as Record<Domain, DomainDraft>;
  for (const d of MertonDomain.options) {
    const found = assessment.domains.find((x) => x.domain === d);
    domains[d] = found ? { explored: found.explored ? 'yes' : 'no', summary: found.summary ?? '', reason: found.reasonNotExplored ?? '' } : { explored: '', summary: '', reason: '' };
  }
  return { domains, events: assessment.timeline.map(toEventDraft) };
}

/** A date that does not convert stops the save (AA-40): which event, and why, in words. */
function undatedEvents(f: Form): Array<[string, string]> {
  for (const [i, ev] of f.events.entries()) {
    const { date, problem } = dateOf(ev);
    if (!date) return [[`events.${i}.date`, `Timeline event ${i + 1}${ev.event.trim() ? ` (“${ev.event.trim()}”)` : ''}: ${problem}`]];
  }
  return [];
}

function toPart(f: Form) {
  return {
    domains: MertonDomain.options.flatMap((d) => {
      const x = f.domains[d];
      if (x.explored === '') return [];
      return [{ domain: d, explored: x.explored === 'yes', summary: x.summary.trim() ? x.summary : undefined, reasonNotExplored: x.reason.trim() || undefined }];
    }),
    // Every date converts here: `undatedEvents` stopped the save otherwise.
    timeline: f.events.map((ev) => ({ id: ev.id, event: ev.event, date: dateOf(ev).date, sourceSessionId: ev.sourceSessionId || undefined })),
  };
}

/** Interviews: the Merton domains explored (or why not), and the young person's life timeline in their own calendar. */
export function DomainsTimelineEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'domains', defaults: () => formFrom(assessment), toPart, check: undatedEvents, onSaved });
  const events = useFieldArray({ control: form.form.control, name: 'events' });
  const sessionOptions: Array<[string, string]> = [
    ['', 'Not linked to a session'],
    ...assessment.sessions.map((s, i): [string, string] => [s.id, `Session ${i + 1} (${localFromInstant(s.start).replace('T', ' ')})`]),
  ];
  return (
    <AssessmentFormView f={form} label="Merton domains and life timeline" saveLabel="Save the domains and timeline">
      <h4>The nine areas of the young person's life (Merton domains)</h4>
      <p className="hint">For each area, record what was explored, or why it was not explored (AA-15).</p>
      {MertonDomain.options.map((d) => (
        <DomainCard key={d} d={d} />
      ))}

      <h4>Life timeline</h4>
      <p className="hint">
        Keep each date in the calendar the young person used, as they said it; Carefile shows and stores the Gregorian date (AA-40). A Solar Hijri year runs from March to March.
      </p>
      {events.fields.length === 0 ? <p>No event is recorded yet.</p> : null}
      {events.fields.map((row, i) => (
        <fieldset key={row.id} className="item-card">
          <legend>
            <h4>Event {i + 1}</h4>
          </legend>
          <TextField label={`Event ${i + 1}: what happened`} name={`events.${i}.event`} errorPath={`timeline.${i}.event`} />
          <SelectField label={`Event ${i + 1}: calendar`} name={`events.${i}.calendar`} options={calendars} />
          <FieldRow>
            <FieldCell width="9rem">
              <TextField label={`Event ${i + 1}: year`} name={`events.${i}.year`} hint="As they told it" />
            </FieldCell>
            <FieldCell width="9rem">
              <TextField label={`Event ${i + 1}: month`} name={`events.${i}.month`} hint="Number, if known" />
            </FieldCell>
            <FieldCell width="9rem">
              <TextField label={`Event ${i + 1}: day`} name={`events.${i}.day`} hint="If known" />
            </FieldCell>
          </FieldRow>
          <TextField label={`Event ${i + 1}: the date as they said it`} name={`events.${i}.asSaid`} hint="E.g. “Hamal 1388” or “the spring after the flood”." dir="auto" />
          <EventDate i={i} />
          <SelectField label={`Event ${i + 1}: told in`} name={`events.${i}.sourceSessionId`} errorPath={`timeline.${i}.sourceSessionId`} options={sessionOptions} />
          <RemoveItemButton onRemove={() => events.remove(i)}>Remove event {i + 1}</RemoveItemButton>
        </fieldset>
      ))}
      <AddItemButton
        onAdd={() =>
          events.append({
            id: newId(),
            event: '',
            calendar: form.form.getValues('events').at(-1)?.calendar ?? assessment.youngPerson.statedDateOfBirth?.calendar ?? 'gregory',
            year: '',
            month: '',
            day: '',
            asSaid: '',
            sourceSessionId: '',
          })
        }
      >
        Add a timeline event
      </AddItemButton>
      <NotSaved />
    </AssessmentFormView>
  );
}

/**
 * One domain. The model keeps only the domains answered, in order, so the schema and the main side
 * name a domain's fields by its place among those (`domains.2.summary`): worked out from the answers.
 */
function DomainCard({ d }: { d: Domain }) {
  const explored = useWatch({ name: MertonDomain.options.map((o) => `domains.${o}.explored`) }) as Array<DomainDraft['explored']>;
  const mine = explored[MertonDomain.options.indexOf(d)];
  const index = MertonDomain.options.filter((_, k) => explored[k] !== '').indexOf(d);
  const name = mertonDomainLabels[d];
  return (
    <fieldset className="item-card">
      <legend>
        <h4>{name}</h4>
      </legend>
      <p className="hint">{domainHints[d]}</p>
      <SelectField label={`${name}: explored?`} name={`domains.${d}.explored`} options={exploredOptions} />
      {mine === 'yes' ? <TextArea label={`${name}: what was explored`} name={`domains.${d}.summary`} errorPath={`domains.${index}.summary`} wording /> : null}
      {mine === 'no' ? <TextField label={`${name}: why it was not explored`} name={`domains.${d}.reason`} errorPath={`domains.${index}.reasonNotExplored`} /> : null}
    </fieldset>
  );
}

/** The Gregorian date or range as typed, or why it is not a date yet. */
function EventDate({ i }: { i: number }) {
  const ev = useWatch({ name: `events.${i}` }) as EventDraft;
  const { errors } = useFormState({ name: `timeline.${i}.date` });
  const saved = messageAt(errors, `timeline.${i}.date`);
  const { date, problem } = dateOf(ev);
  return (
    <>
      {date ? (
        <p aria-live="polite">
          <strong>{conversion(date)}</strong>
        </p>
      ) : (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {saved ? (
        <p className="field-error" role="alert">
          {saved}
        </p>
      ) : null}
    </>
  );
}

function NotSaved() {
  const { errors } = useFormState({ name: 'events' });
  const { getValues } = useFormContext<Form>();
  const first = getValues('events')
    .map((_, i) => messageAt(errors, `events.${i}.date`))
    .find(Boolean);
  return first ? (
    <div role="alert" className="error-box">
      Not saved. {first}
    </div>
  ) : null;
}
