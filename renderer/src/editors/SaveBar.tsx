import type { ApiError } from '../../../shared/contract';

/** The editor panel (editors/index.tsx) says when a save went through; this says when it did not. */
export function SaveBar({ saving, error, label = 'Save', disabled }: { saving: boolean; error?: ApiError; label?: string; disabled?: boolean }) {
  return (
    <>
      {error ? (
        <div role="alert" className="error-box">
          {/* The main side's message already starts with the field's path when it names one. */}
          {error.field && !error.message.startsWith(error.field) ? <strong>{error.field}: </strong> : null}
          {error.message}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={saving || disabled}>
          {saving ? 'Saving…' : label}
        </button>
      </div>
    </>
  );
}
