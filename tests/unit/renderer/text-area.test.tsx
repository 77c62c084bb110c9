// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TextArea } from '../../../renderer/src/forms/fields';

afterEach(cleanup);

const pause = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 150)));

/** A form whose value is set only when the test says so: the form lagging behind the typing. */
function LaggingForm({ control }: { control: { set?(v: string): void; sent: string[] } }) {
  const [value, setValue] = useState('');
  control.set = setValue;
  return <TextArea label="Notes" value={value} onChange={(v) => control.sent.push(v)} />;
}

describe('TextArea: typing is drawn at once, the form hears of it when typing pauses (issue 13.3)', () => {
  it('draws each keystroke at once and hands the text to the form after a pause', async () => {
    function Form({ seen }: { seen: string[] }) {
      const [value, setValue] = useState('start');
      seen.push(value);
      return <TextArea label="Notes" value={value} onChange={setValue} />;
    }
    const seen: string[] = [];
    render(<Form seen={seen} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    await act(async () => fireEvent.change(box, { target: { value: 'start a' } }));
    await act(async () => fireEvent.change(box, { target: { value: 'start ab' } }));
    expect(box.value).toBe('start ab');
    expect(seen.at(-1)).toBe('start');
    await pause();
    expect(seen.at(-1)).toBe('start ab');
    expect(seen).not.toContain('start a');
  });

  it('keeps what was typed while the form catches up, and takes a value set from elsewhere', async () => {
    const control: { set?(v: string): void; sent: string[] } = { sent: [] };
    render(<LaggingForm control={control} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    await act(async () => fireEvent.change(box, { target: { value: 'a' } }));
    await pause();
    await act(async () => fireEvent.change(box, { target: { value: 'ab' } }));
    await pause();
    expect(control.sent).toEqual(['a', 'ab']);
    // The form draws an older value it was handed: the newer typing stays.
    await act(async () => control.set!('a'));
    expect(box.value).toBe('ab');
    await act(async () => control.set!('ab'));
    expect(box.value).toBe('ab');
    // A value the text area never handed over (a reset, a restored draft) wins, even over typing not yet handed over.
    await act(async () => fireEvent.change(box, { target: { value: 'abc' } }));
    await act(async () => control.set!('from the record'));
    expect(box.value).toBe('from the record');
    await pause();
    expect(control.sent).toEqual(['a', 'ab']);
  });

  it('hands the form the text at once when the field is left, or goes away', async () => {
    const control: { set?(v: string): void; sent: string[] } = { sent: [] };
    const { unmount } = render(<LaggingForm control={control} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    await act(async () => fireEvent.change(box, { target: { value: 'typed' } }));
    await act(async () => fireEvent.blur(box));
    expect(control.sent).toEqual(['typed']);
    await pause();
    expect(control.sent).toEqual(['typed']);
    await act(async () => fireEvent.change(box, { target: { value: 'typed more' } }));
    unmount();
    expect(control.sent).toEqual(['typed', 'typed more']);
  });
});
