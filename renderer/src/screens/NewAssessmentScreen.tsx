import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import { CodeField } from '../forms/CodeField';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ApiError, InputOf } from '../../../shared/contract';
import { solarHijriNamesFor } from '../../../shared/format/dates';
import { DateAsToldInput, emptyDateAsTold, toDateAsTold } from '../forms/DateAsToldInput';
import { DraftProvider } from '../drafts/DraftProvider';
import { useDraftApi, useDraftState } from '../drafts/DraftContext';
import { useSession } from '../state/session';

function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function optionalInt(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** Initial presentation: the young person as they present themselves, and why their stated age is doubted. */
export function NewAssessmentScreen() {
  // What is typed here is kept as a draft in the store too (assessment `new`, part `create`).
  return (
    <DraftProvider assessmentId="new" part="create">
      <NewAssessmentForm />
    </DraftProvider>
  );
}

function NewAssessmentForm() {
  const draft = useDraftApi();
  const go = useSession((s) => s.go);
  const [f, setF] = useDraftState('form', () => ({ reference: '', nameLatin: '', nameOwnScript: '', statedAge: '', dob: emptyDateAsTold(), nationality: '', nationalityCode: undefined as string | undefined, language: '', languageCode: undefined as string | undefined, arrival: '', route: 'council' as 'council' | 'naab-referral', reasonForDoubt: '' }));
  const [error, setError] = useState<ApiError>();
  const set = (k: Exclude<keyof typeof f, 'dob'>) => (v: string | undefined) => setF((old) => ({ ...old, [k]: v }));
  const fieldError = (name: string) => (error?.field === name || error?.field?.startsWith(`${name}.`) ? error.message : undefined);
  const shownHere = ['reference', 'nameLatin', 'nameOwnScript', 'statedAge', 'statedDob', 'nationalityCode', 'languageCode', 'reasonForDoubt'];

  const input = useMemo((): InputOf<'assessments.create'> => ({
    reference: f.reference,
    nameLatin: f.nameLatin,
    nameOwnScript: f.nameOwnScript || undefined,
    statedAge: optionalInt(f.statedAge),
    statedDob: toDateAsTold(f.dob),
    nationality: f.nationality || undefined,
    nationalityCode: f.nationalityCode,
    language: f.language || undefined,
    languageCode: f.languageCode,
    arrivalInUk: toInstant(f.arrival),
    route: f.route,
    reasonForDoubt: f.reasonForDoubt || undefined,
  }), [f]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await api['assessments.create'](input);
    if (res.ok) {
      // The form's draft has become the case; nothing to restore next time.
      draft?.saved();
      await api['drafts.discard']({ assessmentId: 'new', part: 'create' });
      go({ name: 'assessment', id: res.value.id });
    }
    else setError(res.error);
  }

  return (
    <section className="panel" aria-labelledby="new-title">
      <h1 id="new-title">New assessment: initial presentation</h1>
      <p className="presumption">Until a lawful decision, the young person is treated as the age they state, and accommodated as a child.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Council reference" value={f.reference} onChange={set('reference')} required error={fieldError('reference')} />
        <TextField label="Name, as the young person says it (Latin alphabet)" value={f.nameLatin} onChange={set('nameLatin')} required error={fieldError('nameLatin')} />
        <TextField label="Name in their own script" value={f.nameOwnScript} onChange={set('nameOwnScript')} dir="auto" hint="Arabic, Ge'ez, or any script they write their name in." error={fieldError('nameOwnScript')} />
        <TextField label="Stated age" type="number" value={f.statedAge} onChange={set('statedAge')} error={fieldError('statedAge')} />
        <DateAsToldInput
          legend="Stated date of birth, in the calendar they gave it"
          hint="Give it as they did: the year alone, or the month and year, is fine; the Gregorian date or range is shown as you type."
          value={f.dob}
          onChange={(dob) => setF((old) => ({ ...old, dob }))}
          names={solarHijriNamesFor(f.nationality || f.nationalityCode)}
          error={fieldError('statedDob')}
        />
        <TextField label="Nationality, as they say it" value={f.nationality} onChange={set('nationality')} />
        <CodeField kind="country" label="Nationality (ISO 3166 country)" code={f.nationalityCode} onChange={set('nationalityCode')} hint="Type to search, e.g. Eritrea or ER." error={fieldError('nationalityCode')} />
        <TextField label="First language (and dialect), as they say it" value={f.language} onChange={set('language')} />
        <CodeField kind="language" label="First language (ISO 639-3)" code={f.languageCode} onChange={set('languageCode')} hint="Type to search, e.g. Tigrinya or tir." error={fieldError('languageCode')} />
        <TextField label="Arrival in the UK" type="datetime-local" value={f.arrival} onChange={set('arrival')} hint="Interviews are not held on the day of arrival or while the young person is exhausted." />
        <div className="field">
          <label htmlFor="route">Route</label>
          <select id="route" value={f.route} onChange={(e) => set('route')(e.target.value)}>
            <option value="council">The council assesses</option>
            <option value="naab-referral">Referral to the National Age Assessment Board</option>
          </select>
        </div>
        <TextArea label="Why is the stated age doubted?" value={f.reasonForDoubt} onChange={set('reasonForDoubt')} hint="Give the evidence beyond appearance. Appearance alone is not a reason to assess." error={fieldError('reasonForDoubt')}>
          <WordingNotes text={f.reasonForDoubt} />
        </TextArea>
        {/* Errors for a field shown on this form appear beside it; any other (route, arrival...) appears here. */}
        <ErrorAlert error={error && !shownHere.some((f) => error.field === f || error.field?.startsWith(`${f}.`)) ? error : undefined} />
        <div className="actions">
          <button type="submit">Start the assessment</button>
          <button type="button" className="secondary" onClick={() => go({ name: 'assessments' })}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
