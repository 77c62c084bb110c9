import { useState, type FormEvent } from 'react';
import { Field, TextArea } from '../components/Field';
import { WordingNotes } from '../components/WordingNotes';
import type { Assessment } from '../../../shared/domain/model';
import { SaveBar } from './SaveBar';
import { instantFromLocal, localFromInstant, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

/** Initial presentation: who the young person is, as they present themselves, and why their age is doubted. */
export function YoungPersonEditor({ assessment, onSaved }: EditorProps) {
  const yp = assessment.youngPerson;
  const [f, setF] = useState({
    nameLatin: yp.nameLatin,
    nameOwnScript: yp.nameOwnScript ?? '',
    gender: yp.gender ?? '',
    nationality: yp.nationality ?? '',
    arrival: localFromInstant(yp.arrivalInUk),
    firstContact: localFromInstant(yp.firstContact),
    reason: assessment.reasonForDoubt?.text ?? '',
    requestedBy: assessment.reasonForDoubt?.requestedBy ?? '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const { save, error, saving } = useAssessmentSave('youngPerson', onSaved);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Assessment = {
      ...assessment,
      youngPerson: {
        ...yp,
        nameLatin: f.nameLatin,
        nameOwnScript: f.nameOwnScript || undefined,
        gender: f.gender || undefined,
        nationality: f.nationality || undefined,
        arrivalInUk: instantFromLocal(f.arrival),
        firstContact: instantFromLocal(f.firstContact),
      },
      reasonForDoubt: f.reason.trim()
        ? { ...(assessment.reasonForDoubt ?? { evidenceIds: [], obviousCaseWithoutInterview: false }), text: f.reason, requestedBy: f.requestedBy || undefined }
        : undefined,
    };
    await save(next);
  }

  const fieldError = (path: string) => (error?.field?.startsWith(path) ? error.message : undefined);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Young person and reason for doubt">
      <Field label="Name, as the young person says it (Latin alphabet)" value={f.nameLatin} onChange={set('nameLatin')} error={fieldError('youngPerson.nameLatin')} />
      <Field label="Name in their own script" value={f.nameOwnScript} onChange={set('nameOwnScript')} dir="auto" />
      <Field label="Gender" value={f.gender} onChange={set('gender')} />
      <Field label="Nationality" value={f.nationality} onChange={set('nationality')} />
      <Field label="Arrival in the UK" type="datetime-local" value={f.arrival} onChange={set('arrival')} />
      <Field label="First contact with children's services" type="datetime-local" value={f.firstContact} onChange={set('firstContact')} />
      <TextArea label="Why is the stated age doubted?" value={f.reason} onChange={set('reason')} hint="Evidence beyond appearance (AA-01)." error={fieldError('reasonForDoubt')}>
        <WordingNotes text={f.reason} />
      </TextArea>
      <Field label="Requested by" value={f.requestedBy} onChange={set('requestedBy')} />
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'youngPerson')} />
    </form>
  );
}
