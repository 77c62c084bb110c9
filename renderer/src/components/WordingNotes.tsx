import { useMemo } from 'react';
import { checkWording, familyInfo } from '../../../shared/language/index';

/** Live wording feedback (AA-24, AA-32, AA-33), from the same checker the main side uses (well under a millisecond per keystroke). */
export function WordingNotes({ text }: { text: string }) {
  const findings = useMemo(() => checkWording(text), [text]);
  if (findings.length === 0) return null;
  return (
    <div className="wording-notes" aria-live="polite">
      {findings.map((f) => (
        <p key={`${f.start}-${f.entryId}`} className="finding-warn">
          <strong>
            {familyInfo[f.family].name} ({f.rule}): “{f.text}”
          </strong>{' '}
          Consider: {f.suggestion}. <span className="hint">{f.reason}</span>
        </p>
      ))}
    </div>
  );
}
