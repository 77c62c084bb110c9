import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField } from '../forms/fields';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { base64ToBytes, download } from '../download';
import { AddendaPanel } from './AddendaPanel';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeclarationCheck } from '../components/DeclarationCheck';
import { useSession } from '../state/session';
import { nextSigners, signingStage } from '../../../shared/domain/workflow';
import { stageIndex, stageTitles } from '../../../shared/domain/stages';
import { formatInstant } from '../../../shared/format/dates';
import { signerRoleLabels } from '../../../shared/format/labels';

/** Make and sign the PDF record: the signer re-enters their passphrase, which unlocks their signing key. */
export function RecordPanel({ assessment, blocked, onSigned }: { assessment: Assessment; blocked: boolean; onSigned(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [declared, setDeclared] = useState(false);
  const [comment, setComment] = useState('');
  const user = useSession((s) => s.status?.user);

  async function sign(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await api['record.sign']({ id: assessment.id, passphrase, declaration: declared as true });
    setBusy(false);
    setPassphrase('');
    if (res.ok) {
      download(res.value.fileName, base64ToBytes(res.value.pdfBase64), 'application/pdf');
      setDone(`Signed record saved as ${res.value.fileName} (SHA-256 ${res.value.sha256.slice(0, 16)}…). Give it to the second assessor to countersign under “Verify a record”.`);
      setError(undefined);
      onSigned();
    } else setError(res.error);
  }

  async function countersign(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await api['record.countersign']({ id: assessment.id, passphrase, declaration: declared as true, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setBusy(false);
    setPassphrase('');
    if (res.ok) {
      download(res.value.fileName, base64ToBytes(res.value.pdfBase64), 'application/pdf');
      setDone(`Your signature was added to the record kept with this assessment; a copy was saved as ${res.value.fileName}.`);
      setError(undefined);
      onSigned();
    } else setError(res.error);
  }

  async function getKept() {
    const res = await api['record.get']({ id: assessment.id });
    if (res.ok) download(res.value.fileName, base64ToBytes(res.value.pdfBase64), 'application/pdf');
    else setError(res.error);
  }

  if (assessment.signatures.length > 0) {
    // Only a hint for whom to offer the form; the main side decides (shared/domain/workflow.ts).
    const waiting = nextSigners(assessment);
    const mayBeNext = !!user && waiting.some((w) => w.role === user.role) && !assessment.signatures.some((s) => s.name === user.displayName);
    return (
      <>
        <p>
          Signed by {assessment.signatures.map((s) => `${s.name} (${signerRoleLabels[s.role].toLowerCase()}, ${formatInstant(s.signedOn)})`).join('; ')}. The assessment
          is locked: corrections are made by addendum.
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void getKept()}>
            Download the signed record
          </button>
        </div>
        {mayBeNext ? (
          <form onSubmit={(e) => void countersign(e)} noValidate>
            <h3>Countersign the record</h3>
            <p className="hint">Next to sign: {waiting.map((w) => `${w.name} (${w.role})`).join(' or ')}. A manager&apos;s signature authorises the assessment.</p>
            <TextField label="Your passphrase (unlocks your signing key)" type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" error={error?.field === 'passphrase' ? error.message : undefined} />
            {waiting[0]?.role === 'manager' ? <TextField label="Comment to go with your authorising signature (printed in it)" value={comment} onChange={setComment} /> : null}
            <DeclarationCheck checked={declared} onChange={setDeclared} error={error?.field === 'declaration' ? error.message : undefined} />
            <ErrorAlert error={error} shownAtFields={['passphrase', 'declaration']} />
            {done ? <p role="status">{done}</p> : null}
            <div className="actions">
              <button type="submit" disabled={busy || passphrase === '' || !declared}>
                {busy ? 'Signing…' : 'Add my signature to the kept record'}
              </button>
            </div>
          </form>
        ) : null}
        <AddendaPanel assessment={assessment} onChanged={onSigned} />
      </>
    );
  }
  // The workflow signs nothing before the decision stage (shared/domain/workflow.ts); the main side refuses it anyway.
  const early = stageIndex(assessment.stage) < stageIndex(signingStage);
  return (
    <form onSubmit={(e) => void sign(e)} noValidate>
      <h3>Sign the record</h3>
      {early ? <p className="hint">The record is signed at the “{stageTitles[signingStage]}” stage or later.</p> : null}
      <TextField label="Your passphrase (unlocks your signing key)" type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" error={error?.field === 'passphrase' ? error.message : undefined} />
      <DeclarationCheck checked={declared} onChange={setDeclared} error={error?.field === 'declaration' ? error.message : undefined} />
      <ErrorAlert error={error} shownAtFields={['passphrase', 'declaration']} />
      {done ? <p role="status">{done}</p> : null}
      <div className="actions">
        <button type="submit" disabled={early || blocked || busy || passphrase === '' || !declared}>
          {busy ? 'Composing and signing…' : 'Make and sign the PDF record'}
        </button>
      </div>
    </form>
  );
}
