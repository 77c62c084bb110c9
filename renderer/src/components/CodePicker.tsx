/**
 * A searchable list for an ISO code (issue #9): a native text input tied to a <datalist>, so it
 * is a labelled textbox to assistive technology and needs no custom widget. The list holds only
 * the entries matching what is typed (at most 40), not all ~7,000 languages, to keep the page light.
 * Text that matches no entry gives no code: the words as told, in their own field, stay the record.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import {
  countryCodeFromPicker,
  countryLabel,
  countryOptions,
  languageCodeFromPicker,
  languageLabel,
  languageOptions,
  optionLabel,
  type CodeOption,
} from '../../../shared/domain/identity';
import { FieldFrame } from './Field';

const kinds = {
  country: { options: countryOptions, label: countryLabel, read: countryCodeFromPicker },
  language: { options: languageOptions, label: languageLabel, read: languageCodeFromPicker },
} as const;

const MAX_SUGGESTIONS = 40;

function suggestions(options: readonly CodeOption[], text: string): CodeOption[] {
  const q = text.trim().toLowerCase();
  if (q.length < 2) return [];
  const starts: CodeOption[] = [];
  const contains: CodeOption[] = [];
  for (const o of options) {
    const name = o.name.toLowerCase();
    if (o.code.toLowerCase() === q || name.startsWith(q)) starts.push(o);
    else if (name.includes(q)) contains.push(o);
    if (starts.length >= MAX_SUGGESTIONS) break;
  }
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}

export function CodeField({ kind, label, code, onChange, hint, error }: {
  kind: keyof typeof kinds;
  label: string;
  code: string | undefined;
  /** The chosen code, or undefined while the text matches no entry. */
  onChange(code: string | undefined): void;
  hint?: ReactNode;
  error?: string;
}) {
  const k = kinds[kind];
  const listId = useId();
  const [text, setText] = useState(() => k.label(code));
  const list = useMemo(() => suggestions(k.options, text), [k, text]);
  const unmatched = text.trim() !== '' && k.read(text) === undefined;
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      after={unmatched ? <p className="hint">Not in the list: choose one of the suggestions, or leave it empty (the words as told are kept).</p> : null}
    >
      {({ id, describedBy, invalid }) => (
        <>
          <input
            id={id}
            type="text"
            list={listId}
            autoComplete="off"
            value={text}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => {
              setText(e.target.value);
              onChange(k.read(e.target.value));
            }}
          />
          <datalist id={listId}>
            {list.map((o) => (
              <option key={o.code} value={optionLabel(o)} />
            ))}
          </datalist>
        </>
      )}
    </FieldFrame>
  );
}
