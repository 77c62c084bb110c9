/** The human form of a record verification report (`carefile verify`). */
import type { OutputOf } from '../../shared/contract';

type VerifyReport = OutputOf<'record.verify'>;

/** The signature's own cryptography, in pdfsig's words. */
const CHECK: Record<string, string> = { valid: 'Signature is Valid.', 'digest-mismatch': 'Digest Mismatch. (changed after signing)', invalid: 'does not verify' };
const ADDED: Record<string, string> = { signature: 'a signature', annotations: 'annotations', pages: 'pages', other: 'other changes' };
const VERDICT: Record<string, string> = {
  valid: 'VALID',
  'changed-after-signing': 'CHANGED AFTER SIGNING',
  'updated-after-signing': 'CHANGED BY A LATER UPDATE',
  invalid: 'INVALID',
  unsigned: 'NOT SIGNED',
};

/** A plain-language report for people (the CLI's default output); docs/cli.md shows it. */
export function formatReport(report: VerifyReport, fileLabel: string): string {
  const lines: string[] = [`Record: ${fileLabel}`, `Verdict: ${VERDICT[report.verdict] ?? report.verdict}. ${report.summary}`];
  report.signatures.forEach((s, i) => {
    lines.push(`Signature ${i + 1} (${s.fieldName}): ${s.valid ? 'VALID' : 'INVALID'}; cryptography: ${CHECK[s.check]}`);
    lines.push(`  signer: ${s.signer}${s.knownSigner ? ` (known to this store: ${s.knownSigner.name}, ${s.knownSigner.role})` : report.signersKnown === undefined ? '' : ' (NOT known to this store)'}`);
    if (s.subject) lines.push(`  certificate subject: ${s.subject.replace(/\n/g, ', ')}`);
    lines.push(`  signed at: ${s.signedAt ?? 'unknown'}`);
    // The signer's own statement, covered by their signature: what the signature is, the declaration, a manager's comment.
    if (s.reason) lines.push(`  statement: ${s.reason}`);
    if (s.certificateSha256) lines.push(`  certificate SHA-256: ${s.certificateSha256}`);
    lines.push(`  covers the document as it was when signed: ${s.changedAfterSigning ? 'NO, bytes inside the signed range were changed' : s.coversRevision ? 'yes' : 'NO'}`);
    const after = s.laterRevisions.map((r) => `update ${r.update} added ${r.adds.map((a) => ADDED[a]).join(', ') || 'nothing'}`);
    lines.push(`  appended after it: ${after.length ? after.join('; ') : s.coversWholeFile ? 'nothing (it covers the whole file)' : 'cannot tell (the structure is unreadable)'}`);
    lines.push(`  signed content changed since: ${s.laterChanges.length || s.changedAfterSigning ? 'YES' : 'no'}; PAdES B-B: ${s.padesBaseline ? 'yes' : 'no'}`);
    for (const p of s.problems) lines.push(`  problem: ${p}`);
  });
  const r = report.record;
  if (r.embedded) {
    lines.push(`record.json SHA-256 ${r.sha256}: ${r.matchesFooters ? `matches the footer on all ${r.pages} pages` : 'DOES NOT match the page footers'}`);
  } else lines.push('record.json: not found or not readable (see the problems)');
  for (const p of report.problems) lines.push(`Problem: ${p}`);
  lines.push(`Result: ${report.valid ? 'VALID' : 'INVALID'} (${report.signatures.length} signature${report.signatures.length === 1 ? '' : 's'})`);
  return lines.join('\n');
}
