import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField } from '../forms/fields';
import type { ApiError, OutputOf } from '../../../shared/contract';
import { ConfirmDialog } from '../forms/ConfirmDialog';
import { useSession } from '../state/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportPanel } from '../bundles/ImportPanel';
import { userRoleLabels } from '../../../shared/format/labels';

type User = OutputOf<'users.list'>[number];

function UsersPanel({ isAdmin }: { isAdmin: boolean }) {
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<User['role']>('assessor');
  const [passphrase, setPassphrase] = useState('');

  async function load() {
    const res = await api['users.list']({});
    if (res.ok) setUsers(res.value);
    else setError(res.error);
  }
  useEffect(() => {
    void load();
  }, []);

  async function add(e: FormEvent) {
    e.preventDefault();
    const res = await api['users.add']({ name, displayName: displayName || undefined, role, passphrase });
    if (res.ok) {
      setNotice(`Added ${res.value.displayName} as ${userRoleLabels[res.value.role].toLowerCase()}. Their signing certificate was made.`);
      setError(undefined);
      setName('');
      setDisplayName('');
      setPassphrase('');
      await load();
    } else setError(res.error);
  }

  const [removing, setRemoving] = useState<User>();
  async function remove(user: User) {
    const res = await api['users.remove']({ name: user.name });
    setRemoving(undefined);
    if (res.ok) {
      setNotice(`Removed ${user.displayName}. Their past signatures stay verifiable.`);
      await load();
    } else setError(res.error);
  }

  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">User name</th>
            <th scope="col">Name on records</th>
            <th scope="col">Role</th>
            <th scope="col">Certificate (SHA-256)</th>
            {isAdmin ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.displayName}</td>
              <td>{userRoleLabels[u.role]}</td>
              <td className="mono">{u.certificateSha256.slice(0, 16)}…</td>
              {isAdmin ? (
                <td>
                  <button type="button" className="secondary" onClick={() => setRemoving(u)} aria-label={`Remove ${u.displayName}`}>
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog open={removing !== undefined} title={`Remove ${removing?.displayName ?? ''}?`} confirmLabel={`Remove ${removing?.displayName ?? ''}`} onConfirm={() => removing && void remove(removing)} onCancel={() => setRemoving(undefined)}>
        <p>They will no longer be able to unlock Carefile or sign. Their past signatures stay verifiable. This cannot be undone.</p>
      </ConfirmDialog>
      {notice ? <p role="status">{notice}</p> : null}
      <ErrorAlert error={error} shownAtFields={['name', 'displayName', 'passphrase']} />
      {isAdmin ? (
        <form onSubmit={(e) => void add(e)} noValidate>
          <h3>Add a user</h3>
          <TextField label="User name" value={name} onChange={setName} required error={fieldError('name')} autoComplete="off" />
          <TextField label="Name shown on records" value={displayName} onChange={setDisplayName} error={fieldError('displayName')} />
          <div className="field">
            <label htmlFor="new-user-role">Role</label>
            <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as User['role'])}>
              {(['assessor', 'manager', 'admin'] as const).map((r) => (
                <option key={r} value={r}>
                  {userRoleLabels[r]}
                </option>
              ))}
            </select>
          </div>
          <TextField label="First passphrase" type="password" value={passphrase} onChange={setPassphrase} required error={fieldError('passphrase')} autoComplete="new-password" hint="At least 12 characters. Give it to them in person; they can change it under Settings." />
          <div className="actions">
            <button type="submit">Add user</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function PassphrasePanel({ userName }: { userName: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();

  async function change(e: FormEvent) {
    e.preventDefault();
    const res = await api['users.passwd']({ name: userName, currentPassphrase: current, newPassphrase: next });
    setCurrent('');
    setNext('');
    if (res.ok) {
      setNotice('Your passphrase was changed.');
      setError(undefined);
    } else setError(res.error);
  }
  return (
    <section className="panel" aria-labelledby="pw-title">
      <h2 id="pw-title">Your passphrase</h2>
      <form onSubmit={(e) => void change(e)} noValidate>
        <TextField label="Current passphrase" type="password" value={current} onChange={setCurrent} autoComplete="current-password" error={error?.field === 'currentPassphrase' ? error.message : undefined} />
        <TextField label="New passphrase" type="password" value={next} onChange={setNext} autoComplete="new-password" error={error?.field === 'newPassphrase' ? error.message : undefined} />
        <ErrorAlert error={error} shownAtFields={['currentPassphrase', 'newPassphrase']} />
        {notice ? <p role="status">{notice}</p> : null}
        <div className="actions">
          <button type="submit">Change passphrase</button>
        </div>
      </form>
    </section>
  );
}

function BackupPanel() {
  const [result, setResult] = useState<OutputOf<'store.backup'>>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  async function backup() {
    setBusy(true);
    const res = await api['store.backup']({});
    setBusy(false);
    if (res.ok) {
      setResult(res.value);
      setError(undefined);
    } else setError(res.error);
  }
  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p>
        Makes an encrypted copy of the whole store in the <code>backups</code> folder of the data folder. It opens with the same
        passphrases and recovery key. Copy it to the council's backup location; restore with <code>carefile restore</code>.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void backup()} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {result ? (
        <p role="status">
          Backup written: <span className="mono">{result.fileName}</span> ({Math.round(result.size / 1024)} KiB), checked before it was kept.
        </p>
      ) : null}
      <ErrorAlert error={error} />
    </section>
  );
}

export function SettingsScreen() {
  const user = useSession((s) => s.status?.user);
  if (!user) return null;
  return (
    <>
      <h1>Settings</h1>
      <UsersPanel isAdmin={user.role === 'admin'} />
      {user.displayName !== 'Recovery key' ? <PassphrasePanel userName={user.name} /> : null}
      <BackupPanel />
      <ImportPanel isAdmin={user.role === 'admin'} />
    </>
  );
}
