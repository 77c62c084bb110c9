/** `carefile outcomes` as CSV (AA-43); the rows themselves are kept in the summaries (shared/quality/outcome-row.ts). */
import { OUTCOME_COLUMNS, outcomeRow, type OutcomeRow } from '../../shared/quality/outcome-row';

export { OUTCOME_COLUMNS, outcomeRow, type OutcomeRow };

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function outcomesCsv(rows: readonly OutcomeRow[]): string {
  const lines = [OUTCOME_COLUMNS.join(','), ...rows.map((r) => OUTCOME_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
