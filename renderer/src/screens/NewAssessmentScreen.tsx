/**
 * The new-assessment form on the forms layer (docs/decisions/ui-04-forms-layer.md): react-hook-form
 * holds what is typed, the shared schema of `assessments.create` (NewAssessmentInput, the one the
 * main side's channel parses) checks it with the same plain-words messages, the error summary at
 * the top links to each field, and every change is a draft in the store (assessment `new`, part
 * `create`), restored on reload.
 */
import { useMemo, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { api } from '../api/client';
import { TextField, TextArea, SelectField, BoundControlsContext } from '../forms/fields';
import { boundControls } from '../forms/bound';
import { CodeField } from '../forms/CodeField';
import { ErrorSummary } from '../forms/ErrorSummary';
import { allMessages, asApiError, splitProblems } from '../forms/errors';
import type { ApiError } from '../../../shared/contract';
import { solarHijriNamesFor } from '../../../shared/format/dates';
import { DateAsToldInput } from '../forms/DateAsToldInput';
import { blankNewAssessment, DRAFT_KEY, newAssessmentResolver, type CreateInput, type NewAssessmentValues as Form } from './newAssessmentForm';
import { DraftProvider } from '../drafts/DraftProvider';
import { useDraftApi } from '../drafts/DraftContext';
import { useFormDraft } from '../drafts/useFormDraft';
import { useSession } from '../state/session';

/** Initial presentation: the young person as they present themselves, and why their stated age is doubted. */
export function NewAssessmentScreen() {
  return (
    <DraftProvider assessmentId="new" part="create">
      <NewAssessmentForm />
    </DraftProvider>
  );
}

function NewAssessmentForm() {
  const draft = useDraftApi();
  const go = useSession((s) => s.go);
  const resolver = useMemo(() => newAssessmentResolver(), []);
  const [initial] = useState(() => ({ ...blankNewAssessment(), ...(draft?.restored?.[DRAFT_KEY] as Partial<Form> | undefined) }));
  const form = useForm<Form, unknown, CreateInput>({
    defaultValues: initial,
    resolver,
    // GOV.UK: errors are shown when the form is sent, not while it is typed.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    // The error summary takes the focus and links to each field.
    shouldFocusError: false,
  });
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  useFormDraft(draft, DRAFT_KEY, form);

  async function create(input: CreateInput) {
    setSaving(true);
    const res = await api['assessments.create'](input);
    setSaving(false);
    if (!res.ok) {
      // The main side names its problems by model path, as the schema does: each goes to its field
      // (a refusal about one field, such as a reference already used, names it in `field`).
      for (const [path, text] of splitProblems(res.error.message)) form.setError((path || res.error.field || 'root.server') as never, { type: 'server', message: text });
      setError(res.error);
      return;
    }
    setError(undefined);
    // The form's draft has become the case; nothing to restore next time.
    draft?.saved();
    await api['drafts.discard']({ assessmentId: 'new', part: 'create' });
    go({ name: 'assessment', id: res.value.id });
  }

  const onSubmit = form.handleSubmit(create, (errors: FieldErrors<Form>) => {
    // Told once react-hook-form has put each message beside its field (the summary links through them).
    const problems = asApiError(allMessages(errors));
    setTimeout(() => setError(problems), 0);
  });

  return (
    <section className="panel" aria-labelledby="new-title" id="new-assessment">
      <ErrorSummary error={error} scopeId="new-assessment" />
      <h1 id="new-title">New assessment: initial presentation</h1>
      <p className="presumption">Until a lawful decision, the young person is treated as the age they state, and accommodated as a child.</p>
      <FormProvider {...form}>
        <BoundControlsContext.Provider value={boundControls}>
          <form onSubmit={(e) => void onSubmit(e)} noValidate autoComplete="off" aria-labelledby="new-title">
            <TextField label="Council reference" name="reference" required />
            <TextField label="Name, as the young person says it (Latin alphabet)" name="nameLatin" required />
            <TextField label="Name in their own script" name="nameOwnScript" dir="auto" hint="Arabic, Ge'ez, or any script they write their name in." />
            <TextField label="Stated age" type="number" name="statedAge" />
            <DateOfBirth />
            <TextField label="Nationality, as they say it" name="nationality" />
            <CodeField kind="country" label="Nationality (ISO 3166 country)" name="nationalityCode" hint="Type to search, e.g. Eritrea or ER." />
            <TextField label="First language (and dialect), as they say it" name="language" />
            <CodeField kind="language" label="First language (ISO 639-3)" name="languageCode" hint="Type to search, e.g. Tigrinya or tir." />
            <TextField label="Arrival in the UK" type="datetime-local" name="arrival" errorPath="arrivalInUk" hint="Interviews are not held on the day of arrival or while the young person is exhausted." />
            <SelectField
              label="Route"
              name="route"
              options={[
                ['council', 'The council assesses'],
                ['naab-referral', 'Referral to the National Age Assessment Board'],
              ]}
            />
            <TextArea label="Why is the stated age doubted?" name="reasonForDoubt" hint="Give the evidence beyond appearance. Appearance alone is not a reason to assess." wording />
            <div className="actions">
              <button type="submit" disabled={saving}>
                {saving ? 'Starting…' : 'Start the assessment'}
              </button>
              <button type="button" className="secondary" onClick={() => go({ name: 'assessments' })}>
                Cancel
              </button>
            </div>
          </form>
        </BoundControlsContext.Provider>
      </FormProvider>
    </section>
  );
}

/** The Solar Hijri month names follow the nationality as it is typed (Afghan or Iranian names). */
function DateOfBirth() {
  const [nationality, code] = useWatch<Form, ['nationality', 'nationalityCode']>({ name: ['nationality', 'nationalityCode'] });
  return (
    <DateAsToldInput
      legend="Stated date of birth, in the calendar they gave it"
      hint="Give it as they did: the year alone, or the month and year, is fine; the Gregorian date or range is shown as you type."
      name="dob"
      errorPath="statedDob"
      names={solarHijriNamesFor(nationality || code)}
    />
  );
}
