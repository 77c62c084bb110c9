import type { ConfirmDialogProps } from './ConfirmDialog';
import ModalImpl from './ModalImpl';

/** The open confirmation (see ConfirmDialog): React Aria keeps the focus inside and Escape cancels. */
export default function ConfirmModal({ title, children, confirmLabel, busy = false, confirmDisabled = false, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <ModalImpl open title={title} className="confirm-modal" onClose={onCancel}>
      <h2>{title}</h2>
      {children}
      <div className="actions">
        {/* The focus starts here, so Enter alone does nothing destructive. */}
        <button type="button" className="secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm} disabled={busy || confirmDisabled}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </ModalImpl>
  );
}
