import { useEffect, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { api } from '../api/client';
import { CheckField, opt, SelectField, TextField } from '../forms/fields';
import { CodeField } from '../forms/CodeField';
import { FieldGrid, ItemTitle } from '../forms/layout';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { newId } from '../forms/values';
import type { Assessment, Participant } from '../../../shared/domain/model';
import type { EditorProps } from './types';
import { interpretingModeLabels, labelOptions, participantRoleLabels, userRoleLabels } from '../../../shared/format/labels';
import { AddItemButton, RemoveItemButton } from '../forms/items';

type Role = Participant['role'];
type Mode = NonNullable<Participant['mode']>;

const roleLabels = labelOptions(participantRoleLabels);
const roleName = (r: Role) => participantRoleLabels[r];

const modeLabels: readonly (readonly [Mode | '', string])[] = [['', 'Not recorded yet'], ...labelOptions(interpretingModeLabels)];

interface PersonForm {
  id: string;
  role: Role;
  name: string;
  organisation: string;
  /** '' when not linked to a Carefile user (the select's empty option). */
  userId: string;
  qualifiedSocialWorker: boolean;
  registrationNumber: string;
  ageAssessmentExperience: boolean;
  experienceNote: string;
  language: string;
  languageCode?: string;
  dialect: string;
  dialectCode?: string;
  mode: Mode | '';
  independentOfCouncil: boolean;
  trained: boolean;
  acceptedByYoungPerson: boolean;
}

interface RequestForm {
  id: string;
  from: string;
  requestedOn: string;
  receivedOn: string;
  evidenceId: string;
}

const personForm = (p: Participant): PersonForm => ({
  id: p.id,
  role: p.role,
  name: p.name,
  organisation: p.organisation ?? '',
  userId: p.userId ?? '',
  qualifiedSocialWorker: p.qualifiedSocialWorker ?? false,
  registrationNumber: p.registrationNumber ?? '',
  ageAssessmentExperience: p.ageAssessmentExperience ?? false,
  experienceNote: p.experienceNote ?? '',
  language: p.language ?? '',
  languageCode: p.languageCode,
  dialect: p.dialect ?? '',
  dialectCode: p.dialectCode,
  mode: p.mode ?? '',
  independentOfCouncil: p.independentOfCouncil ?? false,
  trained: p.trained ?? false,
  acceptedByYoungPerson: p.acceptedByYoungPerson ?? false,
});

const blankPerson = (role: Role): PersonForm => personForm({ id: newId(), role, name: '' });

/** Only the fields that belong to the role are saved, so changing someone's role leaves nothing stale behind. */
function toParticipant(p: PersonForm): Participant {
  const base: Participant = { id: p.id, role: p.role, name: p.name, organisation: opt(p.organisation), userId: p.userId || undefined };
  switch (p.role) {
    case 'assessor':
      return { ...base, qualifiedSocialWorker: p.qualifiedSocialWorker, registrationNumber: opt(p.registrationNumber), ageAssessmentExperience: p.ageAssessmentExperience, experienceNote: opt(p.experienceNote) };
    case 'interpreter':
      return { ...base, language: opt(p.language), languageCode: p.languageCode, dialect: opt(p.dialect), dialectCode: p.dialectCode, mode: p.mode || undefined };
    case 'appropriate-adult':
      return { ...base, independentOfCouncil: p.independentOfCouncil, trained: p.trained, acceptedByYoungPerson: p.acceptedByYoungPerson };
    default:
      return base;
  }
}

type Signer = { id: string; displayName: string; role: keyof typeof userRoleLabels };

/** The store's assessors and managers: the people who can sign a record. */
function useSigners(): Signer[] {
  const [signers, setSigners] = useState<Signer[]>([]);
  useEffect(() => {
    void api['users.list']({}).then((res) => {
      if (res.ok) setSigners(res.value.filter((u) => u.role !== 'admin'));
    });
  }, []);
  return signers;
}

function signerOptions(signers: Signer[], current: string | undefined): (readonly [string, string])[] {
  const options: (readonly [string, string])[] = [['', 'Not linked to a Carefile user'], ...signers.map((u) => [u.id, `${u.displayName}, ${userRoleLabels[u.role].toLowerCase()}`] as const)];
  // A link made in another council's store is kept, and said plainly.
  if (current && !signers.some((u) => u.id === current)) options.push([current, 'A user of another Carefile store']);
  return options;
}

interface Form {
  people: PersonForm[];
  requests: RequestForm[];
}

function formFrom(a: Assessment): Form {
  return {
    people: a.participants.map(personForm),
    requests: a.informationRequests.map((r) => ({ id: r.id, from: r.from, requestedOn: r.requestedOn, receivedOn: r.receivedOn ?? '', evidenceId: r.evidenceId ?? '' })),
  };
}

function toPart(f: Form) {
  return {
    participants: f.people.map(toParticipant),
    informationRequests: f.requests.map((r) => ({ id: r.id, from: r.from, requestedOn: r.requestedOn, receivedOn: opt(r.receivedOn), evidenceId: r.evidenceId || undefined })),
  };
}

/** Planning: who takes part (assessors, interpreter, appropriate adult...) and the information asked of others. */
export function ParticipantsEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'participants', defaults: () => formFrom(assessment), toPart, onSaved });
  const people = useFieldArray({ control: form.form.control, name: 'people' });
  const requests = useFieldArray({ control: form.form.control, name: 'requests' });
  const [newRole, setNewRole] = useState<Role>('assessor');
  const signers = useSigners();
  const evidenceOptions: (readonly [string, string])[] = [['', 'Not linked yet'], ...assessment.evidence.map((e) => [e.id, e.title] as const)];
  const inSessions = new Set(assessment.sessions.flatMap((s) => s.presentParticipantIds));
  return (
    <AssessmentFormView f={form} label="Participants and information requests">
      <h4>People taking part</h4>
      <p className="hint">Two qualified social workers, one experienced in age assessment (AA-05, AA-06); an interpreter in the young person's language and dialect (AA-07); an independent appropriate adult they accept (AA-09).</p>
      {people.fields.length === 0 ? <p className="hint">No one recorded yet.</p> : null}
      {people.fields.map((row, i) => (
        <PersonCard key={row.id} i={i} signers={signers} inSessions={inSessions} onRemove={() => people.remove(i)} />
      ))}
      <SelectField<Role> label="Role of the person to add" value={newRole} options={roleLabels} onChange={(v) => v && setNewRole(v)} />
      <AddItemButton onAdd={() => people.append(blankPerson(newRole))}>Add a participant</AddItemButton>

      <h4>Information requested from others</h4>
      <p className="hint">Carers, school or college, GP, the Home Office: what was asked for, and whether it came back.</p>
      {requests.fields.length === 0 ? <p className="hint">No requests recorded yet.</p> : null}
      {requests.fields.map((row, i) => (
        <div className="item-card" key={row.id} role="group" aria-label={`Information request ${i + 1}`}>
          <FieldGrid>
            <TextField label="Requested from" name={`requests.${i}.from`} errorPath={`informationRequests.${i}.from`} />
            <TextField label="Requested on" type="date" name={`requests.${i}.requestedOn`} errorPath={`informationRequests.${i}.requestedOn`} />
            <TextField label="Received on" type="date" name={`requests.${i}.receivedOn`} errorPath={`informationRequests.${i}.receivedOn`} />
          </FieldGrid>
          <RequestEvidence i={i} options={evidenceOptions} />
          <RemoveItemButton onRemove={() => requests.remove(i)}>Remove request {i + 1}</RemoveItemButton>
        </div>
      ))}
      <AddItemButton onAdd={() => requests.append({ id: newId(), from: '', requestedOn: '', receivedOn: '', evidenceId: '' })}>Add an information request</AddItemButton>
    </AssessmentFormView>
  );
}

