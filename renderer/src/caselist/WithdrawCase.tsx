import { useState } from 'react';
import { api } from '../api/client';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { roleMay } from '../../../shared/domain/roles';
import { formatInstant } from '../../../shared/format/index';
import { useSession } from '../state/session';
import { ConfirmDialog } from '../forms/ConfirmDialog';

/**
 * Withdraw a case opened by mistake: the reason is asked for and kept (a review entry, audited);
 * the case stays in the store, readable, and leaves the default case list. The main side decides
 * who may (shared/domain/workflow.ts, withdrawRefusal); the button only shows to roles that may.
 */
export function WithdrawCase({ assessment, onWithdrawn }: { assessment: Assessment; onWithdrawn(a: Assessment): void }) {
  const role = useSession((s) => s.status?.user?.role);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  if (assessment.status === 'withdrawn') {
    const entry = [...assessment.review.comments].reverse().find((c) => c.outcome === 'withdrawn');
    return (
      <div className="warn-box" role="note">
        <strong>This case was withdrawn</strong>
        {entry ? ` by ${entry.by} on ${formatInstant(entry.on)}: ${entry.text}` : '.'} It can be read, not changed.
      </div>
    );
  }
  if (!role || !roleMay.withdraw.includes(role) || assessment.signatures.length > 0) return null;

  async function confirm() {
    setBusy(true);
    const res = await api['assessments.withdraw']({ id: assessment.id, reason });
    setBusy(false);
    if (res.ok) {
      setOpen(false);
      onWithdrawn(res.value);
    } else setError(res.error);
  }

  return (
    <>
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Withdraw this case
      </button>
      <ConfirmDialog
        open={open}
        title={`Withdraw ${assessment.reference}?`}
        confirmLabel="Withdraw the case"
        busy={busy}
        confirmDisabled={reason.trim().length < 10}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setOpen(false);
          setError(undefined);
        }}
      >
        <p>Withdraw a case only when it was opened by mistake (a duplicate, or the wrong young person). It stays in the store and the audit log, and is hidden from the case list unless you filter for withdrawn cases.</p>
        <label htmlFor="withdraw-reason">Why is this case withdrawn?</label>
        <textarea
          id="withdraw-reason"
          autoComplete="off"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={error ? 'withdraw-error' : undefined}
          aria-invalid={error?.field === 'reason' ? true : undefined}
        />
        {error ? (
          <p id="withdraw-error" className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
