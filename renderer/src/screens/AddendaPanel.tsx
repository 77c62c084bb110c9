import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField, TextArea } from '../forms/fields';
import { ErrorAlert } from '../components/ErrorAlert';
import { WordingNotes } from '../components/WordingNotes';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { formatInstant } from '../../../shared/format/dates';

/** Corrections to a signed assessment: added, audited, and signed by their author. */
export function AddendaPanel({ assessment, onChanged }: { assessment: Assessment; onChanged(): void }) {
  const [text, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ApiError>();

  async function add(e: FormEvent) {
    e.preventDefault();
    const res = await api['assessments.addAddendum']({ id: assessment.id, text });
    if (res.ok) {
      setText('');
      setError(undefined);
      onChanged();
    } else setError(res.error);
  }

  async function sign(addendumId: string) {
    const res = await api['assessments.signAddendum']({ id: assessment.id, addendumId, passphrase });
    setPassphrase('');
    if (res.ok) {
      setError(undefined);
      onChanged();
    } else setError(res.error);
  }

  const unsigned = assessment.addenda.filter((a) => !a.signedOn);
  return (
    <section aria-labelledby="addenda-title">
      <h3 id="addenda-title">Addenda</h3>
      {assessment.addenda.length === 0 ? <p>No corrections so far.</p> : null}
      <ol>
        {assessment.addenda.map((a) => (
          <li key={a.id}>
            <p>{a.text}</p>
            <p className="hint">
              By {a.createdBy} on {formatInstant(a.createdOn)} · {a.signedOn ? `signed ${formatInstant(a.signedOn)}` : 'not yet signed'}
            </p>
            {!a.signedOn ? (
              <button type="button" className="secondary" disabled={passphrase === ''} onClick={() => void sign(a.id)}>
                Sign this addendum
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {unsigned.length > 0 ? <TextField label="Your passphrase (to sign an addendum you wrote)" type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" /> : null}
      <form onSubmit={(e) => void add(e)} noValidate>
        <TextArea label="A correction (addendum)" value={text} onChange={setText} error={error?.field === 'text' ? error.message : undefined} hint="The signed record stays as it was; the correction is added beside it, audited, and signed by you.">
          <WordingNotes text={text} />
        </TextArea>
        <ErrorAlert error={error} shownAtFields={['text']} />
        <div className="actions">
          <button type="submit" disabled={text.trim() === ''}>
            Add the addendum
          </button>
        </div>
      </form>
    </section>
  );
}