/** One person: the fields their role calls for (re-rendered when their role or name changes, not the whole form). */
function PersonCard({ i, signers, inSessions, onRemove }: { i: number; signers: Signer[]; inSessions: ReadonlySet<string>; onRemove(): void }) {
  const [personId, role, name, userId] = useWatch({ name: [`people.${i}.id`, `people.${i}.role`, `people.${i}.name`, `people.${i}.userId`] }) as [string, Role, string, string | undefined];
  const inSession = inSessions.has(personId);
  const label = `${roleName(role)}${name.trim() ? `: ${name}` : ''}`;
  const at = (k: keyof PersonForm) => `people.${i}.${k}`;
  return (
    <div className="item-card" role="group" aria-label={`Participant ${i + 1}`}>
      <ItemTitle>{label}</ItemTitle>
      <FieldGrid>
        <TextField label="Name" name={at('name')} errorPath={`participants.${i}.name`} />
        <SelectField<Role> label="Role" name={at('role')} errorPath={`participants.${i}.role`} options={roleLabels} />
        <TextField label="Organisation" name={at('organisation')} errorPath={`participants.${i}.organisation`} />
      </FieldGrid>
      {role === 'assessor' || role === 'manager' ? (
        <SelectField<string>
          label="Carefile user (who signs the record as this person)"
          name={at('userId')}
          errorPath={`participants.${i}.userId`}
          options={signerOptions(signers, userId || undefined)}
          hint="Links this person to their signing certificate, so the record shows whether each assessor has signed (AA-30)."
        />
      ) : null}
      {role === 'assessor' ? (
        <>
          <FieldGrid>
            <CheckField label="Qualified, registered social worker" name={at('qualifiedSocialWorker')} />
            <CheckField label="Experienced in age assessment or work with unaccompanied children" name={at('ageAssessmentExperience')} />
          </FieldGrid>
          <FieldGrid>
            <TextField label="Social Work England registration number" name={at('registrationNumber')} errorPath={`participants.${i}.registrationNumber`} />
            <TextField label="Experience and training" name={at('experienceNote')} errorPath={`participants.${i}.experienceNote`} hint="e.g. number of assessments, training and when." />
          </FieldGrid>
        </>
      ) : null}
      {role === 'interpreter' ? (
        <>
          <FieldGrid>
            <TextField label="Language" name={at('language')} errorPath={`participants.${i}.language`} />
            <TextField label="Dialect" name={at('dialect')} errorPath={`participants.${i}.dialect`} hint="Not just the language (AA-07)." />
            <SelectField<Mode | ''> label="How they interpret" name={at('mode')} options={modeLabels} />
          </FieldGrid>
          <FieldGrid>
            <CodeField kind="language" label="ISO 639-3 code of the interpreter's language" name={at('languageCode')} errorPath={`participants.${i}.languageCode`} hint="Type to search, e.g. Tigrinya or tir. Compared with the young person's first language (AA-07)." />
            <CodeField kind="language" label="ISO 639-3 code of the interpreter's dialect, if listed" name={at('dialectCode')} errorPath={`participants.${i}.dialectCode`} hint="Some dialects have their own code (Hazaragi haz, Sudanese Arabic apd)." />
          </FieldGrid>
        </>
      ) : null}
      {role === 'appropriate-adult' ? (
        <FieldGrid>
          <CheckField label="Independent of the council" name={at('independentOfCouncil')} />
          <CheckField label="Trained as an appropriate adult" name={at('trained')} />
          <CheckField label="The young person accepts them" name={at('acceptedByYoungPerson')} />
        </FieldGrid>
      ) : null}
      <div className="actions">
        {/* Sessions name who was present; removing such a person would leave the record pointing at no one. */}
        <button type="button" className="secondary" disabled={inSession} aria-describedby={inSession ? `${personId}-in-session` : undefined} onClick={onRemove}>
          Remove {label}
        </button>
        {inSession ? (
          <span className="hint" id={`${personId}-in-session`}>
            Recorded as present in a session, so they stay in the record. Take them out of the session first if that was a mistake.
          </span>
        ) : null}
      </div>
    </div>
  );
}

function RequestEvidence({ i, options }: { i: number; options: (readonly [string, string])[] }) {
  const [receivedOn, evidenceId] = useWatch({ name: [`requests.${i}.receivedOn`, `requests.${i}.evidenceId`] }) as [string, string];
  return (
    <SelectField<string>
      label="Evidence item it became"
      name={`requests.${i}.evidenceId`}
      errorPath={`informationRequests.${i}.evidenceId`}
      options={options}
      hint={receivedOn && !evidenceId ? 'What came back must be weighed as evidence (AA-17): add it under Evidence, then link it here.' : undefined}
    />
  );
}
