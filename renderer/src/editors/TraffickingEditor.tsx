import { type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import { AccommodationType, type Assessment } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { newId, useAssessmentSave } from './useAssessmentSave';
import { CheckField, FieldRow, ItemTitle, SelectField, errorAt, opt } from './earlyFields';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

type AccommodationKind = (typeof AccommodationType.options)[number];

const accommodationLabels: readonly (readonly [AccommodationKind | '', string])[] = [
  ['', 'Not recorded yet'],
  ['foster-care', 'Foster care'],
  ['childrens-home', "Children's home"],
  ['supported-accommodation-child', 'Supported accommodation for children (16–17)'],
  ['adult-hotel', 'Hotel for adults (asylum hotel)'],
  ['adult-hostel', 'Hostel for adults'],
  ['immigration-detention', 'Immigration detention'],
  ['police-custody', 'Police custody'],
  ['prison', 'Prison or young offender institution'],
  ['other', 'Somewhere else (say where in the note)'],
];

/** Settings where a child must not be placed while their age is undecided (AA-02). Mirrors the rule's list. */
const adultSettings: ReadonlySet<string> = new Set(['adult-hotel', 'adult-hostel', 'immigration-detention', 'police-custody', 'prison']);

interface IndicatorForm {
  id: string;
  indicator: string;
  observedOn: string;
  source: string;
  ownWords: string;
}

function formFrom(a: Assessment) {
  const t = a.trafficking;
  const acc = a.youngPerson.accommodation;
  return {
    screenedOn: t.screenedOn ?? '',
    indicators: t.indicators.map((i): IndicatorForm => ({ id: i.id, indicator: i.indicator, observedOn: i.observedOn ?? '', source: i.source ?? '', ownWords: i.ownWords ?? '' })),
    s51: t.s51PresumptionApplied,
    childrensServicesInformed: t.childrensServicesInformed ?? '',
    policeInformed: t.policeInformed ?? '',
    nrmDate: t.nrmReferral?.date ?? '',
    nrmReference: t.nrmReferral?.reference ?? '',
    nrmFirstResponder: t.nrmReferral?.firstResponder ?? '',
    guardianDate: t.guardianReferral?.date ?? '',
    guardianService: t.guardianReferral?.service ?? '',
    planAgreedOn: t.missingFromCarePlan?.agreedOn ?? '',
    planSummary: t.missingFromCarePlan?.summary ?? '',
    accType: (acc?.type ?? '') as AccommodationKind | '',
    accSince: acc?.since ?? '',
    accNote: acc?.note ?? '',
    treatedAsStatedAge: a.treatedAsStatedAge,
    additionalNeeds: a.additionalNeeds ?? '',
  };
}
type Form = ReturnType<typeof formFrom>;

/** Before you start: the trafficking screen and the s.51 steps, where the young person lives, and their needs. */
export function TraffickingEditor({ assessment, onSaved }: EditorProps) {
  const [f, setF] = useDraftState<Form>('form', () => formFrom(assessment));
  const set =
    <K extends keyof Form>(k: K) =>
    (v: Form[K]) =>
      setF((old) => ({ ...old, [k]: v }));
  const setIndicator = (i: number, k: keyof IndicatorForm) => (v: string) =>
    setF((old) => ({ ...old, indicators: old.indicators.map((x, j) => (j === i ? { ...x, [k]: v } : x)) }));
  const { save, error, saving } = useAssessmentSave('trafficking', onSaved);
  const err = (path: string) => errorAt(error, path);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // A row left completely empty is not an indicator; any row with something in it is kept as typed.
    const indicators = f.indicators
      .filter((i) => [i.indicator, i.observedOn, i.source, i.ownWords].some((s) => s.trim() !== ''))
      .map((i) => ({ id: i.id, indicator: i.indicator, observedOn: opt(i.observedOn), source: opt(i.source), ownWords: opt(i.ownWords) }));
    // A referral or plan with any detail is sent with its date as typed, so a missing date is named by the main side.
    const nrm = [f.nrmDate, f.nrmReference, f.nrmFirstResponder].some((s) => s.trim() !== '');
    const guardian = [f.guardianDate, f.guardianService].some((s) => s.trim() !== '');
    const plan = [f.planAgreedOn, f.planSummary].some((s) => s.trim() !== '');
    const next: Assessment = {
      ...assessment,
      trafficking: {
        screenedOn: opt(f.screenedOn),
        indicators,
        s51PresumptionApplied: f.s51,
        childrensServicesInformed: opt(f.childrensServicesInformed),
        policeInformed: opt(f.policeInformed),
        nrmReferral: nrm ? { date: f.nrmDate, reference: opt(f.nrmReference), firstResponder: opt(f.nrmFirstResponder) } : undefined,
        guardianReferral: guardian ? { date: f.guardianDate, service: opt(f.guardianService) } : undefined,
        missingFromCarePlan: plan ? { agreedOn: f.planAgreedOn, summary: f.planSummary } : undefined,
      },
      youngPerson: {
        ...assessment.youngPerson,
        accommodation: f.accType ? { type: f.accType, since: opt(f.accSince), note: opt(f.accNote) } : undefined,
      },
      treatedAsStatedAge: f.treatedAsStatedAge,
      additionalNeeds: opt(f.additionalNeeds),
    };
    await save(next);
  }

  const indicatorsPresent = f.indicators.some((i) => i.indicator.trim() !== '');
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Trafficking, accommodation and needs">
      <fieldset>
        <legend>Trafficking screen</legend>
        <TextField label="Screened for trafficking indicators on" type="date" value={f.screenedOn} onChange={set('screenedOn')} error={err('trafficking.screenedOn')} hint="Screen before planning the assessment (AA-03)." />
        <h4>Indicators</h4>
        {f.indicators.length === 0 ? <p className="hint">No indicators recorded.</p> : null}
        {f.indicators.map((ind, i) => (
          <div className="item-card" key={ind.id} role="group" aria-label={`Indicator ${i + 1}`}>
            <ItemTitle>Indicator {i + 1}</ItemTitle>
            <TextField label="What was seen or said" value={ind.indicator} onChange={setIndicator(i, 'indicator')} error={err(`trafficking.indicators.${i}.indicator`)} />
            <FieldRow>
              <TextField label="Observed on" type="date" value={ind.observedOn} onChange={setIndicator(i, 'observedOn')} error={err(`trafficking.indicators.${i}.observedOn`)} />
              <TextField label="Source" value={ind.source} onChange={setIndicator(i, 'source')} hint="Who said or saw it, and where." />
            </FieldRow>
            <TextArea label="In the young person's own words" value={ind.ownWords} onChange={setIndicator(i, 'ownWords')} hint="As they said it, through the interpreter if one was used." />
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setF((old) => ({ ...old, indicators: old.indicators.filter((_, j) => j !== i) }))}>
                Remove indicator {i + 1}
              </button>
            </div>
          </div>
        ))}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setF((old) => ({ ...old, indicators: [...old.indicators, { id: newId(), indicator: '', observedOn: '', source: '', ownWords: '' }] }))}>
            Add an indicator
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>Section 51 presumption and referrals</legend>
        {indicatorsPresent ? (
          <p className="warn-box">
            With trafficking indicators, the young person is presumed to be under 18 until their age is determined (Modern Slavery Act 2015 s.51). Inform children's services and the police, refer to the National Referral Mechanism
            (no consent is needed for a child) and to the Independent Child Trafficking Guardian service, and agree a missing-from-care plan.
          </p>
        ) : (
          <p className="hint">These steps are owed once any trafficking indicator is recorded.</p>
        )}
        <CheckField label="The s.51 presumption is applied (treated as under 18)" checked={f.s51} onChange={set('s51')} />
        <FieldRow>
          <TextField label="Children's services informed on" type="date" value={f.childrensServicesInformed} onChange={set('childrensServicesInformed')} error={err('trafficking.childrensServicesInformed')} />
          <TextField label="Police informed on" type="date" value={f.policeInformed} onChange={set('policeInformed')} error={err('trafficking.policeInformed')} />
        </FieldRow>
        <fieldset>
          <legend>National Referral Mechanism referral</legend>
          <FieldRow>
            <TextField label="NRM referral made on" type="date" value={f.nrmDate} onChange={set('nrmDate')} error={err('trafficking.nrmReferral')} />
            <TextField label="NRM reference" value={f.nrmReference} onChange={set('nrmReference')} />
            <TextField label="First responder" value={f.nrmFirstResponder} onChange={set('nrmFirstResponder')} />
          </FieldRow>
        </fieldset>
        <fieldset>
          <legend>Independent Child Trafficking Guardian referral</legend>
          <FieldRow>
            <TextField label="Guardian referral made on" type="date" value={f.guardianDate} onChange={set('guardianDate')} error={err('trafficking.guardianReferral')} />
            <TextField label="Guardian service" value={f.guardianService} onChange={set('guardianService')} />
          </FieldRow>
        </fieldset>
        <fieldset>
          <legend>Missing-from-care plan (AA-42)</legend>
          <TextField label="Plan agreed on" type="date" value={f.planAgreedOn} onChange={set('planAgreedOn')} error={err('trafficking.missingFromCarePlan.agreedOn')} />
          <TextArea label="What the plan says" value={f.planSummary} onChange={set('planSummary')} hint="Who does what if the young person goes missing: carer, police, guardian." error={err('trafficking.missingFromCarePlan.summary')}>
            <WordingNotes text={f.planSummary} />
          </TextArea>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>Accommodation and care while the assessment is pending</legend>
        <SelectField label="Where the young person lives now" value={f.accType} options={accommodationLabels} onChange={set('accType')} error={err('youngPerson.accommodation')} />
        {adultSettings.has(f.accType) ? (
          <p className="error-box">
            AA-02: a young person whose age is undecided must be accommodated as a child (Children Act 1989 s.20), not in adult or custodial accommodation. Move them to child-appropriate accommodation now.
          </p>
        ) : null}
        <FieldRow>
          <TextField label="Living there since" type="date" value={f.accSince} onChange={set('accSince')} error={err('youngPerson.accommodation.since')} />
          <TextField label="Accommodation note" value={f.accNote} onChange={set('accNote')} hint="e.g. the placement, the carer, or where exactly." />
        </FieldRow>
        <CheckField label="Treated as their stated age while the assessment is pending" checked={f.treatedAsStatedAge} onChange={set('treatedAsStatedAge')} hint="AA-02: services, school and placement follow the stated age until a lawful decision." />
        <TextArea label="Additional needs" value={f.additionalNeeds} onChange={set('additionalNeeds')} hint="Health, trauma, sleep, faith, preferences (e.g. an interpreter's gender)." error={err('additionalNeeds')}>
          <WordingNotes text={f.additionalNeeds} />
        </TextArea>
      </fieldset>
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'trafficking')} />
    </form>
  );
}
