import type { ApiError } from '../../../shared/contract';
import { useContext } from 'react';
import { SavedAtContext } from '../editors/SaveErrorContext';
import { problemTexts } from './errors';

/** The save button of a form, with the refusal in plain words (the editor panel says when a save went through). */
export function SaveBar({ saving, error, label = 'Save', disabled }: { saving: boolean; error?: ApiError; label?: string; disabled?: boolean }) {
  const savedAt = useContext(SavedAtContext);
  return (
    <>
      {error ? (
        <div role="alert" className="error-box">
          {/* In plain words: the model paths fields are named by are left out (the summary at the top links to each field). */}
          {problemTexts(error).join(' ')}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={saving || disabled}>
          {saving ? 'Saving…' : label}
        </button>
        {/* Seen beside the button pressed; the status at the top of the part is what a screen reader announces. */}
        {savedAt && !saving && !error ? <span className="saved-note" aria-hidden="true">Your changes were saved at {savedAt}.</span> : null}
      </div>
    </>
  );
}
