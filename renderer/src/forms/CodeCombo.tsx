/**
 * The React Aria combobox behind CodeField (see there): a labelled text input with a list of
 * suggestions that the keyboard and screen readers know how to use. The list holds only the
 * entries matching what is typed (at most 40), not all ~7,000 languages, to keep the page light.
 */
import { useMemo, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
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
import type { CodeBoxProps } from './CodeField';
import './forms.css';

const kinds = {
  country: { options: countryOptions, label: countryLabel, read: countryCodeFromPicker },
  language: { options: languageOptions, label: languageLabel, read: languageCodeFromPicker },
} as const;

const MAX_SUGGESTIONS = 40;

export function suggestions(options: readonly CodeOption[], text: string): CodeOption[] {
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

/** The combobox itself, loaded with the first code field shown (CodeField.tsx). */
export default function CodeCombo({ kind, label, hint, code, onChange, error }: CodeBoxProps) {
  const k = kinds[kind];
  const [text, setText] = useState(() => k.label(code));
  const items = useMemo(() => suggestions(k.options, text).map((o) => ({ id: o.code, text: optionLabel(o) })), [k, text]);
  const unmatched = text.trim() !== '' && k.read(text) === undefined;
  return (
    <ComboBox
      className="field code-field"
      items={items}
      inputValue={text}
      onInputChange={(t) => {
        setText(t);
        onChange(k.read(t));
      }}
      // Free text is kept as typed (the code is read from it); choosing an entry fills it in.
      allowsCustomValue
      menuTrigger="input"
      isInvalid={error ? true : undefined}
    >
      <Label>{label}</Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
      <Input />
      {unmatched ? <p className="hint">Not in the list: choose one of the suggestions, or leave it empty (the words as told are kept).</p> : null}
      {error ? (
        <Text slot="errorMessage" className="field-error" role="alert">
          {error}
        </Text>
      ) : null}
      <Popover className="code-field-popover" placement="bottom start">
        <ListBox className="code-field-list">
          {(item: { id: string; text: string }) => (
            <ListBoxItem id={item.id} textValue={item.text} className="code-field-option">
              {item.text}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
