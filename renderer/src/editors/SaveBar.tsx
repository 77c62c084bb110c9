import type { ApiError } from '../../../shared/contract';
import { problemTexts } from '../components/ErrorSummary';

/** The editor panel (editors/index.tsx) says when a save went through; this says when it did not. */
export function SaveBar({ saving, error, label = 'Save', disabled }: { saving: boolean; error?: ApiError; label?: string; disabled?: boolean }) {
  return (
    <>
      {error ? (
        <div role="alert" className="error-box">
          {/* In plain words: the model paths the main side names fields by are left out (the summary at the top links to each field). */}
          {problemTexts(error).join(' ')}
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
