import { useState, type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import type { Assessment, Participant, Session } from '../../../shared/domain/model';
import { minutesBetween } from '../../../shared/domain/calendars';
import { longestStretch } from '../../../shared/safeguards/rules/sessions';
import { defaultThresholds } from '../../../shared/safeguards/types';
import { SaveBar } from '../forms/SaveBar';
import { CheckField, errorAt, FieldCell, FieldRow, plainDuration, plainHours } from './interviewControls';
import { instantFromLocal, localFromInstant, newId, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

const roleNames: Record<Participant['role'], string> = {
  assessor: 'assessor',
  interpreter: 'interpreter',
  'appropriate-adult': 'appropriate adult',
  'legal-representative': 'legal representative',
  manager: 'manager',
  carer: 'carer',
  other: 'other',
};

interface BreakDraft {
  key: string;
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
    breaks: s.breaks.map((b) => ({ key: newId(), start: localFromInstant(b.start), end: localFromInstant(b.end) })),
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
function timing(d: SessionDraft, arrival: string | undefined): { text: string; warn?: string } | undefined {
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
  const stretch = longestStretch({ ...fromDraft(d), start, end, breaks: complete });
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

/** Interviews: each session held, when and where, who was there, the breaks, and how the young person was. */
export function SessionsEditor({ assessment, onSaved }: EditorProps) {
  const [sessions, setSessions] = useDraftState<SessionDraft[]>('sessions', () => assessment.sessions.map(toDraft));
  const { save, error, saving } = useAssessmentSave('sessions', onSaved);
  const arrival = assessment.youngPerson.arrivalInUk;
  const update = (i: number, patch: Partial<SessionDraft>) => setSessions((old) => old.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const [timeProblems, setTimeProblems] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    sessions.forEach((s, i) => {
      if (!instantFromLocal(s.start)) problems[`${i}.start`] = 'Give the date and time the session started.';
      if (!instantFromLocal(s.end)) problems[`${i}.end`] = 'Give the date and time the session ended.';
      s.breaks.forEach((b, k) => {
        if (!instantFromLocal(b.start)) problems[`${i}.breaks.${k}.start`] = 'Give the time the break started.';
        if (!instantFromLocal(b.end)) problems[`${i}.breaks.${k}.end`] = 'Give the time the break ended.';
      });
    });
    setTimeProblems(problems);
    if (Object.keys(problems).length > 0) return;
    const next: Assessment = { ...assessment, sessions: sessions.map(fromDraft) };
    await save(next);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Interview sessions">
      <p className="hint">
        Record every session held. Allow rest after arrival, never interview in detention or while the young person is unwell, hold several sessions and give breaks (AA-11, AA-14).
      </p>
      {sessions.length === 0 ? <p>No session is recorded yet.</p> : null}
      {sessions.map((s, i) => {
        const t = timing(s, arrival);
        const at = (field: string) => timeProblems[`${i}.${field}`] ?? errorAt(error, `sessions.${i}.${field}`);
        return (
          <fieldset key={s.id} className="item-card">
            <legend>
              <h4>Session {i + 1}</h4>
            </legend>
            <FieldRow>
              <FieldCell>
                <TextField label={`Session ${i + 1} start`} type="datetime-local" value={s.start} onChange={(v) => update(i, { start: v })} error={at('start')} />
              </FieldCell>
              <FieldCell>
                <TextField label={`Session ${i + 1} end`} type="datetime-local" value={s.end} onChange={(v) => update(i, { end: v })} error={at('end')} />
              </FieldCell>
            </FieldRow>
            {t ? (
              <p className="hint" aria-live="polite">
                {t.text}
              </p>
            ) : null}
            {t?.warn ? <p className="finding-warn">{t.warn}</p> : null}
            <TextField label={`Place of session ${i + 1}`} value={s.place} onChange={(v) => update(i, { place: v })} error={at('place')} />
            <CheckField label={`Session ${i + 1} was held in detention (police or immigration)`} checked={s.inDetention} onChange={(v) => update(i, { inDetention: v })} />
            <CheckField label={`The young person was unwell, exhausted or distressed in session ${i + 1}`} checked={s.unwell} onChange={(v) => update(i, { unwell: v })} />
            <TextField label={`How the young person was in session ${i + 1}`} value={s.wellbeingNote} onChange={(v) => update(i, { wellbeingNote: v })} hint="Tired, hungry, unwell, upset: say it plainly." error={at('wellbeingNote')} />

            <fieldset className="subgroup">
              <legend>Who was present</legend>
              {assessment.participants.length === 0 ? <p className="hint">No participants yet: add them in Planning.</p> : null}
              {assessment.participants.map((p) => (
                <CheckField
                  key={p.id}
                  label={`${p.name} (${roleNames[p.role]})`}
                  checked={s.present.includes(p.id)}
                  onChange={(on) => update(i, { present: on ? [...s.present, p.id] : s.present.filter((id) => id !== p.id) })}
                />
              ))}
            </fieldset>

            <fieldset className="subgroup">
              <legend>Breaks</legend>
              {s.breaks.length === 0 ? <p className="hint">No break recorded.</p> : null}
              {s.breaks.map((b, k) => (
                <FieldRow key={b.key}>
                  <FieldCell>
                    <TextField
                      label={`Session ${i + 1}, break ${k + 1} start`}
                      type="datetime-local"
                      value={b.start}
                      onChange={(v) => update(i, { breaks: s.breaks.map((x, y) => (y === k ? { ...x, start: v } : x)) })}
                      error={at(`breaks.${k}.start`)}
                    />
                  </FieldCell>
                  <FieldCell>
                    <TextField
                      label={`Session ${i + 1}, break ${k + 1} end`}
                      type="datetime-local"
                      value={b.end}
                      onChange={(v) => update(i, { breaks: s.breaks.map((x, y) => (y === k ? { ...x, end: v } : x)) })}
                      error={at(`breaks.${k}.end`)}
                    />
                  </FieldCell>
                  <div className="actions">
                    <button type="button" className="secondary" onClick={() => update(i, { breaks: s.breaks.filter((_, y) => y !== k) })}>
                      Remove break {k + 1} from session {i + 1}
                    </button>
                  </div>
                </FieldRow>
              ))}
              <div className="actions">
                <button type="button" className="secondary" onClick={() => update(i, { breaks: [...s.breaks, { key: newId(), start: s.start, end: s.start }] })}>
                  Add a break to session {i + 1}
                </button>
              </div>
            </fieldset>

            <TextField
              label={`Session ${i + 1}: how mutual understanding with the interpreter was checked`}
              value={s.interpreterCheck}
              onChange={(v) => update(i, { interpreterCheck: v })}
              hint="E.g. language and dialect confirmed with the young person at the start (AA-07)."
              error={at('interpreterCheck')}
            />
            <TextArea label={`Summary of session ${i + 1}`} value={s.summary} onChange={(v) => update(i, { summary: v })} error={at('summary')}>
              <WordingNotes text={s.summary} />
            </TextArea>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setSessions((old) => old.filter((_, j) => j !== i))}>
                Remove session {i + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setSessions((old) => [...old, emptySession(old.at(-1))])}>
          Add a session
        </button>
      </div>
      {Object.keys(timeProblems).length > 0 ? (
        <div role="alert" className="error-box">
          Not saved: some times are missing (marked above).
        </div>
      ) : null}
      <SaveBar saving={saving} error={error} label="Save the sessions" disabled={!isPartOpen(assessment, 'sessions')} />
    </form>
  );
}
