import { useFieldArray } from 'react-hook-form';
import { CheckField, SelectField, TextArea, TextField } from '../forms/fields';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { instantFromLocal, localFromInstant, newId } from '../forms/values';
import type { Assessment } from '../../../shared/domain/model';
import { EvidenceChecklist, sessionOptions } from './laterFields';
import type { EditorProps } from './types';
import { AddItemButton, RemoveItemButton } from '../forms/items';

interface PointDraft {
  id: string;
  text: string;
  evidenceIds: string[];
  reliedOn: boolean;
  putOn: string;
  putInSessionId: string;
  answer: string;
  otherExplanations: string;
}

const draftOf = (p: Assessment['adversePoints'][number]): PointDraft => ({
  id: p.id,
  text: p.text,
  evidenceIds: p.evidenceIds,
  reliedOn: p.reliedOn,
  putOn: localFromInstant(p.putOn),
  putInSessionId: p.putInSessionId ?? '',
  answer: p.answer ?? '',
  otherExplanations: p.otherExplanations ?? '',
});

interface Form {
  analysis: string;
  points: PointDraft[];
}

function toPart(f: Form) {
  return {
    analysis: f.analysis.trim() ? f.analysis : undefined,
    adversePoints: f.points.map((p) => ({
      id: p.id,
      text: p.text,
      evidenceIds: p.evidenceIds,
      reliedOn: p.reliedOn,
      putOn: instantFromLocal(p.putOn),
      putInSessionId: p.putInSessionId || undefined,
      answer: p.answer.trim() ? p.answer : undefined,
      otherExplanations: p.otherExplanations.trim() ? p.otherExplanations : undefined,
    })),
  };
}

/** Analysis: how the evidence was weighed, and each adverse point, put fairly to the young person (AA-20, AA-21). */
export function AnalysisEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({
    assessment,
    part: 'analysis',
    defaults: (): Form => ({ analysis: assessment.analysis ?? '', points: assessment.adversePoints.map(draftOf) }),
    toPart,
    onSaved,
  });
  const points = useFieldArray({ control: form.form.control, name: 'points' });
  const sessions = sessionOptions(assessment.sessions, 'Not recorded');
  return (
    <AssessmentFormView f={form} label="Analysis and adverse points">
      <TextArea label="Analysis: how the evidence was weighed" name="analysis" hint="Weigh all the evidence together; there is no burden of proof on the young person." wording />

      <h4>Adverse points</h4>
      <p className="hint">
        Each point that counts against the stated age and is relied on must be put to the young person before the decision, with their answer recorded (AA-20), and other explanations considered (AA-21).
      </p>
      {points.fields.length === 0 ? <p>No adverse points are recorded.</p> : null}
      {points.fields.map((row, i) => {
        const at = (k: keyof PointDraft) => `points.${i}.${k}`;
        const model = (k: string) => `adversePoints.${i}.${k}`;
        return (
          <fieldset key={row.id} className="item-card" aria-label={`Adverse point ${i + 1}`}>
            <legend>Adverse point {i + 1}</legend>
            <TextArea label="What counts against the stated age" name={at('text')} errorPath={model('text')} wording />
            <EvidenceChecklist legend="Evidence it rests on" evidence={assessment.evidence} name={at('evidenceIds')} />
            <CheckField label="Relied on in the decision" name={at('reliedOn')} errorPath={model('reliedOn')} />
            <TextField label="Put to the young person on" type="datetime-local" name={at('putOn')} errorPath={model('putOn')} />
            <SelectField<string> label="In which session" name={at('putInSessionId')} errorPath={model('putInSessionId')} options={sessions} />
            <TextArea label="The young person's answer" name={at('answer')} errorPath={model('answer')} hint="In their words, as interpreted." />
            <TextArea
              label="Other explanations considered"
              name={at('otherExplanations')}
              errorPath={model('otherExplanations')}
              hint="Trauma and memory, interpreting, calendars, instructions from smugglers or traffickers: say what you considered and your view."
              wording
            />
            <RemoveItemButton onRemove={() => points.remove(i)}>Remove adverse point {i + 1}</RemoveItemButton>
          </fieldset>
        );
      })}
      <AddItemButton onAdd={() => points.append({ id: newId(), text: '', evidenceIds: [], reliedOn: true, putOn: '', putInSessionId: '', answer: '', otherExplanations: '' })}>Add an adverse point</AddItemButton>
    </AssessmentFormView>
  );
}
