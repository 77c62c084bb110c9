import { useState, type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import type { Assessment } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { instantFromLocal, localFromInstant, useAssessmentSave } from './useAssessmentSave';
import { FieldRow, YesNoField, errorAt, fromYesNo, opt, yesNo, type YesNo } from './earlyFields';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

function formFrom(a: Assessment) {
  const e = a.explanation;
  const c = a.consent;
  return {
    verbalOn: localFromInstant(e.verbalOn),
    writtenOn: localFromInstant(e.writtenOn),
    language: e.language ?? '',
    understandingNote: e.understandingNote ?? '',
    toTakePart: yesNo(c.toTakePart),
    toShareInformation: yesNo(c.toShareInformation),
    recordedOn: localFromInstant(c.recordedOn),
    withdrawnOn: localFromInstant(c.withdrawnOn),
    note: c.note ?? '',
  };
}
type Form = ReturnType<typeof formFrom>;

/**
 * Explaining: the purpose told verbally and in writing, how the young person showed they understood,
 * and their answers on taking part and sharing. A withdrawal of consent is logged with its time; the
 * answers given before stay as they were, so the record shows both.
 */
export function ExplanationConsentEditor({ assessment, onSaved }: EditorProps) {
  const [f, setF] = useDraftState<Form>('form', () => formFrom(assessment));
  const [withdrawing, setWithdrawing] = useState(false);
  const set =
    <K extends keyof Form>(k: K) =>
    (v: Form[K]) =>
      setF((old) => ({ ...old, [k]: v }));
  const { save, error, saving } = useAssessmentSave('explanation', onSaved);
  const err = (path: string) => errorAt(error, path);
  const withdrawnBefore = assessment.consent.withdrawnOn;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Assessment = {
      ...assessment,
      explanation: {
        verbalOn: instantFromLocal(f.verbalOn),
        writtenOn: instantFromLocal(f.writtenOn),
        language: opt(f.language),
        understandingNote: opt(f.understandingNote),
      },
      consent: {
        toTakePart: fromYesNo(f.toTakePart),
        toShareInformation: fromYesNo(f.toShareInformation),
        recordedOn: instantFromLocal(f.recordedOn),
        // Once saved, a withdrawal cannot be taken out here: it stays in the record (an addendum corrects a mistake).
        withdrawnOn: withdrawnBefore ?? instantFromLocal(f.withdrawnOn),
        note: opt(f.note),
      },
    };
    if (await save(next)) setWithdrawing(false);
  }

  const nowLocal = () => localFromInstant(new Date().toISOString());
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Explanation and consent">
      <fieldset>
        <legend>Explaining the assessment (AA-12)</legend>
        <p className="hint">Explain why the assessment is happening, what it involves, who will be there, and that it is separate from the asylum claim: out loud and in writing, in a language the young person understands.</p>
        <FieldRow>
          <TextField label="Explained verbally on" type="datetime-local" value={f.verbalOn} onChange={set('verbalOn')} error={err('explanation.verbalOn')} />
          <TextField label="Explained in writing on" type="datetime-local" value={f.writtenOn} onChange={set('writtenOn')} error={err('explanation.writtenOn')} />
        </FieldRow>
        <TextField label="Language of the explanation" value={f.language} onChange={set('language')} hint="e.g. Tigrinya, written leaflet read aloud by the interpreter." />
        <TextArea label="How the young person showed they understood" value={f.understandingNote} onChange={set('understandingNote')} hint="In their own words, what they said the assessment is for." error={err('explanation.understandingNote')}>
          <WordingNotes text={f.understandingNote} />
        </TextArea>
      </fieldset>

      <fieldset>
        <legend>Consent (AA-13)</legend>
        <FieldRow>
          <YesNoField label="Agreed to take part" value={f.toTakePart} onChange={(v: YesNo) => set('toTakePart')(v)} error={err('consent.toTakePart')} />
          <YesNoField label="Agreed to information being shared" value={f.toShareInformation} onChange={(v: YesNo) => set('toShareInformation')(v)} error={err('consent.toShareInformation')} />
          <TextField label="Answers recorded on" type="datetime-local" value={f.recordedOn} onChange={set('recordedOn')} error={err('consent.recordedOn')} />
        </FieldRow>
        {withdrawnBefore ? (
          <p className="warn-box" role="note">
            Consent was withdrawn on {new Date(withdrawnBefore).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}. No interview may take place after this; the answers above are the ones given before.
          </p>
        ) : withdrawing || f.withdrawnOn ? (
          <TextField label="Consent withdrawn on" type="datetime-local" value={f.withdrawnOn} onChange={set('withdrawnOn')} error={err('consent.withdrawnOn')} hint="Saved as a logged withdrawal: it is kept in the record and cannot be removed here." />
        ) : (
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setWithdrawing(true);
                set('withdrawnOn')(nowLocal());
              }}
            >
              Record that consent was withdrawn
            </button>
          </div>
        )}
        <TextArea label="Consent note" value={f.note} onChange={set('note')} hint="Limits on sharing, what the young person was told about withdrawing." error={err('consent.note')}>
          <WordingNotes text={f.note} />
        </TextArea>
      </fieldset>
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'explanation')} />
    </form>
  );
}
