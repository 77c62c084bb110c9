import type { ReactNode } from 'react';
import { download } from '../download';
import { toCsv, type Cell } from './csv';
import type { FigureKey } from '../../../shared/contract/quality';

/** A figure whose assessments can be listed: which figure, for which rule or group, and in words. */
export interface DrillRequest {
  figure: FigureKey;
  ruleId?: string;
  group?: string;
  label: string;
}

export interface Column<R> {
  header: string;
  value(row: R): Cell;
  /** Shown instead of the value (formatting); the CSV keeps the value. */
  show?(row: R): ReactNode;
  numeric?: boolean;
  /** The assessments behind this cell, if it counts some. */
  drill?(row: R): DrillRequest | undefined;
}

/** A data table with its caption, drill-down links in the counting cells, and its own CSV export. */
export function DataTable<R>({ caption, columns, rows, csvName, onDrill, rowKey }: {
  caption: string;
  columns: ReadonlyArray<Column<R>>;
  rows: readonly R[];
  csvName: string;
  onDrill(req: DrillRequest): void;
  rowKey(row: R): string;
}) {
  function exportCsv() {
    download(csvName, toCsv(columns.map((c) => c.header), rows.map((r) => columns.map((c) => c.value(r)))), 'text/csv;charset=utf-8');
  }
  return (
    <div className="data-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c, i) => {
                const shown = c.show ? c.show(r) : c.value(r);
                const drill = c.drill?.(r);
                const content =
                  drill && Number(c.value(r)) > 0 ? (
                    <button type="button" className="link" onClick={() => onDrill(drill)} aria-label={`${shown}: list the assessments (${drill.label})`}>
                      {shown}
                    </button>
                  ) : (
                    shown
                  );
                return i === 0 ? (
                  <th key={c.header} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={exportCsv}>
        Export “{caption}” as CSV
      </button>
    </div>
  );
}
