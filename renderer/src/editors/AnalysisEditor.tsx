import { type FormEvent, type ReactNode } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { CheckField, SelectField } from '../forms/fields';
import { errorAt } from '../forms/errors';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import type { Assessment, EvidenceItem, Session } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { instantFromLocal, localFromInstant, newId, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

/* Small controls shared by the analysis, minded-to, decision and sharing editors. */

export const Check = CheckField;

export function Select(props: { label: string; value: string; onChange(v: string): void; options: Array<[string, string]>; hint?: ReactNode; error?: string }) {
  return <SelectField<string> {...props} />;
}

const kindNames: Record<EvidenceItem['kind'], string> = {
  'identity-document': 'identity document',
  'other-document': 'document',
  'third-party': 'third party',
  'young-persons-account': "young person's account",
  appearance: 'appearance',
  demeanour: 'demeanour',
  scientific: 'scientific',
  'prior-assessment': 'earlier assessment',
  'home-office-information': 'Home Office information',
  other: 'other',
};

/** Checkboxes over the assessment's evidence items, by title (and kind, so reliance on appearance is visible). */
export function EvidenceChecklist({ legend, evidence, selected, onChange }: { legend: string; evidence: EvidenceItem[]; selected: string[]; onChange(ids: string[]): void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {evidence.length === 0 ? <p className="hint">No evidence items are recorded yet: add them in the evidence part first.</p> : null}
      {evidence.map((e) => (
        <label key={e.id} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(e.id)}
            onChange={(ev) => onChange(ev.target.checked ? [...selected, e.id] : selected.filter((id) => id !== e.id))}
          />
          {e.title} <span className="hint">({kindNames[e.kind]})</span>
        </label>
      ))}
      {selected
        .filter((id) => !evidence.some((e) => e.id === id))
        .map((id) => (
          <label key={id} className="checkbox finding-warn">
            <input type="checkbox" checked onChange={() => onChange(selected.filter((s) => s !== id))} />
            An evidence item no longer in the record ({id}): untick to drop it
          </label>
        ))}
    </fieldset>
  );
}

/** Sessions as options, by date and time, in the order held. */
export function sessionOptions(sessions: Session[], none: string): Array<[string, string]> {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return [
    ['', none],
    ...sorted.map((s, i): [string, string] => [
      s.id,
      `Session ${i + 1}: ${new Date(s.start).toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })}${s.place ? `, ${s.place}` : ''}`,
    ]),
  ];
}

/** The main side names fields from `assessment.`; an editor shows the message beside the field it names. */
export function fieldErrorOf(error: { field?: string; message: string } | undefined) {
  return (path: string) => errorAt(error, path);
}

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

/** Analysis: how the evidence was weighed, and each adverse point, put fairly to the young person (AA-20, AA-21). */
export function AnalysisEditor({ assessment, onSaved }: EditorProps) {
  const [analysis, setAnalysis] = useDraftState('analysis', () => assessment.analysis ?? '');
  const [points, setPoints] = useDraftState<PointDraft[]>('points', () => assessment.adversePoints.map(draftOf));
  const { save, error, saving } = useAssessmentSave('analysis', onSaved);
  const fieldError = fieldErrorOf(error);
  const sessions = sessionOptions(assessment.sessions, 'Not recorded');

  const update = (i: number, patch: Partial<PointDraft>) => setPoints((old) => old.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save({
      ...assessment,
      analysis: analysis.trim() ? analysis : undefined,
      adversePoints: points.map((p) => ({
        id: p.id,
        text: p.text,
        evidenceIds: p.evidenceIds,
        reliedOn: p.reliedOn,
        putOn: instantFromLocal(p.putOn),
        putInSessionId: p.putInSessionId || undefined,
        answer: p.answer.trim() ? p.answer : undefined,
        otherExplanations: p.otherExplanations.trim() ? p.otherExplanations : undefined,
      })),
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Analysis and adverse points">
      <TextArea label="Analysis: how the evidence was weighed" value={analysis} onChange={setAnalysis} hint="Weigh all the evidence together; there is no burden of proof on the young person." error={fieldError('analysis')}>
        <WordingNotes text={analysis} />
      </TextArea>

      <h4>Adverse points</h4>
      <p className="hint">
        Each point that counts against the stated age and is relied on must be put to the young person before the decision, with their answer recorded (AA-20), and other explanations considered (AA-21).
      </p>
      {points.length === 0 ? <p>No adverse points are recorded.</p> : null}
      {points.map((p, i) => (
        <fieldset key={p.id} className="item-card" aria-label={`Adverse point ${i + 1}`}>
          <legend>Adverse point {i + 1}</legend>
          <TextArea label="What counts against the stated age" value={p.text} onChange={(v) => update(i, { text: v })} error={fieldError(`adversePoints.${i}.text`)}>
            <WordingNotes text={p.text} />
          </TextArea>
          <EvidenceChecklist legend="Evidence it rests on" evidence={assessment.evidence} selected={p.evidenceIds} onChange={(ids) => update(i, { evidenceIds: ids })} />
          <Check label="Relied on in the decision" checked={p.reliedOn} onChange={(v) => update(i, { reliedOn: v })} />
          <TextField label="Put to the young person on" type="datetime-local" value={p.putOn} onChange={(v) => update(i, { putOn: v })} error={fieldError(`adversePoints.${i}.putOn`)} />
          <Select label="In which session" value={p.putInSessionId} onChange={(v) => update(i, { putInSessionId: v })} options={sessions} />
          <TextArea label="The young person's answer" value={p.answer} onChange={(v) => update(i, { answer: v })} hint="In their words, as interpreted." />
          <TextArea
            label="Other explanations considered"
            value={p.otherExplanations}
            onChange={(v) => update(i, { otherExplanations: v })}
            hint="Trauma and memory, interpreting, calendars, instructions from smugglers or traffickers: say what you considered and your view."
          >
            <WordingNotes text={p.otherExplanations} />
          </TextArea>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setPoints((old) => old.filter((_, j) => j !== i))}>
              Remove adverse point {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setPoints((old) => [...old, { id: newId(), text: '', evidenceIds: [], reliedOn: true, putOn: '', putInSessionId: '', answer: '', otherExplanations: '' }])}>
          Add an adverse point
        </button>
      </div>
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'analysis')} />
    </form>
  );
}
