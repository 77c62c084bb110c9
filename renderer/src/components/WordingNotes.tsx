import { useMemo } from 'react';
import { checkWording } from '../../../shared/language/index';

const categoryNames: Record<string, string> = {
  'victim-blaming': 'Victim-blaming',
  'doubt-laden': 'Doubt-laden',
  'burden-shifting': 'Puts a burden on the young person',
};

/** Live wording feedback (AA-24, AA-32, AA-33), from the same checker the main side uses. */
export function WordingNotes({ text }: { text: string }) {
  const findings = useMemo(() => checkWording(text), [text]);
  if (findings.length === 0) return null;
  return (
    <div className="wording-notes" aria-live="polite">
      {findings.map((f) => (
        <p key={`${f.start}-${f.entryId}`} className="finding-warn">
          <strong>
            {categoryNames[f.category] ?? f.category} ({f.rule}): “{f.text}”
          </strong>{' '}
          Consider: {f.suggestion}. <span className="hint">{f.reason}</span>
        </p>
      ))}
    </div>
  );
}
