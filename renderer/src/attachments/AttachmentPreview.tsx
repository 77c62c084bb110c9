import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ApiError } from '../../../shared/contract';
import type { AttachmentRef } from '../../../shared/domain/model';
import { base64ToBytes } from '../download';
import { ModalDialog } from '../forms/ModalDialog';
import { ImagePreview } from './ImagePreview';
import { PdfPages } from './PdfPages';
import './attachments.css';

type Loaded = { ref: AttachmentRef; bytes: Uint8Array };

/** The bytes shown: images and PDFs drawn into canvases, text as text. Nothing is opened by another program. */
export function AttachmentContent({ loaded }: { loaded: Loaded }) {
  const { ref, bytes } = loaded;
  if (ref.mediaType === 'application/pdf') return <PdfPages bytes={bytes} title={ref.name} />;
  if (ref.mediaType === 'text/plain') return <pre className="text-preview">{new TextDecoder().decode(bytes)}</pre>;
  return <ImagePreview bytes={bytes} mediaType={ref.mediaType} title={ref.name} />;
}

/**
 * "Open" beside an attachment: a modal dialog (React Aria, forms/ModalDialog) with the file drawn inside the app, fetched from the
 * store through `attachments.get` (the renderer never sees a path).
 */
export function AttachmentOpenButton({ attachment }: { attachment: Pick<AttachmentRef, 'sha256' | 'name'> }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    void api['attachments.get']({ sha256: attachment.sha256 }).then((res) => {
      if (cancelled) return;
      if (res.ok) setLoaded({ ref: res.value.ref, bytes: base64ToBytes(res.value.dataBase64) });
      else setError(res.error);
    });
    return () => {
      cancelled = true;
      setLoaded(undefined);
      setError(undefined);
    };
  }, [open, attachment.sha256]);

  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)} aria-label={`Open ${attachment.name}`}>
        Open
      </button>
      <ModalDialog open={open} title={attachment.name} className="attachment-dialog" onClose={() => setOpen(false)}>
        <div className="title-row">
          <h2>{attachment.name}</h2>
          <button type="button" className="secondary" onClick={() => setOpen(false)} autoFocus>
            Close
          </button>
        </div>
        {error ? (
          <div role="alert" className="error-box">
            {error.message}
          </div>
        ) : null}
        {loaded ? <AttachmentContent loaded={loaded} /> : error ? null : <p role="status">Opening…</p>}
      </ModalDialog>
    </>
  );
}
