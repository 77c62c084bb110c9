import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextArea } from '../forms/fields';
import { FindingList } from '../components/FindingList';
import { StageTrack } from '../components/StageTrack';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { ruleById } from '../../../shared/safeguards/index';
import { download } from '../download';
import { PartPage } from './PartPage';
import { CheckAnswersScreen } from './CheckAnswersScreen';
import { CaseHeader } from './CaseHeader';
import { useCase, type Check } from './useCase';
import { TaskList } from '../components/TaskList';
import { caseTasks } from './caseTasks';
import { Link } from 'react-router';
import { HandoverPanel } from '../handover/HandoverPanel';
import { WithdrawCase } from '../caselist/WithdrawCase';
import { ReviewPanel } from './ReviewPanel';
import { sectionForPath } from '../editors/index';
import { ErrorAlert } from '../components/ErrorAlert';
import { ReassessmentPanel } from '../reassessment/ReassessmentPanel';
import { useNavigate } from 'react-router';
import { paths } from '../routing/paths';


function DepartureForm({ assessment, ruleIds, onDone }: { assessment: Assessment; ruleIds: string[]; onDone(a: Assessment): void }) {
  const [ruleId, setRuleId] = useState(ruleIds[0] ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await api['assessments.recordDeparture']({ id: assessment.id, ruleId, reason });
    if (res.ok) {
      setReason('');
      setError(undefined);
      onDone(res.value);
    } else setError(res.error);
  }
  if (ruleIds.length === 0) return null;
  return (
    <form onSubmit={(e) => void submit(e)} className="departure" noValidate>
      <h3>Record a departure</h3>
      <p className="hint">Where the law allows (R (HAM) v Brent), a safeguard can be left unused for a reason you record. It then shows in the record and in the quality figures.</p>
      <div className="field">
        <label htmlFor="departure-rule">Safeguard</label>
        <select id="departure-rule" value={ruleId} onChange={(e) => setRuleId(e.target.value)}>
          {ruleIds.map((id) => (
            <option key={id} value={id}>
              {id}: {ruleById.get(id)?.title}
            </option>
          ))}
        </select>
      </div>
      <TextArea label="Why it was not used" value={reason} onChange={setReason} error={error?.field === 'reason' ? error.message : undefined} />
      <ErrorAlert error={error} shownAtFields={['reason']} />
      <div className="actions">
        <button type="submit">Record the departure</button>
      </div>
    </form>
  );
}

export type CaseView = 'overview' | 'part' | 'check';

/** A case: its task list (overview), one part on its own page, or check your answers before signing. */
export function AssessmentScreen({ id, part, view = part ? 'part' : 'overview' }: { id: string; part?: string; view?: CaseView }) {
  const c = useCase(id);
  const { assessment, check, error } = c;
  if (!assessment || !check) {
    return error ? (
      <div role="alert" className="error-box">
        {error.message}
      </div>
    ) : (
      <p aria-live="polite">Loading…</p>
    );
  }
  if (view === 'part') return <PartPage c={c} assessment={assessment} check={check} part={part ?? ''} />;
  if (view === 'check') return <CheckAnswersScreen c={c} assessment={assessment} check={check} />;
  return <CaseOverview c={c} assessment={assessment} check={check} />;
}

function CaseOverview({ c, assessment, check }: { c: ReturnType<typeof useCase>; assessment: Assessment; check: Check }) {
  const { error, setError, load, drafts } = c;
  const id = assessment.id;
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string>();

  /** Opens the part that holds a finding's field. */
  function openField(path: string): string | undefined {
    const target = sectionForPath(path);
    if (target) void navigate(paths.part(id, target.id));
    return target?.id;
  }

  async function advance() {
    if (!check?.next) return;
    const res = await api['assessments.advance']({ id, to: check.next.stage });
    if (res.ok) {
      setNotice(`Moved to “${check.next.title}”.`);
      setError(undefined);
      await load();
    } else setError(res.error);
  }

  async function exportBundle() {
    const res = await api['assessments.exportBundle']({ id, withAttachments: true });
    if (res.ok) download(res.value.fileName, res.value.json, 'application/json');
    else setError(res.error);
  }

  const blocks = check.findings.filter((f) => f.severity === 'block');
  const departable = [...new Set((check.next?.missing ?? []).concat(blocks).map((f) => f.ruleId))].filter((r) => ruleById.get(r)?.departable);
  const tasks = caseTasks(assessment, check, drafts);
  const done = tasks.filter((t) => t.status === 'completed').length;

  return (
    <article aria-labelledby="a-title">
      <CaseHeader assessment={assessment} check={check}>
        <WithdrawCase assessment={assessment} onWithdrawn={() => void load()} />
      </CaseHeader>
      <StageTrack current={assessment.stage} />
      {notice ? <p role="status">{notice}</p> : null}
      <ErrorAlert error={error} />

      <section className="panel" aria-labelledby="tasks-title">
        <h2 id="tasks-title">Parts of the assessment</h2>
        <p className="hint">
          {done} of {tasks.length} parts completed. A part is completed when it is recorded and no safeguard finding points into it.
        </p>
        <TaskList items={tasks} label="Parts of the assessment" />
      </section>

      {check.next ? (
        <section className="panel" aria-labelledby="gate-title">
          <h2 id="gate-title">Next: {check.next.title}</h2>
          {check.next.ok ? (
            <p>Everything this stage needs is in place.</p>
          ) : (
            <>
              <p>Before “{check.next.title}” can start:</p>
              <FindingList findings={check.next.missing} onOpenField={openField} />
            </>
          )}
          <div className="actions">
            <button type="button" onClick={() => void advance()} disabled={!check.next.ok}>
              Move to “{check.next.title}”
            </button>
          </div>
          <DepartureForm assessment={assessment} ruleIds={departable} onDone={() => void load()} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="findings-title">
        <h2 id="findings-title">Safeguards</h2>
        {check.findings.length === 0 ? <p>No safeguard findings.</p> : <FindingList findings={check.findings} onOpenField={openField} />}
      </section>

      <ReviewPanel assessment={assessment} onChanged={() => void load()} />
      <ReassessmentPanel assessment={assessment} onChanged={() => void load()} />

      <section className="panel" aria-labelledby="out-title">
        <h2 id="out-title">Record and bundle</h2>
        {blocks.length > 0 ? (
          <p>Signing and export wait until every blocking safeguard is met or covered by a recorded departure ({blocks.length} still open).</p>
        ) : null}
        <div className="actions">
          {assessment.signatures.length === 0 ? (
            <Link className="button-link" to={paths.check(id)}>
              Check your answers and sign
            </Link>
          ) : null}
          <button type="button" className="secondary" onClick={() => void exportBundle()} disabled={blocks.length > 0}>
            Export the assessment bundle
          </button>
        </div>
        <HandoverPanel assessment={assessment} blocked={blocks.length > 0} onChanged={() => void load()} signHere={false} />
      </section>
    </article>
  );
}
