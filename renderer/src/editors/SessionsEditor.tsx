import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { CheckField, TextArea, TextField } from '../forms/fields';
import { CheckboxGroup } from '../forms/bound';
import { hasCheckErrors } from '../forms/errors';
import { FieldCell, FieldRow } from '../forms/layout';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { instantFromLocal, localFromInstant, newId } from '../forms/values';
import type { Session } from '../../../shared/domain/model';
import { minutesBetween } from '../../../shared/domain/calendars';
import { longestStretch } from '../../../shared/safeguards/rules/sessions';
import { defaultThresholds } from '../../../shared/safeguards/types';
import { plainDuration, plainHours } from '../../../shared/format/dates';
import type { EditorProps } from './types';
import { participantRoleLabels } from '../../../shared/format/labels';
import { AddItemButton, RemoveItemButton } from '../forms/items';

interface BreakDraft {
  start: string;
  end: string;
}

interface SessionDraft {
  id: string;
  start: string;
  end: string;
  place: string;
  inDetention: boolean;
  unwell: boolean;
  wellbeingNote: string;
  present: string[];
  breaks: BreakDraft[];
  interpreterCheck: string;
  summary: string;
}

function toDraft(s: Session): SessionDraft {
  return {
    id: s.id,
    start: localFromInstant(s.start),
    end: localFromInstant(s.end),
    place: s.place ?? '',
    inDetention: s.inDetention,
    unwell: s.unwell,
    wellbeingNote: s.wellbeingNote ?? '',
    present: s.presentParticipantIds,
    breaks: s.breaks.map((b) => ({ start: localFromInstant(b.start), end: localFromInstant(b.end) })),
    interpreterCheck: s.interpreterCheck ?? '',
    summary: s.summary ?? '',
  };
}

/** The draft as the model holds it. Empty times are sent as they are, so the main side names the field. */
function fromDraft(d: SessionDraft): Session {
  return {
    id: d.id,
    start: instantFromLocal(d.start) ?? d.start,
    end: instantFromLocal(d.end) ?? d.end,
    place: d.place.trim() || undefined,
    inDetention: d.inDetention,
    unwell: d.unwell,
    wellbeingNote: d.wellbeingNote.trim() || undefined,
    presentParticipantIds: d.present,
    breaks: d.breaks.map((b) => ({ start: instantFromLocal(b.start) ?? b.start, end: instantFromLocal(b.end) ?? b.end })),
    interpreterCheck: d.interpreterCheck.trim() || undefined,
    summary: d.summary.trim() ? d.summary : undefined,
  };
}

/** Length, longest stretch without a break, and time since arrival, in plain words; or what is wrong with the times. */
function timing(d: Pick<SessionDraft, 'start' | 'end' | 'breaks'>, arrival: string | undefined): { text: string; warn?: string } | undefined {
  const start = instantFromLocal(d.start);
  const end = instantFromLocal(d.end);
  if (!start || !end) return undefined;
  const length = minutesBetween(start, end);
  if (length <= 0) return { text: '', warn: 'The session ends before it starts: check the times.' };
  const breaks = d.breaks.map((b) => ({ start: instantFromLocal(b.start), end: instantFromLocal(b.end) }));
  if (breaks.some((b) => !b.start || !b.end)) return { text: `Length: ${plainDuration(length)}. Give each break a start and an end to see the longest stretch without one.` };
  const complete = breaks as Array<{ start: string; end: string }>;
  if (complete.some((b) => minutesBetween(b.start, b.end) < 0)) return { text: `Length: ${plainDuration(length)}.`, warn: 'A break ends before it starts: check its times.' };
  if (complete.some((b) => minutesBetween(start, b.start) < 0 || minutesBetween(b.end, end) < 0)) {
    return { text: `Length: ${plainDuration(length)}.`, warn: 'A break falls outside the session: check its times.' };
  }
  // The rule reads only the times.
  const stretch = longestStretch({ start, end, breaks: complete } as Pick<Session, 'start' | 'end' | 'breaks'> as Session);
  const breakMinutes = complete.reduce((sum, b) => sum + minutesBetween(b.start, b.end), 0);
  const parts = [
    `Length: ${plainDuration(length)}${complete.length ? `, of which ${plainDuration(breakMinutes)} in ${complete.length === 1 ? 'one break' : `${complete.length} breaks`}` : ', with no break'}.`,
    `Longest stretch without a break: ${plainDuration(stretch)}.`,
  ];
  if (arrival) {
    const hours = minutesBetween(arrival, start) / 60;
    if (hours >= 0) parts.push(`It began ${plainHours(hours)} after the young person arrived in the UK.`);
  }
  const max = defaultThresholds.maxMinutesWithoutBreak;
  const rest = defaultThresholds.restHoursAfterArrival;
  const warns: string[] = [];
  if (stretch > max) warns.push(`More than ${max} minutes without a break (AA-14).`);
  if (arrival && minutesBetween(arrival, start) < rest * 60) warns.push(`Less than ${rest} hours after arrival (AA-11).`);
  return { text: parts.join(' '), warn: warns.join(' ') || undefined };
}

function emptySession(prev: SessionDraft | undefined): SessionDraft {
  return { id: newId(), start: '', end: '', place: prev?.place ?? '', inDetention: false, unwell: false, wellbeingNote: '', present: prev?.present ?? [], breaks: [], interpreterCheck: '', summary: '' };
}

type Form = { sessions: SessionDraft[] };

