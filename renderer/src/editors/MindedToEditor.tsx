import { useWatch } from 'react-hook-form';
import { SelectField, TextArea, TextField, fromYesNo, yesNo, type YesNo } from '../forms/fields';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { instantFromLocal, localFromInstant } from '../forms/values';
import type { Assessment, Session } from '../../../shared/domain/model';
import { sessionOptions } from './laterFields';
import type { EditorProps } from './types';

interface Form {
  held: 'yes' | 'no';
  heldOn: string;
  sessionId: string;
  appropriateAdultPresent: YesNo;
  provisionalView: string;
  responseSummary: string;
  notHeldReason: string;
}

function formFrom(m: Assessment['mindedTo']): Form {
  return {
    held: m && !m.heldOn && m.notHeldReason ? 'no' : 'yes',
    heldOn: localFromInstant(m?.heldOn),
    sessionId: m?.sessionId ?? '',
    appropriateAdultPresent: yesNo(m?.appropriateAdultPresent),
    provisionalView: m?.provisionalView ?? '',
    responseSummary: m?.responseSummary ?? '',
    notHeldReason: m?.notHeldReason ?? '',
  };
}

function toPart(f: Form) {
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
  return { mindedTo };
}

/** Minded-to: the provisional view put to the young person, with the appropriate adult, before deciding (AA-22). */
export function MindedToEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'mindedTo', defaults: () => formFrom(assessment.mindedTo), toPart, onSaved });
  return (
    <AssessmentFormView f={form} label="Minded-to meeting">
      <SelectField
        label="Was a minded-to meeting held?"
        name="held"
        options={[
          ['yes', 'Yes: the provisional view was put to the young person'],
          ['no', 'No: record why not'],
        ]}
        hint="Before the final decision, tell the young person what you are minded to decide and why, and give them a chance to answer, with their appropriate adult present (AA-22)."
      />
      <HeldOrNot sessions={assessment.sessions} />
    </AssessmentFormView>
  );
}

function HeldOrNot({ sessions }: { sessions: Session[] }) {
  const held = useWatch({ name: 'held' }) as Form['held'];
  if (held !== 'yes') return <TextArea label="Why no minded-to meeting was held" name="notHeldReason" errorPath="mindedTo.notHeldReason" wording />;
  return (
    <>
      <TextField label="Held on" type="datetime-local" name="heldOn" errorPath="mindedTo.heldOn" />
      <SelectField<string> label="Session" name="sessionId" errorPath="mindedTo.sessionId" options={sessionOptions(sessions, 'Not recorded')} />
      <SelectField<YesNo>
        label="Was the appropriate adult present?"
        name="appropriateAdultPresent"
        errorPath="mindedTo.appropriateAdultPresent"
        options={[
          ['', 'Not recorded'],
          ['yes', 'Yes'],
          ['no', 'No'],
        ]}
      />
      <TextArea label="Provisional view put to the young person" name="provisionalView" errorPath="mindedTo.provisionalView" wording />
      <TextArea
        label="The young person's response"
        name="responseSummary"
        errorPath="mindedTo.responseSummary"
        hint="What they and their appropriate adult or representative said, and anything they asked you to look at."
      />
    </>
  );
}
