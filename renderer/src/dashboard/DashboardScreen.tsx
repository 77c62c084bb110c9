/**
 * The manager's dashboard (issue 14 item 6): the quality figures for a period and a set of
 * assessors, as charts with words and tables, the disparity view, the assessments behind any
 * figure, CSV of every table, and the quality report as a PDF made on the main side. Managers and
 * administrators only (the main side refuses anyone else too).
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { TextField } from '../forms/fields';
import { ErrorAlert } from '../components/ErrorAlert';
import { base64ToBytes, download } from '../download';
import { useSession } from '../state/session';
import type { ApiError, OutputOf } from '../../../shared/contract';
import type { QualityFigures, QualityFilter } from '../../../shared/contract/quality';
import { mayReadFigures } from './access';
import { DataTable, type Column, type DrillRequest } from './DataTable';
import { DisparitySection, LearningSection, OutcomesSection, OverviewSection, PracticeSection, SafeguardsSection } from './sections';
import './dashboard.css';

type DrillRow = OutputOf<'quality.drilldown'>['rows'][number];


function filterOf(since: string, until: string, assessors: string): QualityFilter {
  const names = assessors
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { ...(since ? { since } : {}), ...(until ? { until } : {}), ...(names.length > 0 ? { assessors: names } : {}) };
}

function periodWords(f: QualityFigures): string {
  const { since, until } = f.period;
  const period = since && until ? `decided ${since} to ${until}` : since ? `decided from ${since}` : until ? `decided up to ${until}` : 'decided at any time';
  return `${period}; ${f.assessors.length > 0 ? `assessors: ${f.assessors.join(', ')}` : 'every assessor'}`;
}

function Drilldown({ request, rows, count, onClose }: { request: DrillRequest; rows: DrillRow[]; count: number; onClose(): void }) {
  const go = useSession((s) => s.go);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [request]);
  const columns: Column<DrillRow>[] = [
    {
      header: 'Reference',
      value: (r) => r.reference,
      show: (r) => (
        <button type="button" className="link" onClick={() => go({ name: 'assessment', id: r.id })}>
          {r.reference}
        </button>
      ),
    },
    { header: 'Young person', value: (r) => r.nameLatin },
    { header: 'Decided', value: (r) => r.decidedAt?.slice(0, 10) ?? '' },
    { header: 'Outcome', value: (r) => r.outcome ?? '' },
    { header: 'Days to decision', value: (r) => r.daysToDecision, numeric: true },
    { header: 'Assessors', value: (r) => r.assessors.map((a) => a.name).join(', ') },
    { header: 'Reason', value: (r) => r.reason ?? '' },
  ];
  return (
    <section className="panel drilldown" aria-labelledby="drill-title">
      <h2 id="drill-title" ref={heading} tabIndex={-1}>
        Behind the figure: {request.label} ({count})
      </h2>
      {rows.length === 0 ? <p>No assessment.</p> : <DataTable caption={`Assessments: ${request.label}`} columns={columns} rows={rows} csvName="assessments-behind-figure.csv" onDrill={() => {}} rowKey={(r) => r.id} />}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close the list
        </button>
      </div>
    </section>
  );
}

export function DashboardScreen() {
  const role = useSession((s) => s.status?.user?.role);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [assessors, setAssessors] = useState('');
  const [filter, setFilter] = useState<QualityFilter>({});
  const [figures, setFigures] = useState<QualityFigures>();
  const [error, setError] = useState<ApiError>();
  const [drill, setDrill] = useState<{ request: DrillRequest; rows: DrillRow[]; count: number }>();
  const [reportNote, setReportNote] = useState<string>();

  const load = useCallback(async (f: QualityFilter) => {
    const res = await api['quality.figures'](f);
    if (res.ok) {
      setFigures(res.value);
      setError(undefined);
    } else setError(res.error);
  }, []);
  useEffect(() => {
    if (mayReadFigures(role)) void load(filter);
  }, [load, filter, role]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setDrill(undefined);
    setFilter(filterOf(since, until, assessors));
  }

  const openDrill = useCallback(
    async (request: DrillRequest) => {
      const res = await api['quality.drilldown']({ figure: request.figure, ...(request.ruleId ? { ruleId: request.ruleId } : {}), ...(request.group ? { group: request.group } : {}), ...filter });
      if (res.ok) setDrill({ request, rows: res.value.rows, count: res.value.count });
      else setError(res.error);
    },
    [filter],
  );

  async function report() {
    setReportNote('Making the report…');
    const res = await api['quality.report'](filter);
    if (res.ok) {
      download(res.value.fileName, base64ToBytes(res.value.pdfBase64), 'application/pdf');
      setReportNote(`The report (${res.value.pages} pages) is downloaded.`);
    } else {
      setReportNote(undefined);
      setError(res.error);
    }
  }

  if (!mayReadFigures(role)) {
    return (
      <article>
        <h1>Quality dashboard</h1>
        <p>The quality figures are for managers and administrators.</p>
      </article>
    );
  }
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <article aria-labelledby="dash-title" className="dashboard">
      <h1 id="dash-title">Quality dashboard</h1>
      <form className="panel dash-filters" onSubmit={apply} noValidate aria-label="Which assessments">
        <TextField label="Decided from" type="date" value={since} onChange={setSince} error={fieldError('since')} />
        <TextField label="Decided up to" type="date" value={until} onChange={setUntil} error={fieldError('until')} />
        <TextField label="Assessors (names, separated by commas; empty for everyone)" value={assessors} onChange={setAssessors} error={fieldError('assessors')} />
        <div className="actions">
          <button type="submit">Show the figures</button>
          <button type="button" className="secondary" onClick={() => void report()} disabled={!figures}>
            Download the quality report (PDF)
          </button>
        </div>
        {reportNote ? <p role="status">{reportNote}</p> : null}
      </form>
      <ErrorAlert error={error} shownAtFields={['since', 'until', 'assessors']} />
      {figures ? (
        <>
          <p className="dash-period" role="status">
            {figures.assessments} assessments {periodWords(figures)}.
          </p>
          {drill ? <Drilldown {...drill} onClose={() => setDrill(undefined)} /> : null}
          <OverviewSection f={figures} onDrill={(r) => void openDrill(r)} />
          <OutcomesSection f={figures} onDrill={(r) => void openDrill(r)} />
          <SafeguardsSection f={figures} onDrill={(r) => void openDrill(r)} />
          <DisparitySection f={figures} onDrill={(r) => void openDrill(r)} />
          <PracticeSection f={figures} onDrill={(r) => void openDrill(r)} />
          <LearningSection f={figures} onDrill={(r) => void openDrill(r)} />
        </>
      ) : !error ? (
        <p aria-live="polite">Loading the figures…</p>
      ) : null}
    </article>
  );
}
