import { useId } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { LiveWording } from '../forms/bound';
import { fromYesNo, yesNo, type YesNo } from '../forms/fields';
import { messageAt } from '../forms/errors';
import { AssessmentFormView, useAssessmentForm } from '../forms/useAssessmentForm';
import { SafeguardId, type Assessment } from '../../../shared/domain/model';
import { formatInstant } from '../../../shared/format/dates';
import type { EditorProps } from './types';
import { safeguardLabels } from '../../../shared/format/labels';

type Safeguard = (typeof SafeguardId.options)[number];
type Entry = Assessment['safeguardLog'][number];

interface Row {
  used: YesNo;
  reason: string;
}

const latest = (log: readonly Entry[], s: Safeguard): Entry | undefined => log.filter((e) => e.safeguard === s).at(-1);

type Form = { rows: Record<Safeguard, Row> };

function formFrom(assessment: Assessment): Form {
  const rows = {} as Record<Safeguard, Row>;
  for (const s of SafeguardId.options) {
    const e = latest(assessment.safeguardLog, s);
    rows[s] = { used: yesNo(e?.used), reason: e?.reason ?? '' };
  }
  return { rows };
}

const NO_REASON = 'Say why this safeguard was not used.';

/** A safeguard answered "no" owes its reason (R (HAM) v Brent): asked for before anything is sent. */
function missingReasons(f: Form): Array<[string, string]> {
  return SafeguardId.options.filter((s) => f.rows[s].used === 'no' && f.rows[s].reason.trim() === '').map((s) => [`rows.${s}.reason`, NO_REASON]);
}

function toPart(assessment: Assessment, f: Form) {
  const now = new Date().toISOString();
  const log = [...assessment.safeguardLog];
  for (const s of SafeguardId.options) {
    const row = f.rows[s];
    const used = fromYesNo(row.used);
    if (used === undefined) continue;
    const reason = row.reason.trim() === '' ? undefined : row.reason;
    const before = latest(assessment.safeguardLog, s);
    if (before && before.used === used && (before.reason ?? undefined) === reason) continue;
    const entry: Entry = { safeguard: s, used, reason, recordedOn: now };
    if (before) log[log.lastIndexOf(before)] = entry;
    else log.push(entry);
  }
  // The part's schema drops `recordedOn`: the main side stamps the times (shared/domain/parts.ts).
  return { safeguardLog: log };
}

/**
 * The safeguard log (AA-44): for each safeguard, whether it was used and, if not, why. The time of
 * each answer is stamped when it is saved; unchanged answers keep their time, and earlier entries
 * for the same safeguard stay in the log.
 */
export function SafeguardLogEditor({ assessment, onSaved }: EditorProps) {
  const form = useAssessmentForm({ assessment, part: 'safeguardLog', defaults: () => formFrom(assessment), toPart: (f: Form) => toPart(assessment, f), check: missingReasons, onSaved });
  const uid = useId();
  return (
    <AssessmentFormView f={form} label="Safeguard log">
      <p className="hint">For each safeguard, say whether it was used. If it was not, say why: the law allows a safeguard to be left out only for a reason recorded at the time (R (HAM) v Brent).</p>
      <MissingReasons />
      <table>
        <caption className="visually-hidden">Each safeguard, whether it was used, and why not</caption>
        <thead>
          <tr>
            <th scope="col" id={`${uid}-sg`}>Safeguard</th>
            <th scope="col" id={`${uid}-used`}>Used?</th>
            <th scope="col" id={`${uid}-reason`}>Why not used, or a note</th>
          </tr>
        </thead>
        <tbody>
          {SafeguardId.options.map((s) => (
            <SafeguardRow key={s} s={s} uid={uid} recorded={latest(assessment.safeguardLog, s)?.recordedOn} />
          ))}
        </tbody>
      </table>
    </AssessmentFormView>
  );
}

function MissingReasons() {
  const { errors } = useFormState({ name: 'rows' });
  const missing = SafeguardId.options.filter((s) => messageAt(errors, `rows.${s}.reason`) === NO_REASON);
  return missing.length > 0 ? (
    <div role="alert" className="error-box">
      Give a reason for each safeguard not used ({missing.map((s) => safeguardLabels[s]).join('; ')}). Nothing has been saved yet; what you typed is kept.
    </div>
  ) : null;
}

function SafeguardRow({ s, uid, recorded }: { s: Safeguard; uid: string; recorded?: string }) {
  const { register } = useFormContext<Form>();
  const { errors } = useFormState({ name: `rows.${s}.reason` });
  const error = messageAt(errors, `rows.${s}.reason`);
  const rowId = `${uid}-${s}`;
  return (
    <tr>
      <th scope="row" id={rowId}>
        {safeguardLabels[s]}
        <span className="hint" style={{ display: 'block', fontWeight: 400 }}>
          {recorded ? `Last recorded ${formatInstant(recorded)}` : 'Not recorded yet'}
        </span>
      </th>
      <td>
        <select aria-labelledby={`${rowId} ${uid}-used`} style={{ minWidth: '9rem' }} {...register(`rows.${s}.used`)}>
          <option value="">Not recorded yet</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </td>
      <td>
        <textarea
          aria-labelledby={`${rowId} ${uid}-reason`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${rowId}-error` : undefined}
          rows={2}
          style={{ minHeight: '2.75rem' }}
          {...register(`rows.${s}.reason`)}
        />
        {error ? (
          <p className="field-error" id={`${rowId}-error`}>
            {error}
          </p>
        ) : null}
        {/* Heard of outside React: typing a reason renders nothing until it pauses (ui-03). */}
        <LiveWording name={`rows.${s}.reason`} />
      </td>
    </tr>
  );
}
