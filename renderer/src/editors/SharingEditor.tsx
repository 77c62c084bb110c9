import { type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { TextField } from '../forms/fields';
import type { Assessment } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { newId, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { Check, fieldErrorOf, Select } from './AnalysisEditor';
import { isPartOpen } from '../../../shared/domain/workflow';

type Sharing = Assessment['sharing'];
type Copy = Sharing['copies'][number];
type Part = NonNullable<Sharing['homeOffice']>['parts'][number];

const recipients: Array<[Copy['recipient'], string]> = [
  ['young-person', 'The young person'],
  ['legal-representative', 'Their legal representative'],
  ['carer', 'Their carer'],
  ['home-office', 'The Home Office'],
  ['other', 'Someone else'],
];

const parts: Array<[Part, string]> = [
  ['conclusion', 'The conclusion'],
  ['reasons', 'The reasons'],
  ['process', 'Evidence of a fair process'],
  ['full-report', 'The full report'],
];

interface CopyDraft {
  key: string;
  recipient: Copy['recipient'];
  name: string;
  givenOn: string;
  method: string;
  language: string;
}

const copyDraft = (c?: Copy): CopyDraft => ({
  key: newId(), // copies have no id in the model; the key only keeps React's rows stable
  recipient: c?.recipient ?? 'young-person',
  name: c?.name ?? '',
  givenOn: c?.givenOn ?? '',
  method: c?.method ?? '',
  language: c?.language ?? '',
});

/** Sharing the decision: how to challenge it, legal advice, copies given, and what the Home Office receives (AA-27, AA-28, AA-36). */
export function SharingEditor({ assessment, onSaved }: EditorProps) {
  const s = assessment.sharing;
  const [challenge, setChallenge] = useDraftState('challenge', () => s.challengeRouteGiven);
  const [legalAdvice, setLegalAdvice] = useDraftState('legalAdvice', () => s.legalAdviceRightGiven);
  const [copies, setCopies] = useDraftState<CopyDraft[]>('copies', () => s.copies.map(copyDraft));
  const [ho, setHo] = useDraftState('homeOffice', () => ({
    shared: s.homeOffice !== undefined,
    sharedOn: s.homeOffice?.sharedOn ?? '',
    lawfulBasis: s.homeOffice?.lawfulBasis ?? '',
    parts: s.homeOffice?.parts ?? (['conclusion', 'reasons', 'process'] as Part[]),
  }));
  const { save, error, saving } = useAssessmentSave('sharing', onSaved);
  const fieldError = fieldErrorOf(error);
  const updateCopy = (i: number, patch: Partial<CopyDraft>) => setCopies((old) => old.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const sharing: Sharing = {
      challengeRouteGiven: challenge,
      legalAdviceRightGiven: legalAdvice,
      copies: copies.map((c) => ({
        recipient: c.recipient,
        name: c.name.trim() ? c.name : undefined,
        givenOn: c.givenOn,
        method: c.method,
        language: c.language.trim() ? c.language : undefined,
      })),
      homeOffice: ho.shared ? { sharedOn: ho.sharedOn, lawfulBasis: ho.lawfulBasis, parts: ho.parts } : undefined,
    };
    await save({ ...assessment, sharing });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Sharing the decision">
      <fieldset>
        <legend>Told to the young person, in their language (AA-27)</legend>
        <Check label="How to challenge the decision was explained" checked={challenge} onChange={setChallenge} />
        <Check label="Their right to independent legal advice was explained" checked={legalAdvice} onChange={setLegalAdvice} />
      </fieldset>

      <h4>Copies of the decision given</h4>
      <p className="hint">Give a copy to the young person, in a language they understand, and to their representative (AA-28).</p>
      {copies.length === 0 ? <p>No copies are recorded as given.</p> : null}
      {copies.map((c, i) => (
        <fieldset key={c.key} className="item-card" aria-label={`Copy ${i + 1}`}>
          <legend>Copy {i + 1}</legend>
          <Select label="Given to" value={c.recipient} onChange={(v) => updateCopy(i, { recipient: v as Copy['recipient'] })} options={recipients} />
          <div className="inline-fields">
            <TextField label="Name" value={c.name} onChange={(v) => updateCopy(i, { name: v })} />
            <TextField label="Given on" type="date" value={c.givenOn} onChange={(v) => updateCopy(i, { givenOn: v })} error={fieldError(`sharing.copies.${i}.givenOn`)} />
            <TextField label="Language" value={c.language} onChange={(v) => updateCopy(i, { language: v })} />
          </div>
          <TextField label="How it was given" value={c.method} onChange={(v) => updateCopy(i, { method: v })} hint="In person and read aloud, post, secure email …" error={fieldError(`sharing.copies.${i}.method`)} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setCopies((old) => old.filter((_, j) => j !== i))}>
              Remove copy {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setCopies((old) => [...old, copyDraft()])}>
          Add a copy given
        </button>
      </div>

      <fieldset>
        <legend>Sharing with the Home Office (AA-36)</legend>
        <Check label="The decision was shared with the Home Office" checked={ho.shared} onChange={(v) => setHo((old) => ({ ...old, shared: v }))} />
        {ho.shared ? (
          <>
            <div className="inline-fields">
              <TextField label="Shared on" type="date" value={ho.sharedOn} onChange={(v) => setHo((old) => ({ ...old, sharedOn: v }))} error={fieldError('sharing.homeOffice.sharedOn')} />
            </div>
            <TextField
              label="Lawful basis"
              value={ho.lawfulBasis}
              onChange={(v) => setHo((old) => ({ ...old, lawfulBasis: v }))}
              hint="Consent, or the statutory basis and the information-sharing agreement used."
              error={fieldError('sharing.homeOffice.lawfulBasis')}
            />
            <fieldset>
              <legend>What was shared</legend>
              {parts.map(([p, label]) => (
                <label key={p} className="checkbox">
                  <input
                    type="checkbox"
                    checked={ho.parts.includes(p)}
                    onChange={(e) => setHo((old) => ({ ...old, parts: e.target.checked ? [...old.parts, p] : old.parts.filter((x) => x !== p) }))}
                  />
                  {label}
                </label>
              ))}
              {ho.parts.includes('full-report') && assessment.consent.toShareInformation !== true ? (
                <p className="finding-warn">The young person has not consented to sharing: the full report may not go to the Home Office without it. Share the conclusion, reasons and process only.</p>
              ) : null}
            </fieldset>
          </>
        ) : null}
      </fieldset>
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'sharing')} />
    </form>
  );
}
