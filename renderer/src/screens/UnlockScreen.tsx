import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField } from '../forms/fields';
import type { ApiError } from '../../../shared/contract';
import { useSession } from '../state/session';
import { ErrorAlert } from '../components/ErrorAlert';

export function UnlockScreen() {
  const { status, setStatus } = useSession();
  const [userName, setUserName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = useRecovery ? await api['store.unlockWithRecoveryKey']({ recoveryKey }) : await api['store.unlock']({ userName, passphrase });
    setBusy(false);
    setPassphrase('');
    if (res.ok) setStatus(res.value);
    else setError(res.error);
  }

  const waitSeconds = status && status.backoffMs > 0 ? Math.ceil(status.backoffMs / 1000) : 0;
  return (
    <section className="panel narrow" aria-labelledby="unlock-title">
      <h1 id="unlock-title">Unlock the evidence store</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {useRecovery ? (
          <TextField label="Recovery key" value={recoveryKey} onChange={setRecoveryKey} autoComplete="off" required hint="The key written down at set-up, in groups of five." />
        ) : (
          <>
            <TextField label="User name" value={userName} onChange={setUserName} autoComplete="username" required />
            <TextField label="Passphrase" type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" required />
          </>
        )}
        {waitSeconds > 0 && !error ? <div className="warn-box">After failed attempts, wait {waitSeconds} s before trying again.</div> : null}
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          <button type="button" className="secondary" onClick={() => { setUseRecovery(!useRecovery); setError(undefined); }}>
            {useRecovery ? 'Use a passphrase instead' : 'Use the recovery key'}
          </button>
        </div>
      </form>
    </section>
  );
}
