import { TextArea, TextField, SelectField } from '../forms/fields';
import { CodeField } from '../forms/CodeField';
import { CheckboxGroup } from '../forms/bound';
import { DateAsToldInput, dateAsToldValue, toDateAsTold, type DateAsToldValue } from '../forms/DateAsToldInput';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { useWatch } from 'react-hook-form';
import { languageName } from '../../../shared/domain/identity';
import { solarHijriNamesFor } from '../../../shared/format/dates';
import { evidenceKindLabels, labelOptions, routeLabels } from '../../../shared/format/labels';
import type { Assessment } from '../../../shared/domain/model';
import { readPart } from '../../../shared/domain/parts';
import { instantFromLocal, localFromInstant } from '../forms/values';
import type { EditorProps } from './types';

interface Form {
  nameLatin: string;
  nameOwnScript: string;
  statedAge: string;
  dob: DateAsToldValue;
  route: Assessment['route']['kind'];
  gender: string;
  nationality: string;
  nationalityCode?: string;
  language: string;
  languageCode?: string;
  dialect: string;
  dialectCode?: string;
  doubtEvidenceIds: string[];
  arrival: string;
  firstContact: string;
  reason: string;
  requestedBy: string;
}

function formFrom(assessment: Assessment): Form {
  const yp = assessment.youngPerson;
  const first = yp.languages.find((l) => l.firstLanguage);
  return {
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
  };
}

function toPart(assessment: Assessment, f: Form) {
  const yp = assessment.youngPerson;
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
  return readPart(next, 'youngPerson');
}

/** Initial presentation: who the young person is, as they present themselves, and why their age is doubted. */
export function YoungPersonEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'youngPerson', defaults: () => formFrom(assessment), toPart: (f: Form) => toPart(assessment, f), onSaved });
  return (
    <AssessmentFormView f={form} label="Young person and reason for doubt">
      <TextField label="Name, as the young person says it (Latin alphabet)" name="nameLatin" errorPath="youngPerson.nameLatin" />
      <TextField label="Name in their own script" name="nameOwnScript" errorPath="youngPerson.nameOwnScript" dir="auto" />
      <TextField label="Gender" name="gender" errorPath="youngPerson.gender" />
      <TextField label="Stated age" name="statedAge" errorPath="youngPerson.statedAge" hint="In whole years, as they said it." />
      <DateOfBirth />
      <SelectField
        label="Route"
        name="route"
        errorPath="route"
        options={labelOptions(routeLabels)}
      />
      <TextField label="Nationality, as they say it" name="nationality" errorPath="youngPerson.nationality" />
      <CodeField kind="country" label="Nationality (ISO 3166 country)" name="nationalityCode" errorPath="youngPerson.nationalityCode" hint="Type to search, e.g. Eritrea or ER. Used to compare outcomes fairly." />
      <TextField label="First language, as they say it" name="language" errorPath="youngPerson.languages" />
      <CodeField kind="language" label="First language (ISO 639-3)" name="languageCode" hint="Type to search, e.g. Dari or prs. The interpreter's language is checked against it (AA-07)." />
      <TextField label="Dialect of the first language, as they say it" name="dialect" />
      <CodeField kind="language" label="Dialect (ISO 639-3), if listed" name="dialectCode" hint="Some dialects have their own code (Hazaragi haz, Sudanese Arabic apd)." />
      <TextField label="Arrival in the UK" type="datetime-local" name="arrival" errorPath="youngPerson.arrivalInUk" />
      <TextField label="First contact with children's services" type="datetime-local" name="firstContact" errorPath="youngPerson.firstContact" />
      <TextArea label="Why is the stated age doubted?" name="reason" errorPath="reasonForDoubt" hint="Evidence beyond appearance (AA-01)." wording />
      <CheckboxGroup
        legend="Evidence the doubt rests on"
        hint="Link the items the reason for doubt relies on; appearance or demeanour alone is not enough (AA-01)."
        name="doubtEvidenceIds"
        options={assessment.evidence.map((e) => [e.id, `${e.title} (${evidenceKindLabels[e.kind]})`] as const)}
        empty={<p className="hint">No evidence recorded yet: add it in Evidence, then link it here.</p>}
      />
      <TextField label="Requested by" name="requestedBy" />
    </AssessmentFormView>
  );
}

/** The Solar Hijri month names follow the nationality as it is typed (Afghan or Iranian names). */
function DateOfBirth() {
  const [nationality, code] = useWatch({ name: ['nationality', 'nationalityCode'] }) as [string, string | undefined];
  return <DateAsToldInput legend="Stated date of birth, in the calendar they gave it" name="dob" errorPath="youngPerson.statedDateOfBirth" names={solarHijriNamesFor(nationality || code)} />;
}

/** The first language as edited, the others as they were (this editor shows the first language only). */
function firstLanguageSaved(languages: Assessment['youngPerson']['languages'], f: { language: string; languageCode?: string; dialect: string; dialectCode?: string }) {
  const others = languages.filter((l) => !l.firstLanguage);
  if (!f.language.trim() && !f.languageCode) return others;
  const first = { language: f.language.trim() || languageName(f.languageCode) || f.languageCode || '', code: f.languageCode, dialect: f.dialect.trim() || undefined, dialectCode: f.dialectCode, firstLanguage: true };
  return [first, ...others];
}
