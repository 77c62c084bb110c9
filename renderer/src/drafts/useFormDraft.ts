import { useEffect } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { DraftApi } from './DraftContext';

/**
 * A react-hook-form form's values are its draft under `key`: reported once as they start, then on
 * every change; DraftProvider saves them to the store a second after typing stops. `watch`'s
 * callback runs outside React, so a keystroke renders nothing here.
 */
export function useFormDraft<F extends FieldValues>(draft: DraftApi | undefined, key: string, form: Pick<UseFormReturn<F, unknown, never>, 'getValues' | 'watch'>): void {
  const { getValues, watch } = form;
  useEffect(() => {
    if (!draft) return;
    draft.report(key, getValues(), true);
    const sub = watch((values) => draft.report(key, values, false));
    return () => sub.unsubscribe();
  }, [draft, key, getValues, watch]);
}
