/**
 * A modal dialog on React Aria's Modal and Dialog (ModalImpl.tsx): focus moves into it and stays
 * there, Escape closes it, and the page behind is hidden from assistive technology. Loaded when
 * first opened, so the screens that offer one do not carry it until then.
 */
import { lazy, Suspense, type ReactNode } from 'react';

export interface ModalDialogProps {
  open: boolean;
  /** The dialog's accessible name (its heading's words). */
  title: string;
  /** Class of the dialog box (its size). */
  className?: string;
  onClose(): void;
  children: ReactNode;
}

const ModalImpl = lazy(() => import('./ModalImpl'));

export function ModalDialog(props: ModalDialogProps) {
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <ModalImpl {...props} />
    </Suspense>
  );
}
