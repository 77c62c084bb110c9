import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { api } from '../api/client';
import type { ApiError } from '../../../shared/contract';
import { AssessmentStatus, StageId } from '../../../shared/domain/model';
import { stageIndex } from '../../../shared/domain/stages';
import { roleMay } from '../../../shared/domain/roles';
import { formatInstantDay, stageLabels, statusLabels } from '../../../shared/format/index';
import { useSession } from '../state/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { CaseIndex, assessorKey, defaultQuery, needsActionBy, type CaseQuery, type CaseRow, type Me, type SortKey } from './caseSearch';
import { toCaseRow } from './rows';
import './caselist.css';

const ROW_PX = 56;

/**
 * A column's name inside its cell, shown only where the table is stacked into one card per case
 * (narrow windows, 200% zoom): there the column headers are not above the values. Hidden from
 * assistive technology, which names each cell by its column header already.
 */
function CellLabel({ children }: { children: string }) {
  return (
    <span className="case-cell-label" aria-hidden="true">
      {children}:{' '}
    </span>
  );
}

/** What a row says the case waits for; "your" when it waits for the person looking. */
export function waitingWords(row: CaseRow, me: Me): string | undefined {
  if (row.status === 'withdrawn') return undefined;
  const mine = needsActionBy(row, me);
  switch (row.waiting?.kind) {
    case 'sign':
      return mine ? 'Waiting for your signature' : 'Waiting for signature';
    case 'countersign':
      return mine ? 'Waiting for your countersignature' : 'Waiting for countersignature';
    case 'authorise':
      return mine ? 'Waiting for your authorisation' : 'Waiting for authorisation';
    default:
      return row.status === 'returned' ? (mine ? 'Returned to you' : 'Returned') : undefined;
  }
}

const n = (x: number) => x.toLocaleString('en-GB');
/** "12 of 5,000 cases (3 withdrawn, not shown)". */
function countWords(shown: number, total: number, hiddenWithdrawn: number): string {
  const base = shown === total ? `${n(total)} ${total === 1 ? 'case' : 'cases'}` : `${n(shown)} of ${n(total)} cases`;
  return hiddenWithdrawn > 0 ? `${base} (${n(hiddenWithdrawn)} withdrawn, not shown)` : base;
}

const columns: { key: SortKey; title: string; wide?: boolean }[] = [
  { key: 'reference', title: 'Reference' },
  { key: 'name', title: 'Young person' },
  { key: 'nationality', title: 'Nationality', wide: true },
  { key: 'stage', title: 'Stage' },
  { key: 'status', title: 'Status' },
];

export interface CaseListProps {
  /** Open a case (the router's link, when there is one). */
  onOpen?(id: string): void;
  onNew?(): void;
}

/**
 * The team's case list: search by name (either script), reference or nationality; filter by
 * stage, status, assessor and "needs my action"; sort by any column. Only the rows in view are in
 * the DOM (TanStack Virtual), so 5,000 cases scroll as smoothly as 50.
 */
