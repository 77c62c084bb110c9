// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TextArea } from '../../../renderer/src/forms/fields';

afterEach(cleanup);

/** A form whose value is set only when the test says so: the form lagging behind the typing. */
function LaggingForm({ control }: { control: { set?(v: string): void; sent: string[] } }) {
  const [value, setValue] = useState('');
  control.set = setValue;
  return <TextArea label="Notes" value={value} onChange={(v) => control.sent.push(v)} />;
}

describe('TextArea: typing is drawn at once, the form hears of it in a transition (issue 13.3)', () => {
  it('hands each typed value to the form', async () => {
    function Form({ seen }: { seen: string[] }) {
      const [value, setValue] = useState('start');
      seen.push(value);
      return <TextArea label="Notes" value={value} onChange={setValue} />;
    }
    const seen: string[] = [];
    render(<Form seen={seen} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    await act(async () => fireEvent.change(box, { target: { value: 'start a' } }));
    expect(box.value).toBe('start a');
    expect(seen.at(-1)).toBe('start a');
  });

  it('keeps what was typed while the form catches up, and takes a value set from elsewhere', async () => {
    const control: { set?(v: string): void; sent: string[] } = { sent: [] };
    render(<LaggingForm control={control} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    await act(async () => fireEvent.change(box, { target: { value: 'a' } }));
    await act(async () => fireEvent.change(box, { target: { value: 'ab' } }));
    expect(control.sent).toEqual(['a', 'ab']);
    // The form draws an older value it was handed: the newer typing stays.
    await act(async () => control.set!('a'));
    expect(box.value).toBe('ab');
    await act(async () => control.set!('ab'));
    expect(box.value).toBe('ab');
    // A value the text area never handed over (a reset, a restored draft) wins.
    await act(async () => control.set!('from the record'));
    expect(box.value).toBe('from the record');
  });

  it('hands the form the text when the field is left, if it has not drawn it yet', async () => {
    const control: { set?(v: string): void; sent: string[] } = { sent: [] };
    render(<LaggingForm control={control} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    await act(async () => fireEvent.change(box, { target: { value: 'typed' } }));
    await act(async () => fireEvent.blur(box));
    expect(control.sent).toEqual(['typed', 'typed']);
  });
});
