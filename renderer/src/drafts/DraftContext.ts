import { createContext, useContext } from 'react';

/**
 * What a part's draft keeps: named pieces of a form's state (a react-hook-form form reports its
 * values under one key: forms/useAssessmentForm, screens/NewAssessmentScreen).
 */
export type DraftContent = Record<string, unknown>;

export interface DraftApi {
  /** The draft found when the part opened, if any (its pieces by name). */
  restored?: DraftContent;
  /** An editor's piece of form state changed (or, with `initial`, was first set). */
  report(key: string, value: unknown, initial: boolean): void;
  /** The part was saved: nothing is pending any more (the main side has discarded the draft). */
  saved(): void;
}

export const DraftContext = createContext<DraftApi | undefined>(undefined);

export function useDraftApi(): DraftApi | undefined {
  return useContext(DraftContext);
}
