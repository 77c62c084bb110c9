/** The human form of a record verification report (`carefile verify`). */
import type { OutputOf } from '../../shared/contract';

type VerifyReport = OutputOf<'record.verify'>;

export function formatReport(report: VerifyReport, fileLabel: string): string {
  const lines: string[] = [`Record: ${fileLabel}`];
  const r = report.record;
  if (r.embedded) {
    lines.push(`  record.json SHA-256 ${r.sha256}: ${r.matchesFooters ? `matches the footer on all ${r.pages} pages` : 'DOES NOT match the page footers'}`);
  } else lines.push('  record.json: not attached');
  report.signatures.forEach((s, i) => {
    lines.push(`Signature ${i + 1} (${s.fieldName}): ${s.valid ? 'VALID' : 'INVALID'}`);
    lines.push(`  signer: ${s.signer}${s.knownSigner ? ` (known to this store: ${s.knownSigner.name}, ${s.knownSigner.role})` : report.signersKnown === undefined ? '' : ' (NOT known to this store)'}`);
    if (s.signedAt) lines.push(`  signed at: ${s.signedAt}`);
    if (s.certificateSha256) lines.push(`  certificate SHA-256: ${s.certificateSha256}`);
    lines.push(`  covers the document as it was when signed: ${s.coversRevision ? 'yes' : 'NO'}; whole file: ${s.coversWholeFile ? 'yes' : 'no (later signatures were added)'}`);
    lines.push(`  signed content changed since: ${s.laterChanges.length ? 'YES' : 'no'}; PAdES B-B: ${s.padesBaseline ? 'yes' : 'no'}`);
    for (const p of s.problems) lines.push(`  problem: ${p}`);
  });
  for (const p of report.problems) lines.push(`Problem: ${p}`);
  lines.push(`Result: ${report.valid ? 'VALID' : 'INVALID'} (${report.signatures.length} signature${report.signatures.length === 1 ? '' : 's'})`);
  return lines.join('\n');
}
