import { useEffect, useId, useRef, type ReactNode } from 'react';
import './confirm-dialog.css';

/**
 * A modal confirmation for a destructive action, on the browser's own <dialog> (showModal): focus
 * moves into it and stays there, Escape cancels, and the page behind is inert. The action button
 * says what it does ("Remove Olu Bankole"), never just "OK"; Cancel has the focus first, so a
 * stray Enter does no harm.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy = false,
  confirmDisabled = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      cancelRef.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="actions">
            <button ref={cancelRef} type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={onConfirm} disabled={busy || confirmDisabled}>
              {busy ? 'Working…' : confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
