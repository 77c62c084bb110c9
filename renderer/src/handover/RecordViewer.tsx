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
  // Which record the bytes are: once the first signature is made, a preview still on screen is not
  // the signed record and must not be shown under that name.
  const [shown, setShown] = useState<{ bytes: Uint8Array; signed: boolean }>();
  const bytes = shown?.signed === signed ? shown.bytes : undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const what = signed ? 'the signed record' : 'a preview of the record';

  async function show() {
    setBusy(true);
    const res = signed ? await api['record.get']({ id: assessment.id }) : await api['record.preview']({ id: assessment.id });
    setBusy(false);
    if (res.ok) {
      setShown({ bytes: base64ToBytes(res.value.pdfBase64), signed });
      setError(undefined);
    } else setError(res.error);
  }

  return (
    <section className="record-viewer" aria-label={signed ? 'Signed record' : 'Record preview'}>
      <div className="actions">
        {bytes ? (
          <button type="button" className="secondary" onClick={() => setShown(undefined)}>
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
