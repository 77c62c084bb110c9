import { type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import { CodeField } from '../forms/CodeField';
import { languageName } from '../../../shared/domain/identity';
import { CheckField, SelectField } from '../forms/fields';
import { errorAt } from '../forms/errors';
import { DateAsToldInput, dateAsToldValue, toDateAsTold } from '../forms/DateAsToldInput';
import { solarHijriNamesFor } from '../../../shared/format/dates';
import { label } from '../../../shared/format/labels';
import type { Assessment } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { instantFromLocal, localFromInstant, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

/** Initial presentation: who the young person is, as they present themselves, and why their age is doubted. */
export function YoungPersonEditor({ assessment, onSaved }: EditorProps) {
  const yp = assessment.youngPerson;
  const first = yp.languages.find((l) => l.firstLanguage);
  const [f, setF] = useDraftState('form', () => ({
    nameLatin: yp.nameLatin,
    nameOwnScript: yp.nameOwnScript ?? '',
    statedAge: yp.statedAge === undefined ? '' : String(yp.statedAge),
    dob: dateAsToldValue(yp.statedDateOfBirth),
    route: assessment.route.kind,
    gender: yp.gender ?? '',
    nationality: yp.nationality ?? '',
    nationalityCode: yp.nationalityCode,
    language: first?.language ?? '',
    languageCode: first?.code,
    dialect: first?.dialect ?? '',
    dialectCode: first?.dialectCode,
    doubtEvidenceIds: assessment.reasonForDoubt?.evidenceIds ?? [],
    arrival: localFromInstant(yp.arrivalInUk),
    firstContact: localFromInstant(yp.firstContact),
    reason: assessment.reasonForDoubt?.text ?? '',
    requestedBy: assessment.reasonForDoubt?.requestedBy ?? '',
  }));
  const set =
    <K extends keyof typeof f>(k: K) =>
    (v: (typeof f)[K]) =>
      setF((old) => ({ ...old, [k]: v }));
  const toggleDoubtEvidence = (id: string) => (on: boolean) =>
    setF((old) => ({ ...old, doubtEvidenceIds: on ? [...old.doubtEvidenceIds, id] : old.doubtEvidenceIds.filter((x) => x !== id) }));
  const { save, error, saving } = useAssessmentSave('youngPerson', onSaved);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Assessment = {
      ...assessment,
      youngPerson: {
        ...yp,
        nameLatin: f.nameLatin,
        nameOwnScript: f.nameOwnScript || undefined,
        statedAge: /^\d+$/.test(f.statedAge.trim()) ? Number(f.statedAge.trim()) : undefined,
        // The main side works out the Gregorian days (withGregorian) from what was told.
        statedDateOfBirth: toDateAsTold(f.dob),
        gender: f.gender || undefined,
        nationality: f.nationality || undefined,
        nationalityCode: f.nationalityCode,
        languages: firstLanguageSaved(yp.languages, f),
        arrivalInUk: instantFromLocal(f.arrival),
        firstContact: instantFromLocal(f.firstContact),
      },
      route: { ...assessment.route, kind: f.route },
      reasonForDoubt: f.reason.trim()
        ? { ...(assessment.reasonForDoubt ?? { evidenceIds: [], obviousCaseWithoutInterview: false }), text: f.reason, requestedBy: f.requestedBy || undefined, evidenceIds: f.doubtEvidenceIds }
        : undefined,
    };
    await save(next);
  }

  const fieldError = (path: string) => errorAt(error, path);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Young person and reason for doubt">
      <TextField label="Name, as the young person says it (Latin alphabet)" value={f.nameLatin} onChange={set('nameLatin')} error={fieldError('youngPerson.nameLatin')} />
      <TextField label="Name in their own script" value={f.nameOwnScript} onChange={set('nameOwnScript')} dir="auto" />
      <TextField label="Gender" value={f.gender} onChange={set('gender')} />
      <TextField label="Stated age" value={f.statedAge} onChange={set('statedAge')} error={fieldError('youngPerson.statedAge')} hint="In whole years, as they said it." />
      <DateAsToldInput
        legend="Stated date of birth, in the calendar they gave it"
        value={f.dob}
        onChange={set('dob')}
        names={solarHijriNamesFor(f.nationality || f.nationalityCode)}
        error={fieldError('youngPerson.statedDateOfBirth')}
      />
      <SelectField<'council' | 'naab-referral'>
        label="Route"
        value={f.route}
        onChange={set('route')}
        options={[
          ['council', label('council')],
          ['naab-referral', label('naab-referral')],
        ]}
      />
      <TextField label="Nationality, as they say it" value={f.nationality} onChange={set('nationality')} />
      <CodeField kind="country" label="Nationality (ISO 3166 country)" code={f.nationalityCode} onChange={set('nationalityCode')} hint="Type to search, e.g. Eritrea or ER. Used to compare outcomes fairly." />
      <TextField label="First language, as they say it" value={f.language} onChange={set('language')} />
      <CodeField kind="language" label="First language (ISO 639-3)" code={f.languageCode} onChange={set('languageCode')} hint="Type to search, e.g. Dari or prs. The interpreter's language is checked against it (AA-07)." />
      <TextField label="Dialect of the first language, as they say it" value={f.dialect} onChange={set('dialect')} />
      <CodeField kind="language" label="Dialect (ISO 639-3), if listed" code={f.dialectCode} onChange={set('dialectCode')} hint="Some dialects have their own code (Hazaragi haz, Sudanese Arabic apd)." />
      <TextField label="Arrival in the UK" type="datetime-local" value={f.arrival} onChange={set('arrival')} />
      <TextField label="First contact with children's services" type="datetime-local" value={f.firstContact} onChange={set('firstContact')} />
      <TextArea label="Why is the stated age doubted?" value={f.reason} onChange={set('reason')} hint="Evidence beyond appearance (AA-01)." error={fieldError('reasonForDoubt')}>
        <WordingNotes text={f.reason} />
      </TextArea>
      <fieldset>
        <legend>Evidence the doubt rests on</legend>
        <p className="hint">Link the items the reason for doubt relies on; appearance or demeanour alone is not enough (AA-01).</p>
        {assessment.evidence.length === 0 ? <p className="hint">No evidence recorded yet: add it in Evidence, then link it here.</p> : null}
        {assessment.evidence.map((e) => (
          <CheckField key={e.id} label={`${e.title} (${e.kind.replaceAll('-', ' ')})`} checked={f.doubtEvidenceIds.includes(e.id)} onChange={toggleDoubtEvidence(e.id)} />
        ))}
      </fieldset>
      <TextField label="Requested by" value={f.requestedBy} onChange={set('requestedBy')} />
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'youngPerson')} />
    </form>
  );
}

/** The first language as edited, the others as they were (this editor shows the first language only). */
function firstLanguageSaved(languages: Assessment['youngPerson']['languages'], f: { language: string; languageCode?: string; dialect: string; dialectCode?: string }) {
  const others = languages.filter((l) => !l.firstLanguage);
  if (!f.language.trim() && !f.languageCode) return others;
  const first = { language: f.language.trim() || languageName(f.languageCode) || f.languageCode || '', code: f.languageCode, dialect: f.dialect.trim() || undefined, dialectCode: f.dialectCode, firstLanguage: true };
  return [first, ...others];
}
