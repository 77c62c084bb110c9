/**
 * A modal confirmation for a destructive action. The dialog itself is React Aria's Modal and Dialog
 * (ConfirmModal.tsx): focus moves into it and stays there, Escape cancels, the page behind is
 * hidden from assistive technology and does not scroll. The action button says what it does
 * ("Remove Olu Bankole"), never just "OK"; Cancel has the focus first, so a stray Enter does no
 * harm. It is loaded when first opened, so the app's first screen does not carry it.
 */
import { lazy, Suspense, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

const ConfirmModal = lazy(() => import('./ConfirmModal'));

export function ConfirmDialog(props: ConfirmDialogProps) {
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmModal {...props} />
    </Suspense>
  );
}
