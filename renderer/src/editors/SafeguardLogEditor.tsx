import { useState, type FormEvent } from 'react';
import { TextArea } from '../components/Field';
import { WordingNotes } from '../components/WordingNotes';
import { SafeguardId, type Assessment } from '../../../shared/domain/model';
import { SaveBar } from './SaveBar';
import { useAssessmentSave } from './useAssessmentSave';
import { YesNoField, fromYesNo, yesNo, type YesNo } from './earlyFields';
import type { EditorProps } from './types';

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
  const [rows, setRows] = useState<Record<Safeguard, Row>>(() => {
    const out = {} as Record<Safeguard, Row>;
    for (const s of SafeguardId.options) {
      const e = latest(assessment.safeguardLog, s);
      out[s] = { used: yesNo(e?.used), reason: e?.reason ?? '' };
    }
    return out;
  });
  const [missingReasons, setMissingReasons] = useState<Safeguard[]>([]);
  const { save, error, saving, savedAt } = useAssessmentSave(onSaved);
  const setRow = (s: Safeguard, k: keyof Row) => (v: string) => setRows((old) => ({ ...old, [s]: { ...old[s], [k]: v } }));

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
      {SafeguardId.options.map((s) => {
        const row = rows[s];
        const recorded = latest(assessment.safeguardLog, s)?.recordedOn;
        return (
          <div className="item-card" key={s} role="group" aria-label={safeguardNames[s]}>
            <h4>{safeguardNames[s]}</h4>
            <YesNoField label="Used" value={row.used} onChange={setRow(s, 'used')} hint={recorded ? `Last recorded ${new Date(recorded).toLocaleString('en-GB')}.` : 'Not recorded yet.'} />
            <TextArea
              label={row.used === 'no' ? 'Why it was not used' : 'Note (optional)'}
              value={row.reason}
              onChange={setRow(s, 'reason')}
              error={missingReasons.includes(s) ? 'Say why this safeguard was not used.' : undefined}
            >
              <WordingNotes text={row.reason} />
            </TextArea>
          </div>
        );
      })}
      <SaveBar saving={saving} error={error} savedAt={savedAt} disabled={assessment.signatures.length > 0} />
    </form>
  );
}
