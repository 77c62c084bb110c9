import { createContext, useContext } from 'react';
import type { ApiError } from '../../../shared/contract';

/** Where a part's save error goes besides its editor: the page's error summary (screens/PartPage.tsx). */
export const SaveErrorContext = createContext<((error: ApiError | undefined) => void) | undefined>(undefined);

export function useReportSaveError() {
  return useContext(SaveErrorContext);
}

/**
 * When the part on screen was last saved (editors/index.tsx), for the note beside the Save button:
 * the editor is remounted with each saved version, so it cannot keep this itself, and the note at
 * the top of a long part is out of sight of the button that was pressed.
 */
export const SavedAtContext = createContext<string | undefined>(undefined);
