import { useMemo } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { SelectField, TextArea, TextField } from '../forms/fields';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { instantFromLocal, localFromInstant, newId } from '../forms/values';
import type { Assessment, Decision } from '../../../shared/domain/model';
import { ageOn, dateAtAge, isoDateOfInstant } from '../../../shared/domain/calendars';
import { evaluate, ruleById } from '../../../shared/safeguards/index';
import { formatDate } from '../../../shared/format/dates';
import { EvidenceChecklist } from './laterFields';
import type { EditorProps } from './types';
import { labelOptions, outcomeLabels } from '../../../shared/format/labels';
import { AddItemButton, RemoveItemButton } from '../forms/items';
import { useSettled } from '../forms/bound';

/** The rules about the decision itself, run live on the form as it is typed (the main side runs them all again on save). */
const liveRules = ['AA-23', 'AA-25', 'AA-26', 'AA-18', 'AA-04'].flatMap((id) => {
  const r = ruleById.get(id);
  return r ? [r] : [];
});

interface ReasonDraft {
  id: string;
  text: string;
  evidenceIds: string[];
}

interface Draft {
  outcome: string;
  ageLow: string;
  ageHigh: string;
  dateOfBirth: string;
  dateOfBirthBasis: string;
  benefitOfDoubt: string;
  decidedOn: string;
  reasons: ReasonDraft[];
}

const wholeNumber = (s: string): number | undefined => (/^\s*\d{1,2}\s*$/.test(s) ? Number(s) : undefined);
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** The decision as the model has it, when every required part parses; otherwise undefined. */
function decisionOf(f: Draft): Decision | undefined {
  const ageLow = wholeNumber(f.ageLow);
  const ageHigh = wholeNumber(f.ageHigh);
  const decidedOn = instantFromLocal(f.decidedOn);
  if ((f.outcome !== 'child' && f.outcome !== 'adult') || ageLow === undefined || ageHigh === undefined || !isIsoDate(f.dateOfBirth) || !decidedOn) return undefined;
  return {
    outcome: f.outcome,
    ageLow,
    ageHigh,
    dateOfBirth: f.dateOfBirth,
    dateOfBirthBasis: f.dateOfBirthBasis.trim() ? f.dateOfBirthBasis : undefined,
    benefitOfDoubt: f.benefitOfDoubt.trim() ? f.benefitOfDoubt : undefined,
    reasons: f.reasons.map((r) => ({ id: r.id, text: r.text, evidenceIds: r.evidenceIds })),
    decidedOn,
  };
}

/** What the age range means, said plainly (AA-23: a range reaching below 18 is a child). */
function RangeMeaning() {
  const [ageLow, ageHigh, outcome] = useWatch({ name: ['ageLow', 'ageHigh', 'outcome'] }) as [string, string, string];
  const { setValue } = useFormContext<Draft>();
  const f = { ageLow, ageHigh, outcome };
  const onChild = () => setValue('outcome', 'child', { shouldDirty: true });
  const low = wholeNumber(f.ageLow);
  const high = wholeNumber(f.ageHigh);
  if (low === undefined || high === undefined) return <p className="hint">Give the assessed age as a range of whole years (the same number twice for a single age).</p>;
  if (low > high) return <p className="finding-block">The range is reversed: the lower age ({low}) is above the upper age ({high}).</p>;
  if (low < 18) {
    return (
      <div className={f.outcome === 'adult' ? 'finding-block' : undefined}>
        <p>
          A range from {low} to {high} reaches below 18: with the benefit of the doubt, this range means <strong>a child</strong> (AA-23).
        </p>
        {f.outcome === 'adult' ? (
          <>
            <p>The outcome “adult” does not fit this range. Record a child, or narrow the range with reasons if the evidence truly excludes every age under 18.</p>
            <button type="button" className="secondary" onClick={onChild}>
              Record the outcome as child
            </button>
          </>
        ) : null}
      </div>
    );
  }
  return (
    <p className="hint">
      The whole range ({low} to {high}) is 18 or over. An adult finding must say how the benefit of the doubt was applied (AA-23).
    </p>
  );
}

function AgeOnDecisionDate() {
  const [dateOfBirth, decidedOnLocal] = useWatch({ name: ['dateOfBirth', 'decidedOn'] }) as [string, string];
  const f = { dateOfBirth, decidedOn: decidedOnLocal };
  const decidedOn = instantFromLocal(f.decidedOn);
  if (!isIsoDate(f.dateOfBirth) || !decidedOn) return null;
  const on = isoDateOfInstant(decidedOn);
  let age: number;
  try {
    age = ageOn(f.dateOfBirth, on);
  } catch {
    return <p className="finding-block">The date of birth is after the decision date.</p>;
  }
  return (
    <p className="hint" aria-live="polite">
      On the decision date ({formatDate(on)}) this date of birth gives an age of <strong>{age}</strong>
      {age < 18 ? `; they turn 18 on ${formatDate(dateAtAge(f.dateOfBirth, 18))}.` : '.'}
    </p>
  );
}

