import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField } from '../forms/fields';
import type { ApiError, OutputOf } from '../../../shared/contract';
import { base64ToBytes, download, fileToBase64 } from '../download';
import { ErrorAlert } from '../components/ErrorAlert';
import { DeclarationCheck } from '../components/DeclarationCheck';
import { formatInstant } from '../../../shared/format/dates';
import { label } from '../../../shared/format/labels';

type Report = OutputOf<'record.verify'>;

function yes(ok: boolean, good: string, bad: string) {
  return <span className={ok ? 'verify-ok' : 'verify-bad'}>{ok ? good : bad}</span>;
}

const ADDED = { signature: 'a signature', annotations: 'annotations', pages: 'pages', other: 'other changes' } as const;

function laterText(updates: Report['signatures'][number]['laterRevisions'], wholeFile: boolean): string {
  if (updates.length === 0) return wholeFile ? 'nothing' : 'cannot tell';
  return updates.map((u) => `update ${u.update}: ${u.adds.map((a) => ADDED[a]).join(', ') || 'nothing'}`).join('; ');
}

/** Open a PDF record, see whether it is intact and who signed it; countersign it as the second assessor. */
export function VerifyScreen() {
  const [fileName, setFileName] = useState<string>();
  const [pdf, setPdf] = useState<string>();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<ApiError>();
  const [passphrase, setPassphrase] = useState('');
  const [notice, setNotice] = useState<string>();
  const [declared, setDeclared] = useState(false);

  async function open(file: File | undefined) {
    setReport(undefined);
    setNotice(undefined);
    setError(undefined);
    if (!file) return;
    const b64 = await fileToBase64(file);
    setFileName(file.name);
    setPdf(b64);
    const res = await api['record.verify']({ pdfBase64: b64 });
    if (res.ok) setReport(res.value);
    else setError(res.error);
  }

  async function countersign(e: FormEvent) {
    e.preventDefault();
    if (!pdf) return;
    const res = await api['record.countersign']({ pdfBase64: pdf, passphrase, declaration: declared as true });
    setPassphrase('');
    if (!res.ok) return setError(res.error);
    download(res.value.fileName, base64ToBytes(res.value.pdfBase64), 'application/pdf');
    setNotice(`Countersigned record saved as ${res.value.fileName}.`);
    setPdf(res.value.pdfBase64);
    setFileName(res.value.fileName);
    const again = await api['record.verify']({ pdfBase64: res.value.pdfBase64 });
    if (again.ok) setReport(again.value);
  }

  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">Verify a record</h1>
      <div className="panel">
        <label htmlFor="pdf-file">Signed PDF record</label>
        <input id="pdf-file" type="file" accept="application/pdf,.pdf" onChange={(e) => void open(e.target.files?.[0])} />
        <p className="hint">Checks every signature, whether anything was changed after it, and the embedded record against the hash printed on every page.</p>
      </div>
      <ErrorAlert error={error} />
      {report ? (
        <div className="panel" aria-live="polite">
          <h2>
            {fileName}: {yes(report.valid, `valid, ${report.signatures.length} signature${report.signatures.length === 1 ? '' : 's'}`, 'NOT valid')}
          </h2>
          <p className={report.valid ? 'verify-ok' : 'verify-bad'} data-testid="verify-summary">
            {report.summary}
          </p>
          <p>
            Embedded record: {yes(report.record.embedded && report.record.matchesFooters, `matches the hash on all ${report.record.pages} pages`, 'missing, unreadable or does not match the page footers')}
            {report.record.sha256 ? <span className="mono"> ({report.record.sha256})</span> : null}
          </p>
          {/* Seven columns cannot reflow into 320 CSS px: at 200% zoom the table scrolls inside its own
              focusable region (WCAG 1.4.10 exempts data tables), never the page. */}
          <div className="table-scroll" role="region" aria-label="Signatures" tabIndex={0}>
            <table>
              <caption className="hint">Each signature: who, when, whether it still covers the document as it was signed, and what was added after it.</caption>
              <thead>
                <tr>
                  <th scope="col">Signer</th>
                  <th scope="col">Signed</th>
                  <th scope="col">Signature</th>
                  <th scope="col">Covers the document as signed</th>
                  <th scope="col">Added after it</th>
                  <th scope="col">Known to this store</th>
                  <th scope="col">Certificate (SHA-256)</th>
                </tr>
              </thead>
              <tbody>
                {report.signatures.map((s) => (
                  <tr key={`${s.fieldName}-${s.byteRange.join('-')}`}>
                    <td>
                      {s.signer}
                      {s.subject ? <div className="hint">{s.subject.replace(/\n/g, ', ')}</div> : null}
                      {s.reason ? <div className="hint">{s.reason}</div> : null}
                    </td>
                    <td>{s.signedAt ? formatInstant(s.signedAt) : 'unknown'}</td>
                    <td>{yes(s.check === 'valid', 'valid', s.check === 'digest-mismatch' ? 'intact, but the signed bytes changed' : 'does not verify')}</td>
                    <td>{yes(s.valid, 'yes, unchanged since', s.changedAfterSigning ? 'NO: changed after signing' : s.laterChanges.length ? 'NO: changed by a later update' : 'NO')}</td>
                    <td>{laterText(s.laterRevisions, s.coversWholeFile)}</td>
                    <td>{s.knownSigner ? `${s.knownSigner.name} (${label(s.knownSigner.role).toLowerCase()})` : yes(false, '', 'not a user here')}</td>
                    <td className="mono">{s.certificateSha256 ? `${s.certificateSha256.slice(0, 16)}…` : 'unreadable'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.problems.length + report.signatures.flatMap((s) => s.problems).length > 0 ? (
            <ul>
              {[...report.problems, ...report.signatures.flatMap((s) => s.problems.map((p) => `${s.signer}: ${p}`))].map((p) => (
                <li key={p} className="finding-block">
                  {p}
                </li>
              ))}
            </ul>
          ) : null}
          {report.valid ? (
            <form onSubmit={(e) => void countersign(e)} noValidate>
              <h3>Countersign</h3>
              <TextField label="Your passphrase (unlocks your signing key)" type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
              <DeclarationCheck checked={declared} onChange={setDeclared} />
              <div className="actions">
                <button type="submit" disabled={passphrase === '' || !declared}>
                  Add my signature
                </button>
              </div>
              {notice ? <p role="status">{notice}</p> : null}
            </form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