/** Times are asked for before anything is sent, in words about the session rather than the schema's. */
function missingTimes(f: Form): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  f.sessions.forEach((s, i) => {
    if (!instantFromLocal(s.start)) problems.push([`sessions.${i}.start`, 'Give the date and time the session started.']);
    if (!instantFromLocal(s.end)) problems.push([`sessions.${i}.end`, 'Give the date and time the session ended.']);
    s.breaks.forEach((b, k) => {
      if (!instantFromLocal(b.start)) problems.push([`sessions.${i}.breaks.${k}.start`, 'Give the time the break started.']);
      if (!instantFromLocal(b.end)) problems.push([`sessions.${i}.breaks.${k}.end`, 'Give the time the break ended.']);
    });
  });
  return problems;
}

/** Interviews: each session held, when and where, who was there, the breaks, and how the young person was. */
export function SessionsEditor({ assessment, onSaved }: EditorProps) {
  // The form's paths are the model's (sessions.0.start): errors need no mapping.
  const form = useAssessmentForm({
    assessment,
    part: 'sessions',
    defaults: (): Form => ({ sessions: assessment.sessions.map(toDraft) }),
    toPart: (f: Form) => ({ sessions: f.sessions.map(fromDraft) }),
    check: missingTimes,
    onSaved,
  });
  const sessions = useFieldArray({ control: form.form.control, name: 'sessions' });
  const people = assessment.participants.map((p) => [p.id, `${p.name}, ${participantRoleLabels[p.role].toLowerCase()}`] as const);
  return (
    <AssessmentFormView f={form} label="Interview sessions" saveLabel="Save the sessions">
      <p className="hint">
        Record every session held. Allow rest after arrival, never interview in detention or while the young person is unwell, hold several sessions and give breaks (AA-11, AA-14).
      </p>
      {sessions.fields.length === 0 ? <p>No session is recorded yet.</p> : null}
      {sessions.fields.map((row, i) => (
        <fieldset key={row.id} className="item-card">
          <legend>
            <h4>Session {i + 1}</h4>
          </legend>
          <FieldRow>
            <FieldCell>
              <TextField label={`Session ${i + 1} start`} type="datetime-local" name={`sessions.${i}.start`} />
            </FieldCell>
            <FieldCell>
              <TextField label={`Session ${i + 1} end`} type="datetime-local" name={`sessions.${i}.end`} />
            </FieldCell>
          </FieldRow>
          <Timing i={i} arrival={assessment.youngPerson.arrivalInUk} />
          <TextField label={`Place of session ${i + 1}`} name={`sessions.${i}.place`} />
          <CheckField label={`Session ${i + 1} was held in detention (police or immigration)`} name={`sessions.${i}.inDetention`} />
          <CheckField label={`The young person was unwell, exhausted or distressed in session ${i + 1}`} name={`sessions.${i}.unwell`} />
          <TextField label={`How the young person was in session ${i + 1}`} name={`sessions.${i}.wellbeingNote`} hint="Tired, hungry, unwell, upset: say it plainly." />
          <CheckboxGroup
            className="subgroup"
            legend="Who was present"
            name={`sessions.${i}.present`}
            errorPath={`sessions.${i}.presentParticipantIds`}
            options={people}
            empty={<p className="hint">No participants yet: add them in Planning.</p>}
          />
          <Breaks i={i} />
          <TextField
            label={`Session ${i + 1}: how mutual understanding with the interpreter was checked`}
            name={`sessions.${i}.interpreterCheck`}
            hint="E.g. language and dialect confirmed with the young person at the start (AA-07)."
          />
          <TextArea label={`Summary of session ${i + 1}`} name={`sessions.${i}.summary`} wording />
          <RemoveItemButton onRemove={() => sessions.remove(i)}>Remove session {i + 1}</RemoveItemButton>
        </fieldset>
      ))}
      <AddItemButton onAdd={() => sessions.append(emptySession(form.form.getValues('sessions').at(-1)))}>Add a session</AddItemButton>
      <MissingTimes />
    </AssessmentFormView>
  );
}

/** Length, stretches and rest, live: re-rendered with the session's times only, not its summary. */
function Timing({ i, arrival }: { i: number; arrival?: string }) {
  const [start, end, breaks] = useWatch({ name: [`sessions.${i}.start`, `sessions.${i}.end`, `sessions.${i}.breaks`] }) as [string, string, BreakDraft[]];
  const t = timing({ start, end, breaks: breaks ?? [] }, arrival);
  return (
    <>
      {t ? (
        <p className="hint" aria-live="polite">
          {t.text}
        </p>
      ) : null}
      {t?.warn ? <p className="finding-warn">{t.warn}</p> : null}
    </>
  );
}

function Breaks({ i }: { i: number }) {
  const { control, getValues } = useFormContext<Form>();
  const breaks = useFieldArray({ control, name: `sessions.${i}.breaks` });
  return (
    <fieldset className="subgroup">
      <legend>Breaks</legend>
      {breaks.fields.length === 0 ? <p className="hint">No break recorded.</p> : null}
      {breaks.fields.map((b, k) => (
        <FieldRow key={b.id}>
          <FieldCell>
            <TextField label={`Session ${i + 1}, break ${k + 1} start`} type="datetime-local" name={`sessions.${i}.breaks.${k}.start`} />
          </FieldCell>
          <FieldCell>
            <TextField label={`Session ${i + 1}, break ${k + 1} end`} type="datetime-local" name={`sessions.${i}.breaks.${k}.end`} />
          </FieldCell>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => breaks.remove(k)}>
              Remove break {k + 1} from session {i + 1}
            </button>
          </div>
        </FieldRow>
      ))}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const start = getValues(`sessions.${i}.start`);
            breaks.append({ start, end: start });
          }}
        >
          Add a break to session {i + 1}
        </button>
      </div>
    </fieldset>
  );
}

function MissingTimes() {
  const { errors } = useFormState();
  return hasCheckErrors(errors) ? (
    <div role="alert" className="error-box">
      Not saved: some times are missing (marked above).
    </div>
  ) : null;
}
