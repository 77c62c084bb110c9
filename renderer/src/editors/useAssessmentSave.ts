import { useState } from 'react';
import { api } from '../api/client';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';

/**
 * Saves a whole assessment through `assessments.put`: the main side validates it against the model,
 * audits it, and refuses changes to a signed one. Every editor saves through here, so an error is
 * always shown next to the form that caused it and nothing typed is lost (the form keeps its state).
 */
export function useAssessmentSave(onSaved: (a: Assessment) => void) {
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  async function save(next: Assessment): Promise<boolean> {
    setSaving(true);
    const res = await api['assessments.put']({ assessment: { ...next, updatedOn: new Date().toISOString() } });
    setSaving(false);
    if (!res.ok) {
      setError(res.error);
      return false;
    }
    setError(undefined);
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
