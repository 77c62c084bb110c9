import { createContext, useContext } from 'react';
import type { ApiError } from '../../../shared/contract';

/** Where a part's save error goes besides its editor: the page's error summary (screens/PartPage.tsx). */
export const SaveErrorContext = createContext<((error: ApiError | undefined) => void) | undefined>(undefined);

export function useReportSaveError() {
  return useContext(SaveErrorContext);
}
