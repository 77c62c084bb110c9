import { createContext, useContext, useEffect, useRef, useState } from 'react';

/** What a part's draft keeps: named pieces of an editor's form state (see useDraftState). */
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

/**
 * `useState` for an editor's form state, kept as a draft in the store while it is typed: starts
 * from the restored draft when there is one (under the same `key`), else from `init`, and reports
 * each change to the part's DraftProvider, which saves it a second after typing stops. Outside a
 * DraftProvider it is plain `useState`.
 *
 * The key names the shape: change it when the shape of the state changes, so an old draft is not
 * read into a new form.
 */
export function useDraftState<T>(key: string, init: () => T): [T, React.Dispatch<React.SetStateAction<T>>] {
  const api = useDraftApi();
  const [value, setValue] = useState<T>(() => {
    const restored = api?.restored?.[key];
    return restored !== undefined ? (restored as T) : init();
  });
  const first = useRef(true);
  useEffect(() => {
    api?.report(key, value, first.current);
    first.current = false;
  }, [api, key, value]);
  return [value, setValue];
}
