import { useId, useState } from 'react';
import { useController, useFieldArray, useFormState, useWatch } from 'react-hook-form';
import { api } from '../api/client';
import { CheckField, SelectField, TextArea, TextField } from '../forms/fields';
import { hasCheckErrors, messageAt } from '../forms/errors';
import { FieldCell, FieldRow } from '../forms/layout';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { newId } from '../forms/values';
import { EvidenceKind as EvidenceKindSchema, type AttachmentRef, type EvidenceItem, type EvidenceKind } from '../../../shared/domain/model';
import { evidenceKindOption, labelOptions, weightLabels } from '../../../shared/format/labels';
import type { EditorProps } from './types';
import { AttachmentOpenButton } from '../attachments/AttachmentPreview';
import { EvidenceList } from './evidence/EvidenceList';

const kindNames = EvidenceKindSchema.options.map((k) => [k, evidenceKindOption(k)] as const);
const weightNames = labelOptions(weightLabels);
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
  weight: EvidenceItem['weight'];
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

const itemLabel = (title: string | undefined, i: number) => `Evidence ${i + 1}${title?.trim() ? `: ${title.trim()}` : ''}`;

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
function Attachments({ name, label }: { name: string; label: string }) {
  const { field } = useController({ name });
  const attachments = (field.value as AttachmentRef[] | undefined) ?? [];
  const onChange = (list: AttachmentRef[]) => field.onChange(list);
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
        if (!attachments.some((a) => a.sha256 === res.value.sha256)) onChange([...attachments, res.value]);
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
      {attachments.length === 0 ? <p className="hint">No file attached.</p> : null}
      <ul className="attachments">
        {attachments.map((a) => (
          <li key={a.sha256}>
            {a.name} ({a.mediaType}, {plainSize(a.size)}) · SHA-256 <span className="mono">{a.sha256}</span> <AttachmentOpenButton attachment={a} />{' '}
            <button type="button" className="secondary" onClick={() => onChange(attachments.filter((x) => x.sha256 !== a.sha256))}>
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

type Form = { items: ItemDraft[] };

const NO_TITLE = 'Give this item a title (e.g. “Tazkira” or “Letter from the foster carer”).';

/** An item without a title is named before anything is sent. */
function untitled(f: Form): Array<[string, string]> {
  return f.items.flatMap((x, i): Array<[string, string]> => (x.title.trim() ? [] : [[`evidence.${i}.title`, NO_TITLE]]));
}

/** Interviews: every piece of evidence, weighed with reasons; documents rejected only with reasons. */
export function EvidenceEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({
    assessment,
    part: 'evidence',
    defaults: (): Form => ({ items: assessment.evidence.map(toDraft) }),
    toPart: (f: Form) => ({ evidence: f.items.map(fromDraft) }),
    check: untitled,
    onSaved,
  });
  const items = useFieldArray({ control: form.form.control, name: 'items' });
  const titles = useWatch({ control: form.form.control, name: items.fields.map((_, i) => `items.${i}.title` as const) });
  const decided = assessment.decision !== undefined;
  // 200 evidence cards at once cost a second to draw (issue 13.3): EvidenceList draws those in view.
  const [reveal, setReveal] = useState<{ index: number; seq: number }>();
  const show = (index: number) => setReveal((r) => ({ index, seq: (r?.seq ?? 0) + 1 }));
  // A refused save (the form's check, the schema or the main side) names an item (`evidence.41.title`):
  // draw it, so its message is on the page when the error summary looks for it.
  const error = form.error;
  const named = /^evidence\.(\d+)\./.exec(error?.field ?? '');
  const [shownError, setShownError] = useState(error);
  if (error !== shownError) {
    setShownError(error);
    if (named) show(Number(named[1]));
  }

  return (
    <AssessmentFormView f={form} label="Evidence" saveLabel="Save the evidence">
      <p className="hint">
        Weigh every item with reasons. A document is rejected only with reasons (AA-16, AA-17). Observations of appearance or demeanour need their context and a caveat on how unreliable they are (AA-19).
      </p>
      {items.fields.length === 0 ? <p>No evidence is recorded yet.</p> : null}
      <EvidenceList count={items.fields.length} keyOf={(i) => items.fields[i]!.id} labelOf={(i) => itemLabel(titles[i], i)} reveal={reveal}>
        {(i) => <EvidenceCard i={i} decided={decided} onRemove={() => items.remove(i)} />}
      </EvidenceList>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            items.append(emptyItem());
            show(items.fields.length);
          }}
        >
          Add evidence
        </button>
      </div>
      <Untitled count={items.fields.length} />
    </AssessmentFormView>
  );
}

function Untitled({ count }: { count: number }) {
  const { errors } = useFormState({ name: 'evidence' });
  if (!hasCheckErrors(errors)) return null;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => messageAt(errors, `evidence.${i}.title`) === NO_TITLE);
  return missing.length > 0 ? (
    <div role="alert" className="error-box">
      Not saved: {missing.map((i) => `evidence ${i + 1}`).join(', ')} {missing.length === 1 ? 'has' : 'have'} no title.
    </div>
  ) : null;
}

