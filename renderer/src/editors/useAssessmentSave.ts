import { useState } from 'react';
import { api } from '../api/client';
import { useDraftApi } from '../drafts/DraftContext';
import { useReportSaveError } from './SaveErrorContext';
import type { ApiError, OutputOf, Result } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { partChannelName, readPart, type PartName } from '../../../shared/domain/parts';

/** What every part save answers: the saved assessment and its safeguard check, in one round trip. */
export type SavedAssessment = OutputOf<'assessments.saveSessions'>;

/**
 * Saves one part of an assessment through its own channel (`assessments.save<Part>`): the main
 * side validates it, refuses it when the signed-in person may not change it now (a signed
 * assessment, a role that does not assess), audits it, and answers with the saved assessment and
 * its safeguard check. Editors work on a draft of the whole assessment and hand it here; only the
 * fields of their part are sent (shared/domain/parts.ts). An error is shown next to the form that
 * caused it and nothing typed is lost (the form keeps its state).
 */
export function useAssessmentSave(part: PartName, onSaved: (saved: SavedAssessment) => void) {
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const draft = useDraftApi();
  const report = useReportSaveError();

  async function save(next: Assessment): Promise<boolean> {
    setSaving(true);
    const send = api[partChannelName(part)] as (input: unknown) => Promise<Result<SavedAssessment>>;
    const res = await send({ id: next.id, ...readPart(next, part) });
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      report?.(res.error);
      return false;
    }
    setError(undefined);
    report?.(undefined);
    // The main side discarded this part's draft with the save; nothing is pending here either.
    draft?.saved();
    onSaved(res.value);
    return true;
  }

  return { save, error, saving };
}
/** A new id for an entity inside an assessment (sessions, evidence items, ...). */
export function newId(): string {
  return crypto.randomUUID();
}

/** `datetime-local` value → ISO instant with offset (the model's IsoInstant), or undefined. */
export function instantFromLocal(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** ISO instant → `datetime-local` value in this computer's time zone. */
export function localFromInstant(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
