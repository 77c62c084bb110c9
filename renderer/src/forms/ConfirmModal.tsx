import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ConfirmDialogProps } from './ConfirmDialog';
import './forms.css';

/** The open confirmation (see ConfirmDialog): React Aria keeps the focus inside and Escape cancels. */
export default function ConfirmModal({ title, children, confirmLabel, busy = false, confirmDisabled = false, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <ModalOverlay className="confirm-modal-overlay" isOpen onOpenChange={(open) => (open ? undefined : onCancel())}>
      <Modal className="confirm-modal">
        <Dialog className="confirm-dialog-body">
          <Heading slot="title">{title}</Heading>
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
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
