/**
 * CSV for every dashboard table (RFC 4180: quoted where needed, CRLF). A cell that a spreadsheet
 * would run as a formula (starting = + - @, tab or CR) is prefixed with an apostrophe (OWASP CSV
 * injection): a nationality or a reason typed by someone is data, never a formula.
 */
export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