function formFrom(d: Assessment['decision']): Draft {
  return {
    outcome: d?.outcome ?? '',
    ageLow: d ? String(d.ageLow) : '',
    ageHigh: d ? String(d.ageHigh) : '',
    dateOfBirth: d?.dateOfBirth ?? '',
    dateOfBirthBasis: d?.dateOfBirthBasis ?? '',
    benefitOfDoubt: d?.benefitOfDoubt ?? '',
    decidedOn: localFromInstant(d?.decidedOn),
    reasons: d?.reasons.map((r) => ({ ...r })) ?? [],
  };
}

function toPart(f: Draft) {
  const empty = !f.outcome && !f.ageLow && !f.ageHigh && !f.dateOfBirth && !f.decidedOn && !f.dateOfBirthBasis.trim() && !f.benefitOfDoubt.trim() && f.reasons.length === 0;
  if (empty) return { decision: undefined };
  // An incomplete decision goes to the schema as typed, so its check names the missing field.
  const typed = {
    outcome: f.outcome || undefined,
    ageLow: wholeNumber(f.ageLow) ?? (f.ageLow.trim() ? f.ageLow : undefined),
    ageHigh: wholeNumber(f.ageHigh) ?? (f.ageHigh.trim() ? f.ageHigh : undefined),
    dateOfBirth: f.dateOfBirth || undefined,
    decidedOn: instantFromLocal(f.decidedOn),
    dateOfBirthBasis: f.dateOfBirthBasis.trim() ? f.dateOfBirthBasis : undefined,
    benefitOfDoubt: f.benefitOfDoubt.trim() ? f.benefitOfDoubt : undefined,
    reasons: f.reasons,
  };
  return { decision: decisionOf(f) ?? typed };
}

/** The decision: outcome, assessed age, date of birth, benefit of the doubt and reasons linked to evidence. */
export function DecisionEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'decision', defaults: () => formFrom(assessment.decision), toPart, onSaved });
  const reasons = useFieldArray({ control: form.form.control, name: 'reasons' });
  return (
    <AssessmentFormView f={form} label="Decision">
      <SelectField
        label="Outcome"
        name="outcome"
        errorPath="decision.outcome"
        options={[['', 'Not decided yet'], ...labelOptions(outcomeLabels)]}
      />
      <fieldset>
        <legend>Assessed age on the decision date</legend>
        <div className="inline-fields">
          <TextField label="Youngest age in the range" type="number" name="ageLow" errorPath="decision.ageLow" />
          <TextField label="Oldest age in the range" type="number" name="ageHigh" errorPath="decision.ageHigh" />
        </div>
        <RangeMeaning />
      </fieldset>
      <TextField label="Decided on" type="datetime-local" name="decidedOn" errorPath="decision.decidedOn" />
      <TextField label="Date of birth" type="date" name="dateOfBirth" errorPath="decision.dateOfBirth" />
      <AgeOnDecisionDate />
      <TextArea label="Basis for the date of birth" name="dateOfBirthBasis" errorPath="decision.dateOfBirthBasis" hint="The stated date, a document, the 1 January convention … (AA-25)." />
      <TextArea
        label="How the benefit of the doubt was applied"
        name="benefitOfDoubt"
        errorPath="decision.benefitOfDoubt"
        hint="Required for an adult finding: remaining doubt about being over 18 is resolved in favour of childhood (AA-23)."
        wording
      />

      <h4>Reasons</h4>
      <p className="hint">Each reason cites the evidence items it rests on (AA-26). Appearance and demeanour can only be a small part (AA-18).</p>
      {reasons.fields.length === 0 ? <p>No reasons are recorded yet.</p> : null}
      {reasons.fields.map((row, i) => (
        <fieldset key={row.id} className="item-card" aria-label={`Reason ${i + 1}`}>
          <legend>Reason {i + 1}</legend>
          <TextArea label="Reason" name={`reasons.${i}.text`} errorPath={`decision.reasons.${i}.text`} wording />
          <EvidenceChecklist legend="Evidence this reason cites" evidence={assessment.evidence} name={`reasons.${i}.evidenceIds`} />
          <RemoveItemButton onRemove={() => reasons.remove(i)}>Remove reason {i + 1}</RemoveItemButton>
        </fieldset>
      ))}
      <AddItemButton onAdd={() => reasons.append({ id: newId(), text: '', evidenceIds: [] })}>Add a reason</AddItemButton>
      <LiveCheck assessment={assessment} />
    </AssessmentFormView>
  );
}

/** The decision rules run on the form as typed, once typing pauses: a keystroke renders nothing (ui-03). */
function LiveCheck({ assessment }: { assessment: Assessment }) {
  const f = useSettled<Draft>();
  const draft = useMemo(() => decisionOf(f), [f]);
  const live = useMemo(() => (draft ? evaluate({ ...assessment, decision: draft }, { asAtStage: 'decision' }, liveRules) : []), [assessment, draft]);
  return (
    <section className="live-check" aria-label="Check of this decision as typed" aria-live="polite">
      <h4>Check of this decision as typed (before saving)</h4>
      {!draft ? (
        <p className="hint">Fill in the outcome, the age range, the date of birth and the decision date to check the decision.</p>
      ) : live.length === 0 ? (
        <p>The decision as typed meets the decision safeguards (AA-18, AA-23, AA-25, AA-26).</p>
      ) : (
        <ul className="findings">
          {live.map((x, i) => (
            <li key={`${x.ruleId}-${i}`} className={x.severity === 'block' ? 'finding-block' : 'finding-warn'}>
              <strong>{x.ruleId}</strong>: {x.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
