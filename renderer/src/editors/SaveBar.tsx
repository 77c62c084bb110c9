import type { ApiError } from '../../../shared/contract';

/** The save button, the error the main side gave (with the field it names), and a saved note. */
export function SaveBar({ saving, error, savedAt, label = 'Save', disabled }: { saving: boolean; error?: ApiError; savedAt?: Date; label?: string; disabled?: boolean }) {
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
        {savedAt && !error ? <span role="status">Saved at {savedAt.toLocaleTimeString('en-GB')}.</span> : null}
      </div>
    </>
  );
}
