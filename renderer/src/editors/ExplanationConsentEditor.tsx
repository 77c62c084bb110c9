import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { fromYesNo, opt, TextArea, TextField, YesNoField, yesNo } from '../forms/fields';
import { FieldGrid } from '../forms/layout';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { instantFromLocal, localFromInstant } from '../forms/values';
import type { Assessment } from '../../../shared/domain/model';
import { formatInstant } from '../../../shared/format/dates';
import type { EditorProps } from './types';

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

function toPart(assessment: Assessment, f: Form) {
  return {
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
      withdrawnOn: assessment.consent.withdrawnOn ?? instantFromLocal(f.withdrawnOn),
      note: opt(f.note),
    },
  };
}

/**
 * Explaining: the purpose told verbally and in writing, how the young person showed they understood,
 * and their answers on taking part and sharing. A withdrawal of consent is logged with its time; the
 * answers given before stay as they were, so the record shows both.
 */
export function ExplanationConsentEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'explanation', defaults: () => formFrom(assessment), toPart: (f: Form) => toPart(assessment, f), onSaved });
  return (
    <AssessmentFormView f={form} label="Explanation and consent">
      <fieldset>
        <legend>Explaining the assessment (AA-12)</legend>
        <p className="hint">Explain why the assessment is happening, what it involves, who will be there, and that it is separate from the asylum claim: out loud and in writing, in a language the young person understands.</p>
        <FieldGrid>
          <TextField label="Explained verbally on" type="datetime-local" name="verbalOn" errorPath="explanation.verbalOn" />
          <TextField label="Explained in writing on" type="datetime-local" name="writtenOn" errorPath="explanation.writtenOn" />
        </FieldGrid>
        <TextField label="Language of the explanation" name="language" errorPath="explanation.language" hint="e.g. Tigrinya, written leaflet read aloud by the interpreter." />
        <TextArea label="How the young person showed they understood" name="understandingNote" errorPath="explanation.understandingNote" hint="In their own words, what they said the assessment is for." wording />
      </fieldset>

      <fieldset>
        <legend>Consent (AA-13)</legend>
        <FieldGrid>
          <YesNoField label="Agreed to take part" name="toTakePart" errorPath="consent.toTakePart" />
          <YesNoField label="Agreed to information being shared" name="toShareInformation" errorPath="consent.toShareInformation" />
          <TextField label="Answers recorded on" type="datetime-local" name="recordedOn" errorPath="consent.recordedOn" />
        </FieldGrid>
        <Withdrawal withdrawnBefore={assessment.consent.withdrawnOn} />
        <TextArea label="Consent note" name="note" errorPath="consent.note" hint="Limits on sharing, what the young person was told about withdrawing." wording />
      </fieldset>
    </AssessmentFormView>
  );
}

function Withdrawal({ withdrawnBefore }: { withdrawnBefore?: string }) {
  const [withdrawing, setWithdrawing] = useState(false);
  const withdrawnOn = useWatch({ name: 'withdrawnOn' }) as string;
  const { setValue } = useFormContext<Form>();
  if (withdrawnBefore) {
    return (
      <p className="warn-box" role="note">
        Consent was withdrawn on {formatInstant(withdrawnBefore)}. No interview may take place after this; the answers above are the ones given before.
      </p>
    );
  }
  if (withdrawing || withdrawnOn) {
    return <TextField label="Consent withdrawn on" type="datetime-local" name="withdrawnOn" errorPath="consent.withdrawnOn" hint="Saved as a logged withdrawal: it is kept in the record and cannot be removed here." />;
  }
  return (
    <div className="actions">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setWithdrawing(true);
          setValue('withdrawnOn', localFromInstant(new Date().toISOString()), { shouldDirty: true });
        }}
      >
        Record that consent was withdrawn
      </button>
    </div>
  );
}
