/**
 * One part of an assessment as a form: react-hook-form holds what is typed, the shared zod schema
 * of that part (shared/domain/parts.ts, the same one the main side's channel parses) checks it
 * before it is sent, every change goes to the part's draft in the store (drafts/DraftProvider,
 * which debounces and saves it), and a valid form is saved through the part's own channel.
 *
 * An editor says only how its form starts (`defaults`) and how its values become the part's
 * fields (`toPart`); errors, from the schema or from the main side, are shown next to their field
 * by model path and listed in the page's error summary. See docs/decisions/ui-04-forms-layer.md.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, useForm, type DefaultValues, type FieldErrors, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { api } from '../api/client';
import { useDraftApi } from '../drafts/DraftContext';
import { useFormDraft } from '../drafts/useFormDraft';
import { useReportSaveError } from '../editors/SaveErrorContext';
import type { ApiError, OutputOf, Result } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { partChannelName, type PartContent, type PartName } from '../../../shared/domain/parts';
import { isPartOpen } from '../../../shared/domain/workflow';
import { allMessages, asApiError, splitProblems } from './errors';
import { partResolver } from './resolver';
import { SaveBar } from './SaveBar';
import { boundControls } from './bound';
import { BoundControlsContext } from './fields';

/** What every part save answers: the saved assessment and its safeguard check, in one round trip. */
export type SavedAssessment = OutputOf<'assessments.saveSessions'>;

/**
 * The draft's key for a form's values. A new key for a new shape: a draft typed into the old
 * hand-written editors (key `form`) is not read into these forms.
 */
const DRAFT_KEY = 'values';

export interface AssessmentFormOptions<F extends FieldValues, P extends PartName> {
  assessment: Assessment;
  part: P;
  /** The form's values from the saved assessment (a restored draft wins over them). */
  defaults(): F;
  /** The form's values as the part's fields, before the shared schema checks them. */
  toPart(values: F): Record<string, unknown>;
  /**
   * Checks the schema cannot make because they concern the form, not the record (a reason owed for
   * a safeguard answered "no"): `[form path, message]` pairs; any stops the save before the schema.
   */
  check?(values: F): Array<[string, string]>;
  onSaved(saved: SavedAssessment): void;
}

export interface AssessmentForm<F extends FieldValues, P extends PartName> {
  form: UseFormReturn<F, unknown, PartContent<P>>;
  onSubmit(e?: React.BaseSyntheticEvent): Promise<void>;
  saving: boolean;
  /** The last refusal, from the schema or the main side, as the save bar shows it. */
  error?: ApiError;
  /** False where nothing may be saved now (a signed case, a part not open yet). */
  open: boolean;
}

export function useAssessmentForm<F extends FieldValues, P extends PartName>({ assessment, part, defaults, toPart, check, onSaved }: AssessmentFormOptions<F, P>): AssessmentForm<F, P> {
  const draft = useDraftApi();
  const reportError = useReportSaveError();
  // The schema is built once per part; toPart may close over the assessment, so it is read fresh.
  const toPartRef = useRef(toPart);
  toPartRef.current = toPart;
  const checkRef = useRef(check);
  checkRef.current = check;
  const resolver = useMemo(
    () =>
      partResolver<F, P>(
        part,
        (v) => toPartRef.current(v),
        (v) => checkRef.current?.(v) ?? [],
      ),
    [part],
  );
  const [initial] = useState(() => (draft?.restored?.[DRAFT_KEY] as F | undefined) ?? defaults());
  const form = useForm<F, unknown, PartContent<P>>({
    defaultValues: initial as DefaultValues<F>,
    resolver,
    // Checked when saved (GOV.UK: errors are shown after "Save"), not on every keystroke.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    // The error summary takes the focus and links to each field.
    shouldFocusError: false,
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  useFormDraft(draft, DRAFT_KEY, form);

  function refused(e: ApiError | undefined) {
    setError(e);
    reportError?.(e);
  }

  async function save(content: PartContent<P>) {
    setSaving(true);
    const send = api[partChannelName(part)] as (input: unknown) => Promise<Result<SavedAssessment>>;
    const res = await send({ id: assessment.id, ...content });
    setSaving(false);
    if (!res.ok) {
      // The main side names its problems by model path, as the schema does: each goes to its field.
      for (const [path, text] of splitProblems(res.error.message)) form.setError((path || 'root.server') as never, { type: 'server', message: text });
      refused(res.error);
      return;
    }
    refused(undefined);
    // The main side discarded this part's draft with the save; nothing is pending here either.
    draft?.saved();
    onSaved(res.value);
  }

  const onSubmit = form.handleSubmit(save, (errors: FieldErrors<F>) => {
    // react-hook-form hands the errors to its fields after this callback: the summary is told a
    // moment later, once the messages are beside their fields (it links each problem to its field
    // through them).
    const problems = asApiError(allMessages(errors));
    setTimeout(() => refused(problems), 0);
  });
  return { form, onSubmit, saving, error, open: isPartOpen(assessment, part) };
}

/** The `<form>` of a part, its fields bound by name, and its save button. */
export function AssessmentFormView<F extends FieldValues, P extends PartName>({ f, label, saveLabel, children }: { f: AssessmentForm<F, P>; label: string; saveLabel?: string; children: ReactNode }) {
  return (
    <FormProvider {...(f.form as unknown as UseFormReturn<FieldValues>)}>
      <BoundControlsContext.Provider value={boundControls}>
        <form onSubmit={(e) => void f.onSubmit(e)} noValidate aria-label={label}>
          {/* A signed case's parts are read-only: a disabled fieldset disables every control inside,
              so nobody types into a case whose record is locked (corrections go by addendum). */}
          <fieldset className="form-lock" disabled={!f.open}>
            {children}
          </fieldset>
          <SaveBar saving={f.saving} error={f.error} label={saveLabel} disabled={!f.open} />
        </form>
      </BoundControlsContext.Provider>
    </FormProvider>
  );
}
