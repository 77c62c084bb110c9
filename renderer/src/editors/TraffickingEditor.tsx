import { useFieldArray, useWatch } from 'react-hook-form';
import { CheckField, opt, SelectField, TextArea, TextField } from '../forms/fields';
import { FieldGrid, ItemTitle } from '../forms/layout';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { newId } from '../forms/values';
import { AccommodationType, type Assessment } from '../../../shared/domain/model';
import type { EditorProps } from './types';
import { accommodationLabels, labelOptions } from '../../../shared/format/labels';
import { AddItemButton, RemoveItemButton } from '../forms/items';

type AccommodationKind = (typeof AccommodationType.options)[number];

const accommodationOptions: readonly (readonly [AccommodationKind | '', string])[] = [['', 'Not recorded yet'], ...labelOptions(accommodationLabels, AccommodationType.options)];

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

function toPart(f: Form) {
  // A row left completely empty is not an indicator; any row with something in it is kept as typed.
  const indicators = f.indicators
    .filter((i) => [i.indicator, i.observedOn, i.source, i.ownWords].some((s) => s.trim() !== ''))
    .map((i) => ({ id: i.id, indicator: i.indicator, observedOn: opt(i.observedOn), source: opt(i.source), ownWords: opt(i.ownWords) }));
  // A referral or plan with any detail is sent with its date as typed, so a missing date is named by the schema.
  const nrm = [f.nrmDate, f.nrmReference, f.nrmFirstResponder].some((s) => s.trim() !== '');
  const guardian = [f.guardianDate, f.guardianService].some((s) => s.trim() !== '');
  const plan = [f.planAgreedOn, f.planSummary].some((s) => s.trim() !== '');
  return {
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
    accommodation: f.accType ? { type: f.accType, since: opt(f.accSince), note: opt(f.accNote) } : undefined,
    treatedAsStatedAge: f.treatedAsStatedAge,
    additionalNeeds: opt(f.additionalNeeds),
  };
}

/** Before you start: the trafficking screen and the s.51 steps, where the young person lives, and their needs. */
export function TraffickingEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'trafficking', defaults: () => formFrom(assessment), toPart, onSaved });
  const indicators = useFieldArray({ control: form.form.control, name: 'indicators' });
  return (
    <AssessmentFormView f={form} label="Trafficking, accommodation and needs">
      <fieldset>
        <legend>Trafficking screen</legend>
        <TextField label="Screened for trafficking indicators on" type="date" name="screenedOn" errorPath="trafficking.screenedOn" hint="Screen before planning the assessment (AA-03)." />
        <h4>Indicators</h4>
        {indicators.fields.length === 0 ? <p className="hint">No indicators recorded.</p> : null}
        {indicators.fields.map((row, i) => (
          <div className="item-card" key={row.id} role="group" aria-label={`Indicator ${i + 1}`}>
            <ItemTitle>Indicator {i + 1}</ItemTitle>
            <TextField label="What was seen or said" name={`indicators.${i}.indicator`} errorPath={`trafficking.indicators.${i}.indicator`} />
            <FieldGrid>
              <TextField label="Observed on" type="date" name={`indicators.${i}.observedOn`} errorPath={`trafficking.indicators.${i}.observedOn`} />
              <TextField label="Source" name={`indicators.${i}.source`} errorPath={`trafficking.indicators.${i}.source`} hint="Who said or saw it, and where." />
            </FieldGrid>
            <TextArea label="In the young person's own words" name={`indicators.${i}.ownWords`} errorPath={`trafficking.indicators.${i}.ownWords`} hint="As they said it, through the interpreter if one was used." />
            <RemoveItemButton onRemove={() => indicators.remove(i)}>Remove indicator {i + 1}</RemoveItemButton>
          </div>
        ))}
        <AddItemButton onAdd={() => indicators.append({ id: newId(), indicator: '', observedOn: '', source: '', ownWords: '' })}>Add an indicator</AddItemButton>
      </fieldset>

      <fieldset>
        <legend>Section 51 presumption and referrals</legend>
        <S51Note />
        <CheckField label="The s.51 presumption is applied (treated as under 18)" name="s51" errorPath="trafficking.s51PresumptionApplied" />
        <FieldGrid>
          <TextField label="Children's services informed on" type="date" name="childrensServicesInformed" errorPath="trafficking.childrensServicesInformed" />
          <TextField label="Police informed on" type="date" name="policeInformed" errorPath="trafficking.policeInformed" />
        </FieldGrid>
        <fieldset>
          <legend>National Referral Mechanism referral</legend>
          <FieldGrid>
            <TextField label="NRM referral made on" type="date" name="nrmDate" errorPath="trafficking.nrmReferral" />
            <TextField label="NRM reference" name="nrmReference" />
            <TextField label="First responder" name="nrmFirstResponder" />
          </FieldGrid>
        </fieldset>
        <fieldset>
          <legend>Independent Child Trafficking Guardian referral</legend>
          <FieldGrid>
            <TextField label="Guardian referral made on" type="date" name="guardianDate" errorPath="trafficking.guardianReferral" />
            <TextField label="Guardian service" name="guardianService" />
          </FieldGrid>
        </fieldset>
        <fieldset>
          <legend>Missing-from-care plan (AA-42)</legend>
          <TextField label="Plan agreed on" type="date" name="planAgreedOn" errorPath="trafficking.missingFromCarePlan.agreedOn" />
          <TextArea label="What the plan says" name="planSummary" errorPath="trafficking.missingFromCarePlan.summary" hint="Who does what if the young person goes missing: carer, police, guardian." wording />
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>Accommodation and care while the assessment is pending</legend>
        <SelectField label="Where the young person lives now" name="accType" errorPath="accommodation" options={accommodationOptions} />
        <AdultSettingWarning />
        <FieldGrid>
          <TextField label="Living there since" type="date" name="accSince" errorPath="accommodation.since" />
          <TextField label="Accommodation note" name="accNote" errorPath="accommodation.note" hint="e.g. the placement, the carer, or where exactly." />
        </FieldGrid>
        <CheckField label="Treated as their stated age while the assessment is pending" name="treatedAsStatedAge" errorPath="treatedAsStatedAge" hint="AA-02: services, school and placement follow the stated age until a lawful decision." />
        <TextArea label="Additional needs" name="additionalNeeds" errorPath="additionalNeeds" hint="Health, trauma, sleep, faith, preferences (e.g. an interpreter's gender)." wording />
      </fieldset>
    </AssessmentFormView>
  );
}

/** What s.51 asks for, once any indicator is recorded (re-rendered with the indicators only). */
function S51Note() {
  const indicators = useWatch({ name: 'indicators' }) as IndicatorForm[] | undefined;
  const present = (indicators ?? []).some((i) => i.indicator.trim() !== '');
  return present ? (
    <p className="warn-box">
      With trafficking indicators, the young person is presumed to be under 18 until their age is determined (Modern Slavery Act 2015 s.51). Inform children's services and the police, refer to the National Referral Mechanism
      (no consent is needed for a child) and to the Independent Child Trafficking Guardian service, and agree a missing-from-care plan.
    </p>
  ) : (
    <p className="hint">These steps are owed once any trafficking indicator is recorded.</p>
  );
}

function AdultSettingWarning() {
  const type = useWatch({ name: 'accType' }) as string;
  return adultSettings.has(type) ? (
    <p className="error-box">
      AA-02: a young person whose age is undecided must be accommodated as a child (Children Act 1989 s.20), not in adult or custodial accommodation. Move them to child-appropriate accommodation now.
    </p>
  ) : null;
}
