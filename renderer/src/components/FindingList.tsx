import type { OutputOf } from '../../../shared/contract';

type Finding = OutputOf<'assessments.check'>['findings'][number];

/** Findings said plainly: what is wrong, what to do, and where the rule comes from. */
export function FindingList({ findings }: { findings: Finding[] }) {
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
          <span className="hint">Source: {f.source}{f.path ? ` · field ${f.path}` : ''}</span>
        </li>
      ))}
    </ul>
  );
}
