import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { checkWording, familyInfo, type WordingFinding } from '../../../shared/language/index';

/** How long typing pauses before the notes catch up with it. */
export const SETTLE_MS = 150;

/**
 * Live wording feedback (AA-24, AA-32, AA-33), from the same checker the main side uses, for a
 * text held in React state (an unbound field: its text arrives with every keystroke).
 *
 * Kept off the typing path (issue 13.3): the text is checked when it is first shown, then again
 * once typing pauses for SETTLE_MS (in a transition), never per keystroke, so a keystroke in a
 * 5,000-word text costs no check at all; the checker itself re-matches only the sentences that
 * changed. A part form's text area does better still (bound.tsx, LiveWording): it hears of typing
 * outside React, so nothing is rendered per keystroke at all.
 */
export function WordingNotes({ text }: { text: string }) {
  const [checked, setChecked] = useState(text);
  useEffect(() => {
    if (checked === text) return;
    const timer = setTimeout(() => startTransition(() => setChecked(text)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, checked]);
  return <WordingFindings text={checked} />;
}

/**
 * The notes for a text already settled (checked as given). Each hint's key is its lexicon entry and
 * which occurrence of it this is, never its character offset, so typing near the start of a long
 * text does not remount every hint below; and a hint whose words did not change does not re-render.
 * The list is contained (styles.css, .wording-notes): redrawing the text area above it, or a
 * change inside it, never lays out the rest of the page, and hints out of sight are not drawn.
 */
export function WordingFindings({ text }: { text: string }) {
  const findings = useMemo(() => keyed(checkWording(text)), [text]);
  if (findings.length === 0) return null;
  return (
    <div className="wording-notes" aria-live="polite">
      {findings.map(([key, f]) => (
        <Hint key={key} family={f.family} rule={f.rule} text={f.text} suggestion={f.suggestion} reason={f.reason} />
      ))}
    </div>
  );
}

/** Stable keys: entry id and occurrence number (the 2nd "claims to be" stays the 2nd while text before it changes). */
export function keyed(findings: readonly WordingFinding[]): Array<[string, WordingFinding]> {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = (seen.get(f.entryId) ?? 0) + 1;
    seen.set(f.entryId, n);
    return [`${f.entryId}#${n}`, f];
  });
}

const Hint = memo(function Hint({ family, rule, text, suggestion, reason }: Pick<WordingFinding, 'family' | 'rule' | 'text' | 'suggestion' | 'reason'>) {
  return (
    <p className="finding-warn">
      <strong>
        {familyInfo[family].name} ({rule}): “{text}”
      </strong>{' '}
      Consider: {suggestion}. <span className="hint">{reason}</span>
    </p>
  );
});
