import { useId, useState, type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { api } from '../api/client';
import { TextField, TextArea } from '../forms/fields';
import { WordingNotes } from '../components/WordingNotes';
import type { Assessment, AttachmentRef, EvidenceItem, EvidenceKind } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { CheckField, errorAt, FieldCell, FieldRow, SelectField } from './interviewControls';
import { newId, useAssessmentSave } from './useAssessmentSave';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';
import { AttachmentOpenButton } from '../attachments/AttachmentPreview';
import { EvidenceList } from './evidence/EvidenceList';

const kindNames: ReadonlyArray<readonly [EvidenceKind, string]> = [
  ['identity-document', 'Identity document (passport, ID card, birth certificate)'],
  ['other-document', 'Other document (school, medical, letter)'],
  ['third-party', 'What others say (carer, teacher, health staff)'],
  ['young-persons-account', "The young person's own account"],
  ['appearance', 'Observation of physical appearance'],
  ['demeanour', 'Observation of demeanour or behaviour'],
  ['scientific', 'Scientific method (e.g. X-ray, MRI)'],
  ['prior-assessment', 'An earlier age assessment'],
  ['home-office-information', 'Home Office information'],
  ['other', 'Other'],
];
type Weight = EvidenceItem['weight'];
const weightNames: ReadonlyArray<readonly [Weight, string]> = [
  ['not-yet-weighed', 'Not yet weighed'],
  ['significant', 'Significant weight'],
  ['some', 'Some weight'],
  ['limited', 'Limited weight'],
  ['none', 'No weight'],
];
const OBSERVATION: ReadonlySet<EvidenceKind> = new Set(['appearance', 'demeanour']);
const PRIOR: ReadonlySet<EvidenceKind> = new Set(['prior-assessment', 'home-office-information']);
const MAX_BYTES = 25 * 1024 * 1024;

interface ItemDraft {
  id: string;
  kind: EvidenceKind;
  title: string;
  source: string;
  obtainedOn: string;
  summary: string;
  weight: Weight;
  weightReasons: string;
  rejected: boolean;
  rejectionReasons: string;
  attachments: AttachmentRef[];
  observationContext: string;
  reliabilityCaveat: string;
  sciMethod: string;
  sciAfterFair: boolean;
  sciRefused: boolean;
  sciRefusalReasons: string;
  priorBy: string;
  priorDate: string;
  priorOutcome: string;
  priorComparison: string;
  receivedAfterDecision: boolean;
}

function toDraft(e: EvidenceItem): ItemDraft {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    source: e.source ?? '',
    obtainedOn: e.obtainedOn ?? '',
    summary: e.summary ?? '',
    weight: e.weight,
    weightReasons: e.weightReasons ?? '',
    rejected: e.rejected,
    rejectionReasons: e.rejectionReasons ?? '',
    attachments: e.attachments,
    observationContext: e.observationContext ?? '',
    reliabilityCaveat: e.reliabilityCaveat ?? '',
    sciMethod: e.scientific?.method ?? '',
    sciAfterFair: e.scientific?.afterFairAssessment ?? false,
    sciRefused: e.scientific?.refused ?? false,
    sciRefusalReasons: e.scientific?.refusalReasons ?? '',
    priorBy: e.priorAssessment?.by ?? '',
    priorDate: e.priorAssessment?.date ?? '',
    priorOutcome: e.priorAssessment?.outcome ?? '',
    priorComparison: e.priorAssessment?.comparison ?? '',
    receivedAfterDecision: e.receivedAfterDecision,
  };
}

const opt = (s: string) => (s.trim() ? s : undefined);

