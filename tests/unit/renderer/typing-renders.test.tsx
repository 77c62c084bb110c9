// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { boundControls } from '../../../renderer/src/forms/bound';
import { BoundControlsContext, TextArea } from '../../../renderer/src/forms/fields';

afterEach(cleanup);

const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
const HINT = 'He claims to be 16.';

/** React commits under the Profiler: a keystroke that renders anything shows here. */
function Counted({ commits, children }: { commits: { n: number }; children: ReactNode }) {
  return (
    <Profiler id="typing" onRender={() => commits.n++}>
      {children}
    </Profiler>
  );
}

function PartForm() {
  const form = useForm<{ analysis: string }>({ defaultValues: { analysis: 'The account was consistent.' } });
  return (
    <FormProvider {...form}>
      <BoundControlsContext.Provider value={boundControls}>
        <TextArea label="Analysis" name="analysis" wording />
      </BoundControlsContext.Provider>
    </FormProvider>
  );
}

describe('a keystroke renders nothing in React; the wording notes follow the pause (issue 13.3, ui-03)', () => {
  it('a part form’s text area with wording notes', async () => {
    const commits = { n: 0 };
    render(
      <Counted commits={commits}>
        <PartForm />
      </Counted>,
    );
    const box = screen.getByLabelText<HTMLTextAreaElement>('Analysis');
    const before = commits.n;
    for (const typed of ['The account was consistent. H', 'The account was consistent. He claims', `The account was consistent. ${HINT}`]) {
      await act(async () => fireEvent.input(box, { target: { value: typed } }));
    }
    expect(commits.n).toBe(before);
    expect(document.querySelectorAll('.finding-warn')).toHaveLength(0);
    await pause(250);
    expect(commits.n).toBeGreaterThan(before);
    expect(document.querySelector('.finding-warn')?.textContent).toContain('claims to be');
  });

  it('an unbound text area (its form hears of the text when typing pauses)', async () => {
    const commits = { n: 0 };
    function Form() {
      const [value, setValue] = useState('');
      return <TextArea label="Notes" value={value} onChange={setValue} />;
    }
    render(
      <Counted commits={commits}>
        <Form />
      </Counted>,
    );
    const box = screen.getByLabelText<HTMLTextAreaElement>('Notes');
    const before = commits.n;
    await act(async () => fireEvent.change(box, { target: { value: 'a' } }));
    await act(async () => fireEvent.change(box, { target: { value: 'ab' } }));
    expect(commits.n).toBe(before);
    expect(box.value).toBe('ab');
    await pause(150);
    expect(commits.n).toBeGreaterThan(before);
  });
});
