/**
 * Team import in the app: choose many bundle files (or a folder), watch a progress bar, read the
 * summary. The main side decides everything (bundles.import); this panel sends the files in chunks
 * and shows progress between calls, so no progress channel is needed. Self-contained: it takes
 * only whether the user is an administrator (who may accept unsigned bundles).
 */
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ApiError, OutputOf } from '../../../shared/contract';

type Outcome = OutputOf<'bundles.import'>['results'][number];
type Summary = OutputOf<'bundles.import'>['summary'];

/** Bundles per call, and text per call: small enough for a lively bar, large enough to be quick. */
const CHUNK_FILES = 20;
// Browser mode posts JSON to the loopback server, which takes 40 MB a request; JSON escaping grows the text.
const CHUNK_CHARS = 16 * 1024 * 1024;

const outcomeWords: Record<Outcome['outcome'], string> = {
  imported: 'Imported',
  unchanged: 'Unchanged',
  superseded: 'Newer version imported',
  refused: 'Refused',
};

function chunksOf(files: readonly File[]): File[][] {
  const out: File[][] = [];
  let chunk: File[] = [];
  let size = 0;
  for (const f of files) {
    if (chunk.length > 0 && (chunk.length >= CHUNK_FILES || size + f.size > CHUNK_CHARS)) {
      out.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(f);
    size += f.size;
  }
  if (chunk.length) out.push(chunk);
  return out;
}

function signerText(r: Outcome): string {
  if (r.acceptedUnsigned) return 'Unsigned (accepted by an administrator)';
  if (!r.signer) return '';
  return `${r.signer.subject}${r.signer.who ? ` (${r.signer.who})` : ''}`;
}

export function ImportPanel({ isAdmin }: { isAdmin: boolean }) {
  const [files, setFiles] = useState<File[]>([]);
  const [acceptUnsigned, setAcceptUnsigned] = useState(false);
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Outcome[]>([]);
  const [summary, setSummary] = useState<Summary>();
  const [error, setError] = useState<ApiError>();

  function choose(list: FileList | null) {
    const chosen = [...(list ?? [])].filter((f) => f.name.toLowerCase().endsWith('.json'));
    setFiles(chosen);
    setResults([]);
    setSummary(undefined);
    setError(undefined);
    setDone(0);
  }

  async function start() {
    setBusy(true);
    setError(undefined);
    const all: Outcome[] = [];
    const total: Summary = { imported: 0, unchanged: 0, superseded: 0, refused: 0 };
    try {
      for (const chunk of chunksOf(files)) {
        const bundles = await Promise.all(chunk.map(async (f) => ({ name: f.webkitRelativePath || f.name, json: await f.text() })));
        const res = await api['bundles.import']({ bundles, ...(acceptUnsigned ? { acceptUnsigned: true } : {}) });
        if (!res.ok) {
          setError(res.error);
          break;
        }
        all.push(...res.value.results);
        for (const k of Object.keys(total) as Array<keyof Summary>) total[k] += res.value.summary[k];
        setResults([...all]);
        setSummary({ ...total });
        setDone(all.length);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import bundles</h2>
      <p>
        Bring in your team's signed assessment bundles. Each one is checked before anything is written: a bundle that was
        changed, is unsigned, or was signed by someone this store does not know is refused, and the others still come in.
      </p>
      <div className="field">
        <label htmlFor="import-files">Bundle files</label>
        <input id="import-files" type="file" multiple accept=".json,application/json" onChange={(e) => choose(e.target.files)} disabled={busy} />
      </div>
      <div className="field">
        <label htmlFor="import-folder">Or a whole folder</label>
        <input id="import-folder" type="file" multiple onChange={(e) => choose(e.target.files)} disabled={busy} {...{ webkitdirectory: '' }} />
      </div>
      {isAdmin ? (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={acceptUnsigned} onChange={(e) => setAcceptUnsigned(e.target.checked)} disabled={busy} /> Accept unsigned bundles
            (each one is recorded in the audit log)
          </label>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => void start()} disabled={busy || files.length === 0}>
          {busy ? 'Importing…' : `Import ${files.length} bundle${files.length === 1 ? '' : 's'}`}
        </button>
      </div>
      {busy || summary ? (
        <p>
          <progress id="import-progress" max={files.length || 1} value={done} aria-label="Bundles imported so far" /> <span>{done} of {files.length}</span>
        </p>
      ) : null}
      <ErrorAlert error={error} />
      {summary ? (
        <p role="status" aria-live="polite">
          {summary.imported} imported, {summary.unchanged} unchanged, {summary.superseded} newer versions, {summary.refused} refused.
        </p>
      ) : null}
      {results.length > 0 ? (
        <table className="panel-table">
          <caption>What happened to each bundle</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Assessment</th>
              <th scope="col">Result</th>
              <th scope="col">Signed by</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={`${r.file}-${i}`}>
                <td className="mono">{r.file}</td>
                <td>{r.reference ?? ''}</td>
                <td>{outcomeWords[r.outcome]}</td>
                <td>{signerText(r)}</td>
                <td>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
