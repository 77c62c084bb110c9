import { type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import type { Assessment } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { instantFromLocal, localFromInstant, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { fieldErrorOf, Select, sessionOptions } from './AnalysisEditor';
import { isPartOpen } from '../../../shared/domain/workflow';

const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
const fromYesNo = (v: string) => (v === '' ? undefined : v === 'yes');

/** Minded-to: the provisional view put to the young person, with the appropriate adult, before deciding (AA-22). */
export function MindedToEditor({ assessment, onSaved }: EditorProps) {
  const m = assessment.mindedTo;
  const [f, setF] = useDraftState('form', () => ({
    held: m && !m.heldOn && m.notHeldReason ? 'no' : 'yes',
    heldOn: localFromInstant(m?.heldOn),
    sessionId: m?.sessionId ?? '',
    appropriateAdultPresent: yesNo(m?.appropriateAdultPresent),
    provisionalView: m?.provisionalView ?? '',
    responseSummary: m?.responseSummary ?? '',
    notHeldReason: m?.notHeldReason ?? '',
  }));
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const { save, error, saving } = useAssessmentSave('mindedTo', onSaved);
  const fieldError = fieldErrorOf(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const opt = (s: string) => (s.trim() ? s : undefined);
    let mindedTo: Assessment['mindedTo'];
    if (f.held === 'yes') {
      mindedTo = {
        heldOn: instantFromLocal(f.heldOn),
        sessionId: f.sessionId || undefined,
        appropriateAdultPresent: fromYesNo(f.appropriateAdultPresent),
        provisionalView: opt(f.provisionalView),
        responseSummary: opt(f.responseSummary),
      };
    } else {
      mindedTo = { notHeldReason: opt(f.notHeldReason) };
    }
    // Nothing filled in is no minded-to record at all, not an empty one.
    if (Object.values(mindedTo).every((v) => v === undefined)) mindedTo = undefined;
    await save({ ...assessment, mindedTo });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Minded-to meeting">
      <Select
        label="Was a minded-to meeting held?"
        value={f.held}
        onChange={set('held')}
        options={[
          ['yes', 'Yes: the provisional view was put to the young person'],
          ['no', 'No: record why not'],
        ]}
        hint="Before the final decision, tell the young person what you are minded to decide and why, and give them a chance to answer, with their appropriate adult present (AA-22)."
      />
      {f.held === 'yes' ? (
        <>
          <TextField label="Held on" type="datetime-local" value={f.heldOn} onChange={set('heldOn')} error={fieldError('mindedTo.heldOn')} />
          <Select label="Session" value={f.sessionId} onChange={set('sessionId')} options={sessionOptions(assessment.sessions, 'Not recorded')} />
          <Select
            label="Was the appropriate adult present?"
            value={f.appropriateAdultPresent}
            onChange={set('appropriateAdultPresent')}
            options={[
              ['', 'Not recorded'],
              ['yes', 'Yes'],
              ['no', 'No'],
            ]}
          />
          <TextArea label="Provisional view put to the young person" value={f.provisionalView} onChange={set('provisionalView')}>
            <WordingNotes text={f.provisionalView} />
          </TextArea>
          <TextArea label="The young person's response" value={f.responseSummary} onChange={set('responseSummary')} hint="What they and their appropriate adult or representative said, and anything they asked you to look at." />
        </>
      ) : (
        <TextArea label="Why no minded-to meeting was held" value={f.notHeldReason} onChange={set('notHeldReason')} error={fieldError('mindedTo.notHeldReason')}>
          <WordingNotes text={f.notHeldReason} />
        </TextArea>
      )}
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'mindedTo')} />
    </form>
  );
}
