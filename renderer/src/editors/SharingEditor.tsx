import { useFieldArray, useWatch } from 'react-hook-form';
import { CheckField, SelectField, TextField } from '../forms/fields';
import { CheckboxGroup } from '../forms/bound';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import type { Assessment } from '../../../shared/domain/model';
import type { EditorProps } from './types';
import { copyRecipientLabels, homeOfficePartLabels, labelOptions } from '../../../shared/format/labels';
import { AddItemButton, RemoveItemButton } from '../forms/items';

type Sharing = Assessment['sharing'];
type Copy = Sharing['copies'][number];
type Part = NonNullable<Sharing['homeOffice']>['parts'][number];

const recipients = labelOptions(copyRecipientLabels);
const parts = labelOptions(homeOfficePartLabels);

interface CopyDraft {
  recipient: Copy['recipient'];
  name: string;
  givenOn: string;
  method: string;
  language: string;
}

const copyDraft = (c?: Copy): CopyDraft => ({
  recipient: c?.recipient ?? 'young-person',
  name: c?.name ?? '',
  givenOn: c?.givenOn ?? '',
  method: c?.method ?? '',
  language: c?.language ?? '',
});

interface Form {
  challenge: boolean;
  legalAdvice: boolean;
  copies: CopyDraft[];
  hoShared: boolean;
  hoSharedOn: string;
  hoLawfulBasis: string;
  hoParts: Part[];
}

function formFrom(s: Sharing): Form {
  return {
    challenge: s.challengeRouteGiven,
    legalAdvice: s.legalAdviceRightGiven,
    copies: s.copies.map(copyDraft),
    hoShared: s.homeOffice !== undefined,
    hoSharedOn: s.homeOffice?.sharedOn ?? '',
    hoLawfulBasis: s.homeOffice?.lawfulBasis ?? '',
    hoParts: s.homeOffice?.parts ?? ['conclusion', 'reasons', 'process'],
  };
}

function toPart(f: Form): { sharing: Sharing } {
  return {
    sharing: {
      challengeRouteGiven: f.challenge,
      legalAdviceRightGiven: f.legalAdvice,
      copies: f.copies.map((c) => ({
        recipient: c.recipient,
        name: c.name.trim() ? c.name : undefined,
        givenOn: c.givenOn,
        method: c.method,
        language: c.language.trim() ? c.language : undefined,
      })),
      homeOffice: f.hoShared ? { sharedOn: f.hoSharedOn, lawfulBasis: f.hoLawfulBasis, parts: f.hoParts } : undefined,
    },
  };
}

/** Sharing the decision: how to challenge it, legal advice, copies given, and what the Home Office receives (AA-27, AA-28, AA-36). */
export function SharingEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'sharing', defaults: () => formFrom(assessment.sharing), toPart, onSaved });
  const copies = useFieldArray({ control: form.form.control, name: 'copies' });
  return (
    <AssessmentFormView f={form} label="Sharing the decision">
      <fieldset>
        <legend>Told to the young person, in their language (AA-27)</legend>
        <CheckField label="How to challenge the decision was explained" name="challenge" errorPath="sharing.challengeRouteGiven" />
        <CheckField label="Their right to independent legal advice was explained" name="legalAdvice" errorPath="sharing.legalAdviceRightGiven" />
      </fieldset>

      <h4>Copies of the decision given</h4>
      <p className="hint">Give a copy to the young person, in a language they understand, and to their representative (AA-28).</p>
      {copies.fields.length === 0 ? <p>No copies are recorded as given.</p> : null}
      {copies.fields.map((row, i) => (
        <fieldset key={row.id} className="item-card" aria-label={`Copy ${i + 1}`}>
          <legend>Copy {i + 1}</legend>
          <SelectField label="Given to" name={`copies.${i}.recipient`} errorPath={`sharing.copies.${i}.recipient`} options={recipients} />
          <div className="inline-fields">
            <TextField label="Name" name={`copies.${i}.name`} errorPath={`sharing.copies.${i}.name`} />
            <TextField label="Given on" type="date" name={`copies.${i}.givenOn`} errorPath={`sharing.copies.${i}.givenOn`} />
            <TextField label="Language" name={`copies.${i}.language`} errorPath={`sharing.copies.${i}.language`} />
          </div>
          <TextField label="How it was given" name={`copies.${i}.method`} errorPath={`sharing.copies.${i}.method`} hint="In person and read aloud, post, secure email …" />
          <RemoveItemButton onRemove={() => copies.remove(i)}>Remove copy {i + 1}</RemoveItemButton>
        </fieldset>
      ))}
      <AddItemButton onAdd={() => copies.append(copyDraft())}>Add a copy given</AddItemButton>

      <fieldset>
        <legend>Sharing with the Home Office (AA-36)</legend>
        <CheckField label="The decision was shared with the Home Office" name="hoShared" />
        <HomeOffice consented={assessment.consent.toShareInformation === true} />
      </fieldset>
    </AssessmentFormView>
  );
}

function HomeOffice({ consented }: { consented: boolean }) {
  const [shared, chosen] = useWatch({ name: ['hoShared', 'hoParts'] }) as [boolean, Part[]];
  if (!shared) return null;
  return (
    <>
      <div className="inline-fields">
        <TextField label="Shared on" type="date" name="hoSharedOn" errorPath="sharing.homeOffice.sharedOn" />
      </div>
      <TextField label="Lawful basis" name="hoLawfulBasis" errorPath="sharing.homeOffice.lawfulBasis" hint="Consent, or the statutory basis and the information-sharing agreement used." />
      <CheckboxGroup legend="What was shared" name="hoParts" errorPath="sharing.homeOffice.parts" options={parts} />
      {chosen.includes('full-report') && !consented ? (
        <p className="finding-warn">The young person has not consented to sharing: the full report may not go to the Home Office without it. Share the conclusion, reasons and process only.</p>
      ) : null}
    </>
  );
}