/** The draft as the model holds it. Blocks nobody filled in stay absent, so the safeguards can say so. */
function fromDraft(d: ItemDraft): EvidenceItem {
  const hasScience = d.sciMethod.trim() !== '' || d.sciAfterFair || d.sciRefused || d.sciRefusalReasons.trim() !== '';
  const hasPrior = [d.priorBy, d.priorDate, d.priorOutcome, d.priorComparison].some((s) => s.trim() !== '');
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    source: opt(d.source),
    obtainedOn: opt(d.obtainedOn),
    summary: opt(d.summary),
    weight: d.weight,
    weightReasons: opt(d.weightReasons),
    rejected: d.rejected,
    rejectionReasons: d.rejected ? opt(d.rejectionReasons) : undefined,
    attachments: d.attachments,
    observationContext: opt(d.observationContext),
    reliabilityCaveat: opt(d.reliabilityCaveat),
    scientific: hasScience ? { method: d.sciMethod, afterFairAssessment: d.sciAfterFair, refused: d.sciRefused, refusalReasons: d.sciRefused ? opt(d.sciRefusalReasons) : undefined } : undefined,
    priorAssessment: hasPrior ? { by: d.priorBy, date: opt(d.priorDate), outcome: opt(d.priorOutcome), comparison: opt(d.priorComparison) } : undefined,
    receivedAfterDecision: d.receivedAfterDecision,
  };
}

const itemLabel = (x: ItemDraft, i: number) => `Evidence ${i + 1}${x.title.trim() ? `: ${x.title.trim()}` : ''}`;

