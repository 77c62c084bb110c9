import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField } from '../forms/fields';
import type { ApiError } from '../../../shared/contract';
import { useSession } from '../state/session';
import { ErrorAlert } from '../components/ErrorAlert';

/** First run: the administrator and the recovery key, shown once. */
export function SetupScreen() {
  const refresh = useSession((s) => s.refresh);
  const [adminName, setAdminName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string>();
  const [written, setWritten] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (passphrase !== again) {
      setError({ code: 'INVALID_INPUT', message: 'The two passphrases differ.', field: 'again' });
      return;
    }
    setBusy(true);
    const res = await api['store.init']({ adminName, adminDisplayName: displayName || undefined, passphrase });
    setBusy(false);
    if (res.ok) {
      setError(undefined);
      setRecoveryKey(res.value.recoveryKey);
    } else setError(res.error);
  }

  if (recoveryKey) {
    return (
      <section className="panel" aria-labelledby="rk-title">
        <h1 id="rk-title">Write down the recovery key</h1>
        <p>
          This key opens the store if every passphrase is forgotten. It is shown <strong>this once</strong>. Write it on paper and keep
          it locked away, apart from this computer. Anyone who holds it can read everything in the store.
        </p>
        <p className="recovery-key" aria-label="Recovery key">
          {recoveryKey}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} /> I have written the recovery key down
        </label>
        <div className="actions">
          <button type="button" disabled={!written} onClick={() => void refresh()}>
            Continue to sign in
          </button>
        </div>
      </section>
    );
  }

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <section className="panel" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up Carefile on this computer</h1>
      <p>
        The evidence store is encrypted. Choose the administrator who will add the assessors and managers. Passphrases need at least 12
        characters; a few unrelated words are easy to remember and hard to guess.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Administrator user name" value={adminName} onChange={setAdminName} autoComplete="username" required error={fieldError('adminName')} hint="Letters, digits, dots or dashes, e.g. j.smith" />
        <TextField label="Name shown on records" value={displayName} onChange={setDisplayName} error={fieldError('adminDisplayName')} />
        <TextField label="Passphrase" type="password" value={passphrase} onChange={setPassphrase} autoComplete="new-password" required error={fieldError('passphrase')} />
        <TextField label="Passphrase again" type="password" value={again} onChange={setAgain} autoComplete="new-password" required error={fieldError('again')} />
        <ErrorAlert error={error} shownAtFields={['adminName', 'adminDisplayName', 'passphrase', 'again']} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating the encrypted store…' : 'Create the store'}
          </button>
        </div>
      </form>
    </section>
  );
}
