/**
 * The GOV.UK error summary: at the top of the page, focused when it appears, one link per problem
 * that moves to the field it concerns. A problem is matched to its field through the message shown
 * next to that field (FieldFrame's `.field-error`, tied to its control by aria-describedby), so the
 * summary needs no knowledge of each editor's ids. The main side names fields by model path
 * (`youngPerson.nameLatin: …`); the summary shows the field's own label instead.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/contract';
import { problemTexts } from './errors';

interface Problem {
  text: string;
  control?: HTMLElement;
}

function findControl(scope: ParentNode, text: string): HTMLElement | undefined {
  for (const el of scope.querySelectorAll<HTMLElement>('.field-error')) {
    if (!el.id || !(el.textContent ?? '').includes(text)) continue;
    const control = scope.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(el.id)}"]`);
    if (control) return control;
  }
  return undefined;
}

function labelOf(control: HTMLElement): string {
  const id = control.id;
  const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return (label?.textContent ?? '').trim();
}

export function ErrorSummary({ error, scopeId }: { error?: ApiError; scopeId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  useEffect(() => {
    if (!error) {
      setProblems([]);
      return;
    }
    // After the editor has drawn the messages next to its fields.
    const scope = document.getElementById(scopeId) ?? document;
    setProblems(problemTexts(error).map((text) => ({ text, control: findControl(scope, text) })));
  }, [error, scopeId]);
  // Focused once it is drawn (it is not there yet when the problems are first set), which also
  // scrolls it into view: a refused save at the foot of a long part shows its summary at once.
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);

  if (!error || problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {problems.map((p, i) => {
          const label = p.control ? labelOf(p.control) : '';
          const text = label && !p.text.startsWith(label) ? `${label}: ${p.text}` : p.text;
          return (
            <li key={`${i}-${p.text}`}>
              {p.control ? (
                <a
                  href={`#${p.control.id}`}
                  onClick={(e) => {
                    // An in-page move, not a route: the hash router must not see it.
                    e.preventDefault();
                    p.control?.scrollIntoView({ block: 'center' });
                    p.control?.focus();
                  }}
                >
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
