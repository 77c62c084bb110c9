/**
 * A searchable list for an ISO code (issue #9): a React Aria combobox (CodeCombo.tsx), loaded when
 * a code field is first shown so the first screen does not carry it. Typing a code or a full entry
 * ("AF", "Afghanistan (AF)") is as good as choosing it; text that matches no entry gives no code:
 * the words as told, in their own field, stay the record. Bound to a part form by `name`, or given
 * `code` and `onChange`.
 */
import { lazy, Suspense, useContext, type ReactNode } from 'react';
import { BoundControlsContext, need } from './fields';

export interface CodeCommon {
  kind: 'country' | 'language';
  label: string;
  hint?: ReactNode;
}

export interface CodeBoxProps extends CodeCommon {
  code: string | undefined;
  /** The chosen code, or undefined while the text matches no entry. */
  onChange(code: string | undefined): void;
  error?: string;
}

const CodeCombo = lazy(() => import('./CodeCombo'));

export function CodeField(props: CodeCommon & ({ name: string; errorPath?: string; code?: never; onChange?: never; error?: never } | ({ name?: undefined; errorPath?: never } & CodeBoxProps))) {
  const bound = useContext(BoundControlsContext);
  if (props.name !== undefined) {
    const Code = need(bound).Code;
    return <Code {...props} />;
  }
  return <CodeBox {...props} />;
}

export function CodeBox(props: CodeBoxProps) {
  return (
    // Until it is loaded the field is not there at all, so nothing can be typed into a stand-in and lost.
    <Suspense fallback={<p className="field hint">{props.label}: loading the list…</p>}>
      <CodeCombo {...props} />
    </Suspense>
  );
}
