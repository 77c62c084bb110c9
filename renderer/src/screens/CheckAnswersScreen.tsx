/**
 * Check your answers (GOV.UK pattern) before the first signature: each part summarised with a
 * "Change" link to its page, each warning open at signing answered with a note that goes into the
 * record (assessments.acknowledgeWarning), then the declaration and the signature (HandoverPanel: preview, declaration, passphrase).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { openWarnings } from '../../../shared/domain/workflow';
import { findingsByRule, type FindingsOfRule } from '../../../shared/safeguards/byRule';
import { formatInstant } from '../../../shared/format/dates';
import { editorSections } from '../editors/index';
import { TextArea } from '../forms/fields';
import { problemTexts } from '../forms/errors';
import { paths } from '../routing/paths';
import { CaseHeader } from './CaseHeader';
import { HandoverPanel } from '../handover/HandoverPanel';
import { partSummaries } from './partSummaries';
import { caseTasks } from './caseTasks';
import { taskStatusLabels } from '../editors/taskStatus';
import type { Check, useCase } from './useCase';

export function CheckAnswersScreen({ c, assessment, check }: { c: ReturnType<typeof useCase>; assessment: Assessment; check: Check }) {
  const id = assessment.id;
  // One warning per rule: a rule hit in several places (AA-11 in two sessions) is answered by one note.
  const warnings = useMemo(() => findingsByRule(openWarnings(assessment, new Date())), [assessment]);
  const tasks = caseTasks(assessment, check, c.drafts);
  const blocks = check.findings.filter((f) => f.severity === 'block');
  const answered = new Map((assessment.acknowledgedWarnings ?? []).map((w) => [w.ruleId, w]));
  const unanswered = warnings.filter((w) => !answered.has(w.ruleId)).length;

  return (
    <article aria-labelledby="a-title">
      <Link className="back-link" to={paths.assessment(id)}>
        Back to the task list
      </Link>
      <CaseHeader assessment={assessment} check={check} title="Check your answers before signing" />

      {editorSections.map((s, i) => (
        <section key={s.id} className="panel" aria-labelledby={`cya-${s.id}`}>
          <div className="title-row">
            <h2 id={`cya-${s.id}`}>{s.title}</h2>
            <span className={`task-status task-${tasks[i]!.status}`}>{taskStatusLabels[tasks[i]!.status]}</span>
          </div>
          <dl className="summary-list">
            {partSummaries[s.part](assessment).map(([k, v]) => (
              <div key={k} className="summary-row">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {assessment.signatures.length === 0 ? (
            <Link to={paths.part(id, s.id)}>
              Change<span className="visually-hidden"> {s.title.toLowerCase()}</span>
            </Link>
          ) : null}
        </section>
      ))}

      <section className="panel" aria-labelledby="warnings-title">
        <h2 id="warnings-title">Warnings open at signing</h2>
        {warnings.length === 0 ? (
          <p>No warnings are open: nothing to answer.</p>
        ) : (
          <>
            <p>
              Answer each warning with a note: the note is printed in the record beside the warning. {unanswered > 0 ? `${unanswered} still to answer.` : 'All are answered.'}
            </p>
            {warnings.map((w) => (
              <WarningNote key={w.ruleId} assessment={assessment} warning={w} answered={answered.get(w.ruleId)} onSaved={() => void c.load()} />
            ))}
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="sign-title">
        <h2 id="sign-title">Declaration and signature</h2>
        {/* Only before the first signature: later, the sharing stage's rules stop export, not signing. */}
        {blocks.length > 0 && assessment.signatures.length === 0 ? <p>Signing waits until every blocking safeguard is met or covered by a recorded departure ({blocks.length} still open).</p> : null}
        {unanswered > 0 ? <p>Signing waits until each open warning above is answered.</p> : null}
        <HandoverPanel assessment={assessment} blocked={blocks.length > 0 || unanswered > 0} onChanged={() => void c.load()} signHere />
      </section>
    </article>
  );
}

function WarningNote({
  assessment,
  warning,
  answered,
  onSaved,
}: {
  assessment: Assessment;
  warning: FindingsOfRule;
  answered?: NonNullable<Assessment['acknowledgedWarnings']>[number];
  onSaved(): void;
}) {
  const { ruleId, findings, remedies } = warning;
  const [note, setNote] = useState(answered?.note ?? '');
  const [editing, setEditing] = useState(!answered);
  const [error, setError] = useState<ApiError>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await api['assessments.acknowledgeWarning']({ id: assessment.id, ruleId, note });
    if (res.ok) {
      setError(undefined);
      setEditing(false);
      onSaved();
    } else setError(res.error);
  }
  return (
    <div className="finding-warn" role="group" aria-label={`Warning ${ruleId}`}>
      {findings.length === 1 ? (
        <p>
          <strong>{ruleId}:</strong> {findings[0]!.message} <span className="hint">What to do: {remedies.join(' ')}</span>
        </p>
      ) : (
        <>
          <p>
            <strong>{ruleId}:</strong> {warning.title ?? 'Found'} ({findings.length} times):
          </p>
          <ul>
            {findings.map((f, i) => (
              <li key={`${f.path ?? ''}-${i}`}>{f.message}</li>
            ))}
          </ul>
          <p className="hint">What to do: {remedies.join(' ')}</p>
        </>
      )}
      {answered && !editing ? (
        <p>
          Answered by {answered.byName} on {formatInstant(answered.at)}: {answered.note}{' '}
          {assessment.signatures.length === 0 ? (
            <button type="button" className="link" onClick={() => setEditing(true)}>
              Change the note<span className="visually-hidden"> on {ruleId}</span>
            </button>
          ) : null}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextArea label={`Your note on ${ruleId}`} value={note} onChange={setNote} hint="Why the warning does not change the assessment, or what was done about it." error={error ? problemTexts(error).join(' ') : undefined} />
          <div className="actions">
            <button type="submit">Save the note</button>
          </div>
        </form>
      )}
    </div>
  );
}
