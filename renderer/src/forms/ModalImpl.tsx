import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import type { ModalDialogProps } from './ModalDialog';
import './forms.css';

/** The open dialog (see ModalDialog). */
export default function ModalImpl({ title, className, onClose, children }: ModalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => (open ? undefined : onClose())}>
      <Modal className={['modal', className].filter(Boolean).join(' ')}>
        <Dialog className="modal-body" aria-label={title}>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