/** One item: the fields its kind calls for, re-rendered when those choices change, not on every keystroke. */
function EvidenceCard({ i, decided, onRemove }: { i: number; decided: boolean; onRemove(): void }) {
  const [kind, title, rejected, sciMethod, sciRefused, priorBy, priorOutcome, priorComparison, receivedAfterDecision] = useWatch({
    name: ['kind', 'title', 'rejected', 'sciMethod', 'sciRefused', 'priorBy', 'priorOutcome', 'priorComparison', 'receivedAfterDecision'].map((k) => `items.${i}.${k}`),
  }) as [EvidenceKind, string, boolean, string, boolean, string, string, string, boolean];
  const n = i + 1;
  const at = (k: keyof ItemDraft) => `items.${i}.${k}`;
  const model = (path: string) => `evidence.${i}.${path}`;
  const name = title.trim() ? `“${title.trim()}”` : `item ${n}`;
  return (
    <fieldset className="item-card">
      <legend>
        <h4>
          Evidence {n}
          {title.trim() ? `: ${title.trim()}` : ''}
        </h4>
      </legend>
      <SelectField label={`Evidence ${n}: kind`} name={at('kind')} errorPath={model('kind')} options={kindNames} />
      <TextField label={`Evidence ${n}: title`} name={at('title')} errorPath={model('title')} />
      <FieldRow>
        <FieldCell width="24rem">
          <TextField label={`Evidence ${n}: source`} name={at('source')} errorPath={model('source')} hint="Who gave it, or where it came from." />
        </FieldCell>
        <FieldCell width="12rem">
          <TextField label={`Evidence ${n}: obtained on`} type="date" name={at('obtainedOn')} errorPath={model('obtainedOn')} />
        </FieldCell>
      </FieldRow>
      <TextArea label={`Evidence ${n}: summary`} name={at('summary')} errorPath={model('summary')} wording />

      {OBSERVATION.has(kind) ? (
        <>
          <TextArea
            label={`Evidence ${n}: context of the observation`}
            name={at('observationContext')}
            errorPath={model('observationContext')}
            hint="Ethnicity, culture, trauma, the journey, malnutrition: what may make someone look or act older or younger."
            wording
          />
          <TextArea
            label={`Evidence ${n}: reliability caveat`}
            name={at('reliabilityCaveat')}
            errorPath={model('reliabilityCaveat')}
            hint="Say plainly how little appearance and demeanour can tell about age."
          />
        </>
      ) : null}

      <SelectField label={`Evidence ${n}: weight`} name={at('weight')} errorPath={model('weight')} options={weightNames} />
      <TextArea label={`Evidence ${n}: reasons for this weight`} name={at('weightReasons')} errorPath={model('weightReasons')} wording />
      <CheckField label={`Evidence ${n}: rejected`} name={at('rejected')} errorPath={model('rejected')} />
      {rejected ? <TextArea label={`Evidence ${n}: why it is rejected`} name={at('rejectionReasons')} errorPath={model('rejectionReasons')} wording /> : null}

      {kind === 'scientific' || sciMethod || sciRefused ? (
        <fieldset className="subgroup">
          <legend>Scientific method (AA-34, AA-35)</legend>
          <TextField label={`Evidence ${n}: method`} name={at('sciMethod')} errorPath={model('scientific.method')} />
          <CheckField label={`Evidence ${n}: used only after a fair (Merton) assessment`} name={at('sciAfterFair')} />
          <CheckField label={`Evidence ${n}: the young person refused`} name={at('sciRefused')} />
          {sciRefused ? <TextArea label={`Evidence ${n}: their reasons for refusing, in their words`} name={at('sciRefusalReasons')} errorPath={model('scientific.refusalReasons')} /> : null}
        </fieldset>
      ) : null}

      {PRIOR.has(kind) || priorBy || priorOutcome || priorComparison ? (
        <fieldset className="subgroup">
          <legend>Earlier assessment: compared, never adopted (AA-04, AA-41)</legend>
          <FieldRow>
            <FieldCell width="24rem">
              <TextField label={`Evidence ${n}: assessed by`} name={at('priorBy')} errorPath={model('priorAssessment.by')} />
            </FieldCell>
            <FieldCell width="12rem">
              <TextField label={`Evidence ${n}: assessed on`} type="date" name={at('priorDate')} errorPath={model('priorAssessment.date')} />
            </FieldCell>
          </FieldRow>
          <TextField label={`Evidence ${n}: its outcome`} name={at('priorOutcome')} errorPath={model('priorAssessment.outcome')} />
          <TextArea label={`Evidence ${n}: how it compares with this assessment`} name={at('priorComparison')} errorPath={model('priorAssessment.comparison')} wording />
        </fieldset>
      ) : null}

      {decided || receivedAfterDecision ? <CheckField label={`Evidence ${n}: received after the decision (calls for a reassessment review, AA-37)`} name={at('receivedAfterDecision')} /> : null}

      <Attachments name={at('attachments')} label={`Attach a file to ${name}`} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onRemove}>
          Remove evidence {n}
        </button>
      </div>
    </fieldset>
  );
}
