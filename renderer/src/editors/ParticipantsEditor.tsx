import { useEffect, useState, type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { api } from '../api/client';
import { TextField } from '../forms/fields';
import { CodeField } from '../forms/CodeField';
import type { Assessment, Participant } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { newId, useAssessmentSave } from './useAssessmentSave';
import { CheckField, FieldRow, ItemTitle, SelectField, errorAt, opt } from './earlyFields';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

type Role = Participant['role'];
type Mode = NonNullable<Participant['mode']>;

const roleLabels: readonly (readonly [Role, string])[] = [
  ['assessor', 'Assessor (social worker)'],
  ['interpreter', 'Interpreter'],
  ['appropriate-adult', 'Appropriate adult'],
  ['legal-representative', 'Legal representative'],
  ['manager', 'Manager'],
  ['carer', 'Carer'],
  ['other', 'Someone else'],
];
const roleName = (r: Role) => roleLabels.find(([v]) => v === r)?.[1] ?? r;

const modeLabels: readonly (readonly [Mode | '', string])[] = [
  ['', 'Not recorded yet'],
  ['in-person', 'In person'],
  ['video', 'Video call'],
  ['telephone', 'Telephone'],
];

interface PersonForm {
  id: string;
  role: Role;
  name: string;
  organisation: string;
  userId?: string;
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
  evidenceId?: string;
}

const personForm = (p: Participant): PersonForm => ({
  id: p.id,
  role: p.role,
  name: p.name,
  organisation: p.organisation ?? '',
  userId: p.userId,
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
  const base: Participant = { id: p.id, role: p.role, name: p.name, organisation: opt(p.organisation), userId: p.userId };
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

type Signer = { id: string; displayName: string; role: string };

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
  const options: (readonly [string, string])[] = [['', 'Not linked to a Carefile user'], ...signers.map((u) => [u.id, `${u.displayName} (${u.role})`] as const)];
  // A link made in another council's store is kept, and said plainly.
  if (current && !signers.some((u) => u.id === current)) options.push([current, 'A user of another Carefile store']);
  return options;
}

/** Planning: who takes part (assessors, interpreter, appropriate adult...) and the information asked of others. */
export function ParticipantsEditor({ assessment, onSaved }: EditorProps) {
  const [people, setPeople] = useDraftState<PersonForm[]>('people', () => assessment.participants.map(personForm));
  const [requests, setRequests] = useDraftState<RequestForm[]>('requests', () =>
    assessment.informationRequests.map((r) => ({ id: r.id, from: r.from, requestedOn: r.requestedOn, receivedOn: r.receivedOn ?? '', evidenceId: r.evidenceId })),
  );
  const [newRole, setNewRole] = useState<Role>('assessor');
  const signers = useSigners();
  const { save, error, saving } = useAssessmentSave('participants', onSaved);
  const err = (path: string) => errorAt(error, path);

  const setPerson =
    <K extends keyof PersonForm>(i: number, k: K) =>
    (v: PersonForm[K]) =>
      setPeople((old) => old.map((p, j) => (j === i ? { ...p, [k]: v } : p)));
  const setRequest = (i: number, k: keyof RequestForm) => (v: string) => setRequests((old) => old.map((r, j) => (j === i ? { ...r, [k]: v } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Assessment = {
      ...assessment,
      participants: people.map(toParticipant),
      informationRequests: requests.map((r) => ({ id: r.id, from: r.from, requestedOn: r.requestedOn, receivedOn: opt(r.receivedOn), evidenceId: r.evidenceId || undefined })),
    };
    await save(next);
  }

  const evidenceOptions: (readonly [string, string])[] = [['', 'Not linked yet'], ...assessment.evidence.map((e) => [e.id, e.title] as const)];
  const inSessions = new Set(assessment.sessions.flatMap((s) => s.presentParticipantIds));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Participants and information requests">
      <h4>People taking part</h4>
      <p className="hint">Two qualified social workers, one experienced in age assessment (AA-05, AA-06); an interpreter in the young person's language and dialect (AA-07); an independent appropriate adult they accept (AA-09).</p>
      {people.length === 0 ? <p className="hint">No one recorded yet.</p> : null}
      {people.map((p, i) => {
        const label = `${roleName(p.role)}${p.name.trim() ? `: ${p.name}` : ''}`;
        return (
          <div className="item-card" key={p.id} role="group" aria-label={`Participant ${i + 1}`}>
            <ItemTitle>{label}</ItemTitle>
            <FieldRow>
              <TextField label="Name" value={p.name} onChange={setPerson(i, 'name')} error={err(`participants.${i}.name`)} />
              <SelectField<Role> label="Role" value={p.role} options={roleLabels} onChange={(v) => v && setPerson(i, 'role')(v)} />
              <TextField label="Organisation" value={p.organisation} onChange={setPerson(i, 'organisation')} />
            </FieldRow>
            {p.role === 'assessor' || p.role === 'manager' ? (
              <SelectField<string>
                label="Carefile user (who signs the record as this person)"
                value={p.userId ?? ''}
                options={signerOptions(signers, p.userId)}
                onChange={(v) => setPerson(i, 'userId')(v || undefined)}
                hint="Links this person to their signing certificate, so the record shows whether each assessor has signed (AA-30)."
              />
            ) : null}
            {p.role === 'assessor' ? (
              <>
                <FieldRow>
                  <CheckField label="Qualified, registered social worker" checked={p.qualifiedSocialWorker} onChange={setPerson(i, 'qualifiedSocialWorker')} />
                  <CheckField label="Experienced in age assessment or work with unaccompanied children" checked={p.ageAssessmentExperience} onChange={setPerson(i, 'ageAssessmentExperience')} />
                </FieldRow>
                <FieldRow>
                  <TextField label="Social Work England registration number" value={p.registrationNumber} onChange={setPerson(i, 'registrationNumber')} />
                  <TextField label="Experience and training" value={p.experienceNote} onChange={setPerson(i, 'experienceNote')} hint="e.g. number of assessments, training and when." />
                </FieldRow>
              </>
            ) : null}
            {p.role === 'interpreter' ? (
              <>
              <FieldRow>
                <TextField label="Language" value={p.language} onChange={setPerson(i, 'language')} />
                <TextField label="Dialect" value={p.dialect} onChange={setPerson(i, 'dialect')} hint="Not just the language (AA-07)." />
                <SelectField<Mode> label="How they interpret" value={p.mode} options={modeLabels} onChange={setPerson(i, 'mode')} />
              </FieldRow>
              <FieldRow>
                <CodeField kind="language" label="ISO 639-3 code of the interpreter's language" code={p.languageCode} onChange={setPerson(i, 'languageCode')} hint="Type to search, e.g. Tigrinya or tir. Compared with the young person's first language (AA-07)." />
                <CodeField kind="language" label="ISO 639-3 code of the interpreter's dialect, if listed" code={p.dialectCode} onChange={setPerson(i, 'dialectCode')} hint="Some dialects have their own code (Hazaragi haz, Sudanese Arabic apd)." />
              </FieldRow>
              </>
            ) : null}
            {p.role === 'appropriate-adult' ? (
              <FieldRow>
                <CheckField label="Independent of the council" checked={p.independentOfCouncil} onChange={setPerson(i, 'independentOfCouncil')} />
                <CheckField label="Trained as an appropriate adult" checked={p.trained} onChange={setPerson(i, 'trained')} />
                <CheckField label="The young person accepts them" checked={p.acceptedByYoungPerson} onChange={setPerson(i, 'acceptedByYoungPerson')} />
              </FieldRow>
            ) : null}
            <div className="actions">
              {/* Sessions name who was present; removing such a person would leave the record pointing at no one. */}
              <button type="button" className="secondary" disabled={inSessions.has(p.id)} aria-describedby={inSessions.has(p.id) ? `${p.id}-in-session` : undefined} onClick={() => setPeople((old) => old.filter((_, j) => j !== i))}>
                Remove {label}
              </button>
              {inSessions.has(p.id) ? (
                <span className="hint" id={`${p.id}-in-session`}>
                  Recorded as present in a session, so they stay in the record. Take them out of the session first if that was a mistake.
                </span>
              ) : null}
            </div>
          </div>
        );
      })}
      <SelectField<Role> label="Role of the person to add" value={newRole} options={roleLabels} onChange={(v) => v && setNewRole(v)} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setPeople((old) => [...old, blankPerson(newRole)])}>
          Add a participant
        </button>
      </div>

      <h4>Information requested from others</h4>
      <p className="hint">Carers, school or college, GP, the Home Office: what was asked for, and whether it came back.</p>
      {requests.length === 0 ? <p className="hint">No requests recorded yet.</p> : null}
      {requests.map((r, i) => (
        <div className="item-card" key={r.id} role="group" aria-label={`Information request ${i + 1}`}>
          <FieldRow>
            <TextField label="Requested from" value={r.from} onChange={setRequest(i, 'from')} error={err(`informationRequests.${i}.from`)} />
            <TextField label="Requested on" type="date" value={r.requestedOn} onChange={setRequest(i, 'requestedOn')} error={err(`informationRequests.${i}.requestedOn`)} />
            <TextField label="Received on" type="date" value={r.receivedOn} onChange={setRequest(i, 'receivedOn')} error={err(`informationRequests.${i}.receivedOn`)} />
          </FieldRow>
          <SelectField<string>
            label="Evidence item it became"
            value={r.evidenceId ?? ''}
            options={evidenceOptions}
            onChange={setRequest(i, 'evidenceId')}
            hint={r.receivedOn && !r.evidenceId ? 'What came back must be weighed as evidence (AA-17): add it under Evidence, then link it here.' : undefined}
          />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setRequests((old) => old.filter((_, j) => j !== i))}>
              Remove request {i + 1}
            </button>
          </div>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRequests((old) => [...old, { id: newId(), from: '', requestedOn: '', receivedOn: '' }])}>
          Add an information request
        </button>
      </div>
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'participants')} />
    </form>
  );
}