export function CaseListScreen({ onOpen, onNew }: CaseListProps) {
  const go = useSession((s) => s.go);
  const user = useSession((s) => s.status?.user);
  const me: Me = useMemo(() => (user ? { role: user.role, ...(user.id ? { userId: user.id } : {}) } : { role: 'admin' }), [user]);
  const mayCreate = roleMay.create.includes(me.role);
  const open = onOpen ?? ((id: string) => go({ name: 'assessment', id }));
  const startNew = onNew ?? (() => go({ name: 'new-assessment' }));

  const [rows, setRows] = useState<CaseRow[]>();
  const [error, setError] = useState<ApiError>();
  const [query, setQuery] = useState<CaseQuery>(defaultQuery);
  useEffect(() => {
    void api['assessments.list']({}).then((res) => (res.ok ? setRows(res.value.map(toCaseRow)) : setError(res.error)));
  }, []);

  const index = useMemo(() => (rows ? new CaseIndex(rows, stageIndex) : undefined), [rows]);
  // Typing stays responsive: the filter follows the text at React's pace, never blocking a keystroke.
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => (index ? index.query(deferred, me) : []), [index, deferred, me]);
  const assessors = useMemo(() => index?.assessors() ?? [], [index]);
  const withdrawnCount = useMemo(() => rows?.filter((r) => r.status === 'withdrawn').length ?? 0, [rows]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 8 });
  // Rows are measured: one line on a wide screen, a taller card when the table is stacked (caselist.css).
  const set = (patch: Partial<CaseQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const sortBy = (key: SortKey) => set({ sort: key, descending: query.sort === key ? !query.descending : key === 'updatedOn' });
  const ariaSort = (key: SortKey) => (query.sort === key ? (query.descending ? 'descending' : 'ascending') : 'none');

  return (
    <section aria-labelledby="list-title">
      <div className="title-row">
        <h1 id="list-title">Assessments</h1>
        {mayCreate ? (
          <button type="button" onClick={startNew}>
            New assessment
          </button>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      {rows && rows.length === 0 ? <p className="panel">No assessments yet. Start one when a young person presents and their stated age is doubted.</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <div className="case-filters" role="search" aria-label="Find a case">
            <div className="case-filter search">
              <label htmlFor="case-search">Search by name, reference or nationality</label>
              <input id="case-search" type="search" autoComplete="off" spellCheck={false} value={query.text} onChange={(e) => set({ text: e.target.value })} />
            </div>
            <div className="case-filter">
              <label htmlFor="case-stage">Stage</label>
              <select id="case-stage" value={query.stage ?? ''} onChange={(e) => set({ stage: e.target.value ? StageId.parse(e.target.value) : undefined })}>
                <option value="">Any stage</option>
                {StageId.options.map((s) => (
                  <option key={s} value={s}>
                    {stageLabels[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="case-filter">
              <label htmlFor="case-status">Status</label>
              <select id="case-status" value={query.status ?? ''} onChange={(e) => set({ status: e.target.value ? AssessmentStatus.parse(e.target.value) : undefined })}>
                <option value="">All but withdrawn</option>
                {AssessmentStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {s === 'withdrawn' ? `Withdrawn (${withdrawnCount})` : statusLabels[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="case-filter">
              <label htmlFor="case-assessor">Assessor</label>
              <select id="case-assessor" value={query.assessor ?? ''} onChange={(e) => set({ assessor: e.target.value || undefined })}>
                <option value="">Any assessor</option>
                {assessors.map((a) => (
                  <option key={assessorKey(a)} value={assessorKey(a)}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={query.needsMyAction} onChange={(e) => set({ needsMyAction: e.target.checked })} />
              Needs my action
            </label>
          </div>
          <p className="case-count" role="status">
            {countWords(shown.length, query.status === 'withdrawn' ? withdrawnCount : rows.length - withdrawnCount, query.status === 'withdrawn' ? 0 : withdrawnCount)}
          </p>
          <div className="case-table" role="table" aria-label="Cases" aria-rowcount={shown.length + 1}>
            <div role="rowgroup">
              <div className="case-row case-head" role="row" aria-rowindex={1}>
                {columns.map((c) => (
                  <div key={c.key} role="columnheader" aria-sort={ariaSort(c.key)} className={c.wide ? 'case-wide' : undefined}>
                    <button type="button" onClick={() => sortBy(c.key)}>
                      {c.title}
                      {query.sort === c.key ? (query.descending ? ' ▼' : ' ▲') : ''}
                    </button>
                  </div>
                ))}
                <div role="columnheader" className="case-wide">
                  Next step
                </div>
                <div role="columnheader" aria-sort={ariaSort('updatedOn')} className="case-wide">
                  <button type="button" onClick={() => sortBy('updatedOn')}>
                    Last change{query.sort === 'updatedOn' ? (query.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </div>
              </div>
            </div>
            <div className="case-body" role="rowgroup" ref={scroller}>
              <div style={{ height: virtual.getTotalSize() }}>
                {virtual.getVirtualItems().map((v) => {
                  const r = shown[v.index]!;
                  const waiting = waitingWords(r, me);
                  return (
                    <div key={r.id} ref={virtual.measureElement} data-index={v.index} className="case-row" role="row" aria-rowindex={v.index + 2} style={{ transform: `translateY(${v.start}px)` }}>
                      <div role="cell">
                        <CellLabel>Reference</CellLabel>
                        <button type="button" className="link" onClick={() => open(r.id)}>
                          {r.reference}
                        </button>
                      </div>
                      <div role="cell">
                        <CellLabel>Young person</CellLabel>
                        <span dir="auto">{r.nameLatin}</span>
                        {r.nameOwnScript ? (
                          <span className="case-name-own" dir="auto">
                            {r.nameOwnScript}
                          </span>
                        ) : null}
                      </div>
                      <div role="cell" className="case-wide">
                        <CellLabel>Nationality</CellLabel>
                        {r.nationality ?? ''}
                      </div>
                      <div role="cell">
                        <CellLabel>Stage</CellLabel>
                        {stageLabels[r.stage]}
                      </div>
                      <div role="cell">
                        <CellLabel>Status</CellLabel>
                        {statusLabels[r.status]}
                      </div>
                      <div role="cell" className="case-wide case-next">
                        <CellLabel>Next step</CellLabel>
                        {waiting ? <span className={needsActionBy(r, me) ? 'case-badge mine' : 'case-badge'}>{waiting}</span> : <span className="case-none">None</span>}
                      </div>
                      <div role="cell" className="case-wide">
                        <CellLabel>Last change</CellLabel>
                        {formatInstantDay(r.updatedOn)}
                      </div>
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
          {shown.length === 0 ? <p>No case matches. Clear the search or a filter to see more.</p> : null}
        </>
      ) : null}
    </section>
  );
}
