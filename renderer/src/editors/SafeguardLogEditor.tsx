import { useId, useState, type FormEvent } from 'react';
import { useDraftState } from '../drafts/DraftContext';
import { WordingNotes } from '../components/WordingNotes';
import { SafeguardId, type Assessment } from '../../../shared/domain/model';
import { SaveBar } from '../forms/SaveBar';
import { useAssessmentSave } from './useAssessmentSave';
import { fromYesNo, yesNo, type YesNo } from './earlyFields';
import type { EditorProps } from './types';
import { isPartOpen } from '../../../shared/domain/workflow';

type Safeguard = (typeof SafeguardId.options)[number];
type Entry = Assessment['safeguardLog'][number];

const safeguardNames: Record<Safeguard, string> = {
  'two-assessors': 'Two qualified social workers',
  'experienced-assessor': 'An assessor experienced in age assessment',
  interpreter: 'An interpreter in their language and dialect',
  'appropriate-adult': 'An appropriate adult',
  'legal-representative': 'A legal representative told and involved',
  'rest-before-interview': 'Rest before the first interview',
  'multiple-sessions': 'More than one interview session',
  breaks: 'Breaks during interviews',
  'written-explanation': 'The purpose explained in writing',
  'minded-to-meeting': 'A minded-to meeting to answer adverse points',
  'copy-to-young-person': 'A copy of the decision given to the young person',
};

interface Row {
  used: YesNo;
  reason: string;
}

const latest = (log: readonly Entry[], s: Safeguard): Entry | undefined => log.filter((e) => e.safeguard === s).at(-1);

/**
 * The safeguard log (AA-44): for each safeguard, whether it was used and, if not, why. The time of
 * each answer is stamped when it is saved; unchanged answers keep their time, and earlier entries
 * for the same safeguard stay in the log.
 */
export function SafeguardLogEditor({ assessment, onSaved }: EditorProps) {
  const [rows, setRows] = useDraftState<Record<Safeguard, Row>>('rows', () => {
    const out = {} as Record<Safeguard, Row>;
    for (const s of SafeguardId.options) {
      const e = latest(assessment.safeguardLog, s);
      out[s] = { used: yesNo(e?.used), reason: e?.reason ?? '' };
    }
    return out;
  });
  const uid = useId();
  const [missingReasons, setMissingReasons] = useState<Safeguard[]>([]);
  const { save, error, saving } = useAssessmentSave('safeguardLog', onSaved);
  const setRow = (s: Safeguard, k: keyof Row) => (v: string) => setRows((old) => ({ ...old, [s]: { ...old[s], [k]: k === 'used' ? (v as YesNo) : v } }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const noReason = SafeguardId.options.filter((s) => rows[s].used === 'no' && rows[s].reason.trim() === '');
    setMissingReasons(noReason);
    if (noReason.length > 0) return;
    const now = new Date().toISOString();
    const log = [...assessment.safeguardLog];
    for (const s of SafeguardId.options) {
      const row = rows[s];
      const used = fromYesNo(row.used);
      if (used === undefined) continue;
      const reason = row.reason.trim() === '' ? undefined : row.reason;
      const before = latest(assessment.safeguardLog, s);
      if (before && before.used === used && (before.reason ?? undefined) === reason) continue;
      const entry: Entry = { safeguard: s, used, reason, recordedOn: now };
      if (before) log[log.lastIndexOf(before)] = entry;
      else log.push(entry);
    }
    await save({ ...assessment, safeguardLog: log });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Safeguard log">
      <p className="hint">For each safeguard, say whether it was used. If it was not, say why: the law allows a safeguard to be left out only for a reason recorded at the time (R (HAM) v Brent).</p>
      {missingReasons.length > 0 ? (
        <div role="alert" className="error-box">
          Give a reason for each safeguard not used ({missingReasons.map((s) => safeguardNames[s]).join('; ')}). Nothing has been saved yet; what you typed is kept.
        </div>
      ) : null}
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
          {SafeguardId.options.map((s) => {
            const row = rows[s];
            const recorded = latest(assessment.safeguardLog, s)?.recordedOn;
            const rowId = `${uid}-${s}`;
            const missing = missingReasons.includes(s);
            return (
              <tr key={s}>
                <th scope="row" id={rowId}>
                  {safeguardNames[s]}
                  <span className="hint" style={{ display: 'block', fontWeight: 400 }}>
                    {recorded ? `Last recorded ${new Date(recorded).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}` : 'Not recorded yet'}
                  </span>
                </th>
                <td>
                  <select aria-labelledby={`${rowId} ${uid}-used`} value={row.used} onChange={(e) => setRow(s, 'used')(e.target.value)} style={{ minWidth: '9rem' }}>
                    <option value="">Not recorded yet</option>
                    <option value="yes">Yes</option>
                    <option value="no">No</option>
                  </select>
                </td>
                <td>
                  <textarea
                    aria-labelledby={`${rowId} ${uid}-reason`}
                    aria-invalid={missing ? true : undefined}
                    aria-describedby={missing ? `${rowId}-error` : undefined}
                    value={row.reason}
                    onChange={(e) => setRow(s, 'reason')(e.target.value)}
                    rows={2}
                    style={{ minHeight: '2.75rem' }}
                  />
                  {missing ? (
                    <p className="field-error" id={`${rowId}-error`}>
                      Say why this safeguard was not used.
                    </p>
                  ) : null}
                  <WordingNotes text={row.reason} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SaveBar saving={saving} error={error} disabled={!isPartOpen(assessment, 'safeguardLog')} />
    </form>
  );
}