function emptyItem(): ItemDraft {
  return toDraft({ id: newId(), kind: 'other-document', title: '', weight: 'not-yet-weighed', rejected: false, attachments: [], receivedAfterDecision: false });
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

function plainSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Attached files (name, type, size, SHA-256) and the picker that stores a new one through `attachments.add`. */
function Attachments({ item, label, onChange }: { item: ItemDraft; label: string; onChange(list: AttachmentRef[]): void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [added, setAdded] = useState<string>();

  async function pick(file: File | undefined) {
    if (!file) return;
    setAdded(undefined);
    if (file.size > MAX_BYTES) {
      setProblem(`“${file.name}” is ${plainSize(file.size)}; attachments may be at most 25 MB.`);
      return;
    }
    setBusy(true);
    try {
      const res = await api['attachments.add']({ name: file.name, dataBase64: await readAsBase64(file) });
      if (!res.ok) setProblem(res.error.message);
      else {
        setProblem(undefined);
        if (!item.attachments.some((a) => a.sha256 === res.value.sha256)) onChange([...item.attachments, res.value]);
        setAdded(`“${res.value.name}” is stored. Save the evidence to keep it with this item.`);
      }
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'The file could not be read.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="subgroup">
      <legend>Attached files</legend>
      {item.attachments.length === 0 ? <p className="hint">No file attached.</p> : null}
      <ul className="attachments">
        {item.attachments.map((a) => (
          <li key={a.sha256}>
            {a.name} ({a.mediaType}, {plainSize(a.size)}) · SHA-256 <span className="mono">{a.sha256}</span> <AttachmentOpenButton attachment={a} />{' '}
            <button type="button" className="secondary" onClick={() => onChange(item.attachments.filter((x) => x.sha256 !== a.sha256))}>
              Detach {a.name}
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          PDF, JPEG, PNG, WebP or plain text, up to 25 MB. The type is judged from the file's content.
        </p>
        <input
          id={id}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,.webp,.txt,application/pdf,image/jpeg,image/png,image/webp,text/plain"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void pick(input.files?.[0]).then(() => (input.value = ''));
          }}
        />
      </div>
      {busy ? <p aria-live="polite">Storing the file…</p> : null}
      {added ? <p role="status">{added}</p> : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Interviews: every piece of evidence, weighed with reasons; documents rejected only with reasons. */
export function EvidenceEditor({ assessment, onSaved }: EditorProps) {
  const [items, setItems] = useDraftState<ItemDraft[]>('items', () => assessment.evidence.map(toDraft));
  const { save, error, saving } = useAssessmentSave('evidence', onSaved);
  const update = (i: number, patch: Partial<ItemDraft>) => setItems((old) => old.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const decided = assessment.decision !== undefined;
  const [untitled, setUntitled] = useState<number[]>([]);
  // 200 evidence cards at once cost a second to draw (issue 13.3): EvidenceList draws those in view.
  const [reveal, setReveal] = useState<{ index: number; seq: number }>();
  const show = (index: number) => setReveal((r) => ({ index, seq: (r?.seq ?? 0) + 1 }));
  // A refused save names an item (`evidence.41.title`): draw it, so its message is on the page.
  const named = /^evidence\.(\d+)\./.exec(error?.field ?? '');
  const [shownError, setShownError] = useState(error);
  if (error !== shownError) {
    setShownError(error);
    if (named) show(Number(named[1]));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = items.flatMap((x, i) => (x.title.trim() ? [] : [i]));
    setUntitled(missing);
    if (missing.length > 0) {
      show(missing[0]!);
      return;
    }
    await save({ ...assessment, evidence: items.map(fromDraft) } satisfies Assessment);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Evidence">
      <p className="hint">
        Weigh every item with reasons. A document is rejected only with reasons (AA-16, AA-17). Observations of appearance or demeanour need their context and a caveat on how unreliable they are (AA-19).
      </p>
      {items.length === 0 ? <p>No evidence is recorded yet.</p> : null}
      <EvidenceList count={items.length} keyOf={(i) => items[i]!.id} labelOf={(i) => itemLabel(items[i]!, i)} reveal={reveal}>
        {(i) => {
        const x = items[i]!;
        const n = i + 1;
        const at = (field: string) => errorAt(error, `evidence.${i}.${field}`);
        const name = x.title.trim() ? `“${x.title.trim()}”` : `item ${n}`;
        return (
          <fieldset key={x.id} className="item-card">
            <legend>
              <h4>
                Evidence {n}
                {x.title.trim() ? `: ${x.title.trim()}` : ''}
              </h4>
            </legend>
            <SelectField label={`Evidence ${n}: kind`} value={x.kind} options={kindNames} onChange={(v) => update(i, { kind: v })} />
            <TextField
              label={`Evidence ${n}: title`}
              value={x.title}
              onChange={(v) => update(i, { title: v })}
              error={untitled.includes(i) ? 'Give this item a title (e.g. “Tazkira” or “Letter from the foster carer”).' : at('title')}
            />
            <FieldRow>
              <FieldCell width="24rem">
                <TextField label={`Evidence ${n}: source`} value={x.source} onChange={(v) => update(i, { source: v })} hint="Who gave it, or where it came from." error={at('source')} />
              </FieldCell>
              <FieldCell width="12rem">
                <TextField label={`Evidence ${n}: obtained on`} type="date" value={x.obtainedOn} onChange={(v) => update(i, { obtainedOn: v })} error={at('obtainedOn')} />
              </FieldCell>
            </FieldRow>
            <TextArea label={`Evidence ${n}: summary`} value={x.summary} onChange={(v) => update(i, { summary: v })} error={at('summary')}>
              <WordingNotes text={x.summary} />
            </TextArea>

            {OBSERVATION.has(x.kind) ? (
              <>
                <TextArea
                  label={`Evidence ${n}: context of the observation`}
                  value={x.observationContext}
                  onChange={(v) => update(i, { observationContext: v })}
                  hint="Ethnicity, culture, trauma, the journey, malnutrition: what may make someone look or act older or younger."
                  error={at('observationContext')}
                >
                  <WordingNotes text={x.observationContext} />
                </TextArea>
                <TextArea
                  label={`Evidence ${n}: reliability caveat`}
                  value={x.reliabilityCaveat}
                  onChange={(v) => update(i, { reliabilityCaveat: v })}
                  hint="Say plainly how little appearance and demeanour can tell about age."
                  error={at('reliabilityCaveat')}
                />
              </>
            ) : null}

            <SelectField label={`Evidence ${n}: weight`} value={x.weight} options={weightNames} onChange={(v) => update(i, { weight: v })} error={at('weight')} />
            <TextArea label={`Evidence ${n}: reasons for this weight`} value={x.weightReasons} onChange={(v) => update(i, { weightReasons: v })} error={at('weightReasons')}>
              <WordingNotes text={x.weightReasons} />
            </TextArea>
            <CheckField label={`Evidence ${n}: rejected`} checked={x.rejected} onChange={(v) => update(i, { rejected: v })} />
            {x.rejected ? (
              <TextArea label={`Evidence ${n}: why it is rejected`} value={x.rejectionReasons} onChange={(v) => update(i, { rejectionReasons: v })} error={at('rejectionReasons')}>
                <WordingNotes text={x.rejectionReasons} />
              </TextArea>
            ) : null}

            {x.kind === 'scientific' || x.sciMethod || x.sciRefused ? (
              <fieldset className="subgroup">
                <legend>Scientific method (AA-34, AA-35)</legend>
                <TextField label={`Evidence ${n}: method`} value={x.sciMethod} onChange={(v) => update(i, { sciMethod: v })} error={at('scientific.method')} />
                <CheckField label={`Evidence ${n}: used only after a fair (Merton) assessment`} checked={x.sciAfterFair} onChange={(v) => update(i, { sciAfterFair: v })} />
                <CheckField label={`Evidence ${n}: the young person refused`} checked={x.sciRefused} onChange={(v) => update(i, { sciRefused: v })} />
                {x.sciRefused ? (
                  <TextArea label={`Evidence ${n}: their reasons for refusing, in their words`} value={x.sciRefusalReasons} onChange={(v) => update(i, { sciRefusalReasons: v })} error={at('scientific.refusalReasons')} />
                ) : null}
              </fieldset>
            ) : null}

            {PRIOR.has(x.kind) || x.priorBy || x.priorOutcome || x.priorComparison ? (
              <fieldset className="subgroup">
                <legend>Earlier assessment: compared, never adopted (AA-04, AA-41)</legend>
                <FieldRow>
                  <FieldCell width="24rem">
                    <TextField label={`Evidence ${n}: assessed by`} value={x.priorBy} onChange={(v) => update(i, { priorBy: v })} error={at('priorAssessment.by')} />
                  </FieldCell>
                  <FieldCell width="12rem">
                    <TextField label={`Evidence ${n}: assessed on`} type="date" value={x.priorDate} onChange={(v) => update(i, { priorDate: v })} error={at('priorAssessment.date')} />
                  </FieldCell>
                </FieldRow>
                <TextField label={`Evidence ${n}: its outcome`} value={x.priorOutcome} onChange={(v) => update(i, { priorOutcome: v })} error={at('priorAssessment.outcome')} />
                <TextArea label={`Evidence ${n}: how it compares with this assessment`} value={x.priorComparison} onChange={(v) => update(i, { priorComparison: v })} error={at('priorAssessment.comparison')}>
                  <WordingNotes text={x.priorComparison} />
                </TextArea>
              </fieldset>
            ) : null}

            {decided || x.receivedAfterDecision ? (
              <CheckField label={`Evidence ${n}: received after the decision (calls for a reassessment review, AA-37)`} checked={x.receivedAfterDecision} onChange={(v) => update(i, { receivedAfterDecision: v })} />
            ) : null}

            <Attachments item={x} label={`Attach a file to ${name}`} onChange={(list) => update(i, { attachments: list })} />
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setItems((old) => old.filter((_, j) => j !== i))}>
                Remove evidence {n}
              </button>
            </div>
          </fieldset>
        );
        }}
      </EvidenceList>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setItems((old) => [...old, emptyItem()]);
            show(items.length);
          }}
        >
          Add evidence
        </button>
      </div>
 {untitled.length > 0 ? (
        <div role="alert" className="error-box">
          Not saved: {untitled.map((i) => `evidence ${i + 1}`).join(', ')} {untitled.length === 1 ? 'has' : 'have'} no title.
        </div>
      ) : null}
      <SaveBar saving={saving} error={error} label="Save the evidence" disabled={!isPartOpen(assessment, 'evidence')} />
    </form>
  );
}
