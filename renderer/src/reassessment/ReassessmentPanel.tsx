/**
 * After the decision, on the case screen: the links between an assessment and its reassessment,
 * an overturned outcome, and the two forms that record them (AA-37, AA-43). Self-contained: the
 * case screen places it with one line, and the main side decides (shared/domain/workflow.ts); the
 * forms are shown only to the roles that channel allows.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField, TextArea } from '../forms/fields';
import { SelectField } from '../forms/fields';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ApiError } from '../../../shared/contract';
import type { Assessment, NewInformationKind, OverturnedByKind } from '../../../shared/domain/model';
import { isDecided, roleMay, type Role } from '../../../shared/domain/workflow';
import { overturnedSentence } from '../../../shared/domain/reassessment';
import { labelOptions, newInformationLabels, outcomeLabels, overturnedByLabels, sentenceCase } from '../../../shared/format/labels';
import { useSession } from '../state/session';

const today = () => new Date().toISOString().slice(0, 10);
const kindOptions = (Object.entries(newInformationLabels) as Array<[NewInformationKind, string]>).map(([v, l]) => [v, sentenceCase(l)] as const);
const byOptions = (Object.entries(overturnedByLabels) as Array<[OverturnedByKind, string]>).map(([v, l]) => [v, sentenceCase(l)] as const);
const fieldError = (error: ApiError | undefined, field: string) => (error?.field === field ? error.message : undefined);

function ReopenForm({ assessment, onDone }: { assessment: Assessment; onDone(reassessmentId: string): void }) {
  const [kind, setKind] = useState<NewInformationKind>('document');
  const [description, setDescription] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [error, setError] = useState<ApiError>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await api['assessments.reopen']({ id: assessment.id, kind, description, receivedOn });
    if (res.ok) onDone(res.value.reassessment.id);
    else setError(res.error);
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="reopen-title">
      <h3 id="reopen-title">Reopen on new information</h3>
      <p className="hint">
        Significant new information after the decision (AA-37) starts a linked reassessment: it begins from this assessment&apos;s evidence, to be weighed afresh, and
        this one is closed to further work.
      </p>
      <SelectField<NewInformationKind> label="What arrived" value={kind} options={kindOptions} onChange={setKind} error={fieldError(error, 'kind')} />
      <TextArea label="What it is and why it matters" value={description} onChange={setDescription} error={fieldError(error, 'description')} />
      <TextField label="Received on" type="date" value={receivedOn} onChange={setReceivedOn} error={fieldError(error, 'receivedOn')} />
      <ErrorAlert error={error} shownAtFields={['kind', 'description', 'receivedOn']} />
      <div className="actions">
        <button type="submit">Reopen for reassessment</button>
      </div>
    </form>
  );
}

function OverturnedForm({ assessment, onDone }: { assessment: Assessment; onDone(): void }) {
  const [by, setBy] = useState<OverturnedByKind>('tribunal');
  const [body, setBody] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [on, setOn] = useState(today());
  const [outcome, setOutcome] = useState<'child' | 'adult'>(assessment.decision?.outcome === 'adult' ? 'child' : 'adult');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await api['assessments.recordOverturned']({
      id: assessment.id,
      by,
      body,
      on,
      newOutcome: { outcome, ...(dateOfBirth ? { dateOfBirth } : {}) },
      ...(caseReference.trim() ? { caseReference } : {}),
      reason,
    });
    if (res.ok) onDone();
    else setError(res.error);
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="overturned-title">
      <h3 id="overturned-title">Record an overturned decision</h3>
      <p className="hint">When a court, tribunal or review changes the outcome, record it here: the quality figures count it, so the service can learn from it (AA-43).</p>
      <SelectField<OverturnedByKind> label="Changed by" value={by} options={byOptions} onChange={setBy} error={fieldError(error, 'by')} />
      <TextField label="Which court, tribunal or body" value={body} onChange={setBody} error={fieldError(error, 'body')} />
      <TextField label="Case reference (if any)" value={caseReference} onChange={setCaseReference} error={fieldError(error, 'caseReference')} />
      <TextField label="Date of the judgment or review" type="date" value={on} onChange={setOn} error={fieldError(error, 'on')} />
      <SelectField<'child' | 'adult'>
        label="New outcome"
        value={outcome}
        options={labelOptions(outcomeLabels)}
        onChange={setOutcome}
        error={fieldError(error, 'newOutcome')}
      />
      <TextField label="Date of birth it declared (if any)" type="date" value={dateOfBirth} onChange={setDateOfBirth} error={fieldError(error, 'newOutcome.dateOfBirth')} />
      <TextArea label="The reason, as the judgment or review gives it" value={reason} onChange={setReason} error={fieldError(error, 'reason')} />
      <ErrorAlert error={error} shownAtFields={['by', 'body', 'caseReference', 'on', 'newOutcome', 'newOutcome.dateOfBirth', 'reason']} />
      <div className="actions">
        <button type="submit">Record as overturned</button>
      </div>
    </form>
  );
}

export function ReassessmentPanel({ assessment, onChanged }: { assessment: Assessment; onChanged(): void }) {
  const role = useSession((s) => s.status?.user?.role) as Role | undefined;
  const go = useSession((s) => s.go);
  const decided = isDecided(assessment);
  const may = (action: 'reopen' | 'recordOverturned') => role !== undefined && roleMay[action].includes(role);
  const { reassessmentOf, reassessedBy, overturned } = assessment;
  const canReopen = decided && !reassessedBy && may('reopen');
  const canOverturn = decided && !overturned && may('recordOverturned');
  if (!reassessmentOf && !reassessedBy && !overturned && !canReopen && !canOverturn) return null;

  return (
    <section className="panel" aria-labelledby="after-decision-title">
      <h2 id="after-decision-title">After the decision</h2>
      {reassessmentOf ? (
        <p>
          This is a reassessment.{' '}
          <button type="button" className="link" onClick={() => go({ name: 'assessment', id: reassessmentOf })}>
            Open the earlier assessment
          </button>
        </p>
      ) : null}
      {reassessedBy ? (
        <div className="warn-box" role="note">
          <p>
            Reopened on {reassessedBy.information.receivedOn} ({newInformationLabels[reassessedBy.information.kind]}) by {reassessedBy.reopenedBy}: {reassessedBy.information.description}
          </p>
          <p>
            The work goes on in{' '}
            <button type="button" className="link" onClick={() => go({ name: 'assessment', id: reassessedBy.id })}>
              reassessment {reassessedBy.reference}
            </button>
            .
          </p>
        </div>
      ) : null}
      {overturned ? (
        <div className="warn-box" role="note">
          <p>{overturnedSentence(overturned)}</p>
          {overturned.caseReference ? <p>Case reference: {overturned.caseReference}</p> : null}
          <p>Reason: {overturned.reason}</p>
          <p className="hint">Recorded by {overturned.recordedBy}.</p>
        </div>
      ) : null}
      {canReopen ? <ReopenForm assessment={assessment} onDone={(next) => go({ name: 'assessment', id: next })} /> : null}
      {canOverturn ? <OverturnedForm assessment={assessment} onDone={onChanged} /> : null}
    </section>
  );
}
