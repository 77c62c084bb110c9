/**
 * Asked when a move inside the app would leave a part whose draft could not be kept in the store
 * (DraftProvider's router blocker). A React Aria modal (forms/ModalDialog): the focus moves to
 * "Stay on this page" and stays inside, Escape stays, and the focus goes back to the link or
 * button that was pressed. It says exactly what is lost: the words typed since the last draft the
 * store kept, which stays there (as does the part as last saved) whatever is chosen.
 */
import { useEffect, useRef } from 'react';
import { ModalDialog } from '../forms/ModalDialog';
import { formatTime } from '../../../shared/format/dates';

export interface LeaveDialogProps {
  open: boolean;
  /** Why the draft was not kept, in plain words. */
  reason?: string;
  /** When the store last kept a draft of this part (ISO instant), if ever. */
  lastKept?: string;
  onStay(): void;
  onLeave(): void;
}

export const LEAVE_TITLE = 'Your changes are not saved';

export function LeaveDialog({ open, reason, lastKept, onStay, onLeave }: LeaveDialogProps) {
  // What had the focus when the move was asked for (the link or button pressed), read as the dialog
  // first draws, before it takes the focus. Given back once the dialog is gone (while it is open the
  // page behind is inert and cannot take it): the router's blocked move happens outside React Aria's
  // view, and its own restore leaves the focus on the page's body here.
  const opener = useRef<HTMLElement | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  if (open && !opener.current) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  useEffect(() => {
    if (open) return;
    const back = returnTo.current;
    opener.current = null;
    returnTo.current = null;
    if (!back) return;
    const timer = window.setTimeout(() => {
      if (back.isConnected && (document.activeElement === document.body || document.activeElement === null)) back.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [open]);
  const stay = () => {
    returnTo.current = opener.current;
    onStay();
  };
  return (
    <ModalDialog open={open} title={LEAVE_TITLE} className="confirm-modal" onClose={stay}>
      <h2>{LEAVE_TITLE}</h2>
      <p>
        Carefile could not keep a draft of what you typed on this page in the store{reason ? `: ${reason}` : '.'}
      </p>
      <p>
        {lastKept
          ? `If you leave now, what you typed after ${formatTime(lastKept)} is lost. The draft kept at ${formatTime(lastKept)} stays in the store, and this page opens with it next time.`
          : 'If you leave now, what you typed on this page is lost: no draft of it is in the store.'}{' '}
        If you stay, Carefile tries again to keep the draft.
      </p>
      <div className="actions">
        {/* The focus starts here: Enter or Escape alone loses nothing. */}
        <button type="button" onClick={stay} autoFocus>
          Stay on this page
        </button>
        <button type="button" className="secondary" onClick={onLeave}>
          Leave without saving
        </button>
      </div>
    </ModalDialog>
  );
}
