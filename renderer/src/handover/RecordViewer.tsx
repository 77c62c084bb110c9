import { useState } from 'react';
import { api } from '../api/client';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { base64ToBytes } from '../download';
import { ErrorAlert } from '../components/ErrorAlert';
import { PdfPages } from '../attachments/PdfPages';

/**
 * The record drawn inside the app: before the first signature, a preview composed as it stands
 * (record.preview; its cover says it is not signed); afterwards, the signed record kept with the
 * assessment (record.get). Composed on request: a record takes a second or two to make.
 */
export function RecordViewer({ assessment, signed }: { assessment: Assessment; signed: boolean }) {
  const [bytes, setBytes] = useState<Uint8Array>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const what = signed ? 'the signed record' : 'a preview of the record';

  async function show() {
    setBusy(true);
    const res = signed ? await api['record.get']({ id: assessment.id }) : await api['record.preview']({ id: assessment.id });
    setBusy(false);
    if (res.ok) {
      setBytes(base64ToBytes(res.value.pdfBase64));
      setError(undefined);
    } else setError(res.error);
  }

  return (
    <section className="record-viewer" aria-label={signed ? 'Signed record' : 'Record preview'}>
      <div className="actions">
        {bytes ? (
          <button type="button" className="secondary" onClick={() => setBytes(undefined)}>
            Hide {what}
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => void show()} disabled={busy}>
            {busy ? 'Composing…' : signed ? 'View the signed record' : 'Preview the record before signing'}
          </button>
        )}
      </div>
      <ErrorAlert error={error} />
      {bytes ? <PdfPages bytes={bytes} title={signed ? `Signed record ${assessment.reference}` : `Record preview ${assessment.reference}`} /> : null}
    </section>
  );
}
