import type { OutputOf } from '../../../shared/contract';
import { sectionForPath } from '../editors/index';

type Finding = OutputOf<'assessments.check'>['findings'][number];

/** Findings said plainly: what is wrong, what to do, and where the rule comes from. */
export function FindingList({ findings, onOpenField }: { findings: Finding[]; onOpenField?: (path: string) => string | undefined }) {
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${f.path ?? ''}-${i}`} className={f.departure ? 'finding-warn' : f.severity === 'block' ? 'finding-block' : 'finding-warn'}>
          <strong>
            {f.departure ? 'Departure' : f.severity === 'block' ? 'Must be met' : 'Warning'} · {f.ruleId}
          </strong>
          {': '}
          {f.message}
          <br />
          {f.departure ? (
            <span>
              Reason recorded by {f.departure.recordedBy}: {f.departure.reason}
            </span>
          ) : (
            <span>What to do: {f.remedy}</span>
          )}
          <br />
          <span className="hint">Source: {f.source}</span>
          {f.path && onOpenField ? <OpenField path={f.path} onOpenField={onOpenField} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A button to the editor that holds the finding's field, when there is one. */
function OpenField({ path, onOpenField }: { path: string; onOpenField: (path: string) => string | undefined }) {
  const title = sectionForPath(path)?.title;
  if (!title) return null;
  return (
    <>
      {' '}
      <button type="button" className="link" onClick={() => onOpenField(path)}>
        Go to “{title}”
      </button>
    </>
  );
}
