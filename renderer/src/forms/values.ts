/** Conversions between the model's values and what a form's inputs hold. */

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
