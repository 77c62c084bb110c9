/** Form parts shared by the analysis, minded-to and decision editors. */
import { useController } from 'react-hook-form';
import type { EvidenceItem, Session } from '../../../shared/domain/model';
import { formatInstant } from '../../../shared/format/dates';
import { evidenceKindLabels } from '../../../shared/format/labels';

/**
 * Checkboxes over the assessment's evidence items, by title and kind (so reliance on appearance is
 * visible), bound to a list of ids by `name`. An id whose item has left the record is shown, to be
 * unticked, rather than dropped without a word.
 */
export function EvidenceChecklist({ legend, evidence, name }: { legend: string; evidence: EvidenceItem[]; name: string }) {
  const { field } = useController({ name });
  const selected = (field.value as string[] | undefined) ?? [];
  const onChange = (ids: string[]) => field.onChange(ids);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {evidence.length === 0 ? <p className="hint">No evidence items are recorded yet: add them in the evidence part first.</p> : null}
      {evidence.map((e) => (
        <label key={e.id} className="checkbox">
          <input type="checkbox" checked={selected.includes(e.id)} onChange={(ev) => onChange(ev.target.checked ? [...selected, e.id] : selected.filter((id) => id !== e.id))} />
          {e.title} <span className="hint">({evidenceKindLabels[e.kind]})</span>
        </label>
      ))}
      {selected
        .filter((id) => !evidence.some((e) => e.id === id))
        .map((id) => (
          <label key={id} className="checkbox finding-warn">
            <input type="checkbox" checked onChange={() => onChange(selected.filter((s) => s !== id))} />
            An evidence item no longer in the record ({id}): untick to drop it
          </label>
        ))}
    </fieldset>
  );
}

/** Sessions as options, by date and time, in the order held ("Session 2: 14 October 2026, 10:15, Croydon"). */
export function sessionOptions(sessions: Session[], none: string): Array<[string, string]> {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return [['', none], ...sorted.map((s, i): [string, string] => [s.id, `Session ${i + 1}: ${formatInstant(s.start)}${s.place ? `, ${s.place}` : ''}`])];
}
