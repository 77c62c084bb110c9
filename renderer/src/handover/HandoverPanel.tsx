import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { assessorsOf, nextSigners, signingStage } from '../../../shared/domain/workflow';
import { stageIndex, stageTitles } from '../../../shared/domain/stages';
import { formatInstant, signerRoleLabels } from '../../../shared/format/index';
import { useSession } from '../state/session';
import { TextField } from '../forms/fields';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeclarationCheck } from '../components/DeclarationCheck';
import { AddendaPanel } from '../screens/AddendaPanel';
import { base64ToBytes, download } from '../download';
import { RecordViewer } from './RecordViewer';
import { declarationFor } from '../../../shared/domain/declaration';
import { Link } from 'react-router';
import { paths } from '../routing/paths';
import './handover.css';

type Next = ReturnType<typeof nextSigners>;

/** "Ruth Adeyemi or Tomasz Nowak", "a manager who did not assess it". */
function names(next: Next): string {
  return next.map((w) => (w.role === 'manager' && !w.userId ? 'a manager who did not assess it' : w.name)).join(' or ');
}

/**
 * The signed record's hand-over inside the app. The record is kept with the assessment in the
 * store (record.sign, record.countersign by id): the first assessor previews and signs, the second
 * sees "Waiting for your countersignature" and countersigns from the case, then a manager
 * authorises by adding their signature. Each step names who is next. No PDF leaves the app until
 * someone exports the final record.
 */
export function HandoverPanel({
  assessment,
  blocked,
  onChanged,
  signHere = true,
}: {
  assessment: Assessment;
  blocked: boolean;
  onChanged(): void;
  /** False on the case overview: the first signature is given after check your answers (its own page). */
  signHere?: boolean;
}) {
  const user = useSession((s) => s.status?.user);
  const [passphrase, setPassphrase] = useState('');
  const [declared, setDeclared] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();

  const signed = assessment.signatures.length > 0;
  const next = nextSigners(assessment);
  const myTurn = !!user?.id && (next.some((w) => w.userId === user.id) || (next[0]?.role === 'manager' && !next[0].userId && user.role === 'manager' && !assessorsOf(assessment).some((p) => p.userId === user.id)));
  const early = stageIndex(assessment.stage) < stageIndex(signingStage) || !assessment.decision;
  const withdrawn = assessment.status === 'withdrawn';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = signed
      ? await api['record.countersign']({ id: assessment.id, passphrase, declaration: declared as true, ...(comment.trim() ? { comment: comment.trim() } : {}) })
      : await api['record.sign']({ id: assessment.id, passphrase, declaration: declared as true });
    setBusy(false);
    setPassphrase('');
    if (res.ok) {
      // The PDF stays in the store with the assessment; nothing is downloaded.
      setNotice(signed ? 'Your signature was added to the record kept with this assessment.' : 'The record is signed and kept with this assessment.');
      setError(undefined);
      setDeclared(false);
      setComment('');
      onChanged();
    } else setError(res.error);
  }

  async function exportFinal() {
    const res = await api['record.get']({ id: assessment.id });
    if (res.ok) download(res.value.fileName, base64ToBytes(res.value.pdfBase64), 'application/pdf');
    else setError(res.error);
  }

  const manager = next[0]?.role === 'manager';
  const stepWords = withdrawn
    ? 'This case was withdrawn: nothing is signed.'
    : early
      ? `The record is signed at the “${stageTitles[signingStage]}” stage or later, once there is a decision.`
      : !signed
        ? `Next: ${names(next)} signs the record first; then the other assessor countersigns, then a manager authorises.`
        : next.length === 0
          ? `Authorised${assessment.review.authorisedBy ? ` by ${assessment.review.authorisedBy}` : ''}. The record is complete.`
          : manager
            ? `Waiting for the authorisation of ${names(next)}.`
            : `Waiting for the countersignature of ${names(next)}; then a manager authorises.`;

  return (
    <div className="handover">
      <h3>Sign and hand over</h3>
      {signed ? (
        <ol className="signers">
          {assessment.signatures.map((s) => (
            <li key={`${s.userId}-${s.signedOn}`}>
              Signed by {s.name} ({signerRoleLabels[s.role]}), {formatInstant(s.signedOn)}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="handover-step" data-testid="handover-step">
        {myTurn && !early && !withdrawn ? <strong>{!signed ? 'Waiting for your signature. ' : manager ? 'Waiting for your authorisation. ' : 'Waiting for your countersignature. '}</strong> : null}
        {stepWords}
      </p>
      {notice ? <p role="status">{notice}</p> : null}

      {!withdrawn && !early ? <RecordViewer assessment={assessment} signed={signed} /> : null}
      {signHere && !signed && !withdrawn && (early || !myTurn) ? (
        <>
          <p>Each signer confirms this declaration when they sign; it is printed beside their signature:</p>
          <blockquote className="declaration">{declarationFor(user?.role ?? 'assessor')}</blockquote>
        </>
      ) : null}

      {myTurn && !early && !withdrawn && !signed && !signHere ? (
        <p>
          <Link className="button-link" to={paths.check(assessment.id)}>
            Check your answers, then sign
          </Link>
        </p>
      ) : myTurn && !early && !withdrawn ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h4>{!signed ? 'Sign the record' : manager ? 'Authorise: add your signature' : 'Countersign the record'}</h4>
          <TextField label="Your passphrase (unlocks your signing key)" type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" error={error?.field === 'passphrase' ? error.message : undefined} />
          {manager ? <TextField label="Your comment on authorising (printed with your signature)" value={comment} onChange={setComment} /> : null}
          <DeclarationCheck checked={declared} onChange={setDeclared} error={error?.field === 'declaration' ? error.message : undefined} />
          <ErrorAlert error={error} shownAtFields={['passphrase', 'declaration']} />
          <div className="actions">
            <button type="submit" disabled={(blocked && !signed) || busy || passphrase === '' || !declared}>
              {busy ? 'Signing…' : !signed ? 'Sign the record' : manager ? 'Authorise and sign' : 'Countersign the record'}
            </button>
          </div>
        </form>
      ) : (
        <ErrorAlert error={error} />
      )}

      {signed && next.length === 0 ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void exportFinal()}>
            Export the final record (PDF)
          </button>
        </div>
      ) : null}
      {signed ? <AddendaPanel assessment={assessment} onChanged={onChanged} /> : null}
    </div>
  );
}
