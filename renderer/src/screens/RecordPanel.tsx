import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Field } from '../components/Field';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { base64ToBytes, download } from '../download';
import { AddendaPanel } from './AddendaPanel';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeclarationCheck } from '../components/DeclarationCheck';
import { signingStage } from '../../../shared/domain/workflow';
import { stageIndex, stageTitles } from '../../../shared/domain/stages';

/** Make and sign the PDF record: the signer re-enters their passphrase, which unlocks their signing key. */
export function RecordPanel({ assessment, blocked, onSigned }: { assessment: Assessment; blocked: boolean; onSigned(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [declared, setDeclared] = useState(false);

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

  if (assessment.signatures.length > 0) {
    return (
      <>
        <p>
          Signed by {assessment.signatures.map((s) => `${s.name} (${s.role}, ${new Date(s.signedOn).toLocaleString('en-GB')})`).join('; ')}. The assessment
          is locked: corrections are made by addendum.
        </p>
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
      <Field label="Your passphrase (unlocks your signing key)" type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" error={error?.field === 'passphrase' ? error.message : undefined} />
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
