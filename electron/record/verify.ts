/**
 * Verifies a record the way a careful reviewer would, without trusting anything the file says
 * about itself: each signature's CMS against its byte range, that the range covers the whole file
 * as it was when that signature was added, that later incremental updates only added signatures,
 * that the last signature reaches the end of the file, and that the embedded record.json hashes to
 * the value printed in every footer.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { checkSignedData, derLength } from './cms';
import { pageTextRuns } from './pagetext';
import { PdfFile } from './pdffile';
import { laterChanges } from './revisions';
import type { SignatureReport, VerifyOptions, VerifyReport } from './types';

const latin1 = new TextDecoder('latin1');
const FOOTER = /SHA-256 of record\.json: ([0-9a-f]{64})/;

function text(v: PDFObject | undefined): string | undefined {
  if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
  return undefined;
}

/** PDF date to ISO 8601 (D:YYYYMMDDHHmmSS with Z or +HH'mm'). */
export function isoFromPdfDate(d: string | undefined): string | undefined {
  const m = d && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(d);
  if (!m) return undefined;
  const tz = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const iso = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${tz}`;
  return Number.isNaN(new Date(iso).getTime()) ? undefined : new Date(iso).toISOString();
}

export async function verifyRecord(pdf: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = {
    valid: false,
    signatures: [],
    record: { embedded: false, footerHashes: [], pages: 0, matchesFooters: false },
    problems: [],
  };
  let file: PdfFile;
  try {
    file = PdfFile.parse(pdf);
  } catch (e) {
    report.problems.push(`cannot read the PDF: ${e instanceof Error ? e.message : String(e)}`);
    return report;
  }
  try {
    if (file.last.end !== pdf.length) report.problems.push(`${pdf.length - file.last.end} bytes follow the last %%EOF (data appended outside any revision)`);
    checkRecord(file, report);
    checkSignatures(file, report, options);
  } catch (e) {
    report.problems.push(`malformed record: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (report.signatures.length === 0) report.problems.push('the record is not signed');
  const lastSig = report.signatures.reduce((m, s) => Math.max(m, (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0)), 0);
  if (report.signatures.length && lastSig !== pdf.length) report.problems.push('the end of the file is not covered by any signature');
  for (const s of report.signatures) s.coversWholeFile = (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0) === pdf.length;
  if (options.knownCertificates) {
    report.signersKnown = report.signatures.length > 0 && report.signatures.every((s) => s.knownSigner);
    if (!report.signersKnown) report.problems.push('a signer is not known to this store');
  }
  report.valid = report.problems.length === 0 && report.signatures.every((s) => s.valid) && report.record.matchesFooters;
  return report;
}

function checkRecord(file: PdfFile, report: VerifyReport): void {
  const pages = file.pages();
  report.record.pages = pages.length;
  for (const [i, ref] of pages.entries()) {
    const hit = pageTextRuns(file, ref)
      .map((r) => FOOTER.exec(r)?.[1])
      .find(Boolean);
    if (hit) report.record.footerHashes.push(hit);
    else report.problems.push(`page ${i + 1} has no record hash in its footer`);
  }
  const names = file.dict(file.catalog().dict.get(PDFName.of('Names')));
  const tree = file.dict(names?.get(PDFName.of('EmbeddedFiles')));
  const found: Uint8Array[] = [];
  const visit = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > 16) return;
    const arr = file.array(node.get(PDFName.of('Names')))?.asArray() ?? [];
    for (let i = 0; i + 1 < arr.length; i += 2) {
      if (text(file.lookup(arr[i])) !== 'record.json') continue;
      const spec = file.dict(arr[i + 1]);
      const data = file.streamData(file.dict(spec?.get(PDFName.of('EF')))?.get(PDFName.of('F')));
      if (data) found.push(data);
    }
    for (const kid of file.array(node.get(PDFName.of('Kids')))?.asArray() ?? []) visit(file.dict(kid), depth + 1);
  };
  visit(tree, 0);
  if (found.length !== 1) {
    report.problems.push(found.length ? 'more than one record.json is attached' : 'record.json is not attached');
    return;
  }
  report.record.embedded = true;
  const sha = createHash('sha256')
    .update(found[0] as Uint8Array)
    .digest('hex');
  report.record.sha256 = sha;
  try {
    const id = (JSON.parse(new TextDecoder().decode(found[0])) as { assessment?: { id?: unknown } }).assessment?.id;
    if (typeof id === 'string') report.record.assessmentId = id;
  } catch {
    report.problems.push('the attached record.json is not valid JSON');
  }
  report.record.matchesFooters = report.record.footerHashes.length === pages.length && report.record.footerHashes.every((h) => h === sha);
  if (!report.record.matchesFooters) report.problems.push('the attached record.json does not match the hash printed in the footers');
}

function checkSignatures(file: PdfFile, report: VerifyReport, options: VerifyOptions): void {
  const acroForm = file.dict(file.catalog().dict.get(PDFName.of('AcroForm')));
  const fields = file.array(acroForm?.get(PDFName.of('Fields')))?.asArray() ?? [];
  for (const fieldRef of fields) {
    const field = file.dict(fieldRef);
    if (!field || field.get(PDFName.of('FT'))?.toString() !== '/Sig') continue;
    const sigRef = field.get(PDFName.of('V'));
    const sig = file.dict(sigRef);
    const fieldName = text(field.get(PDFName.of('T'))) ?? '(unnamed)';
    if (!(sigRef instanceof PDFRef) || !sig) {
      report.problems.push(`signature field ${fieldName} is empty`);
      continue;
    }
    report.signatures.push(checkOne(file, fieldName, sigRef, sig, options));
  }
  report.signatures.sort((a, b) => (a.byteRange[1] ?? 0) - (b.byteRange[1] ?? 0));
}

function checkOne(file: PdfFile, fieldName: string, sigRef: PDFRef, sig: PDFDict, options: VerifyOptions): SignatureReport {
  const problems: string[] = [];
  const br = (sig.get(PDFName.of('ByteRange')) instanceof PDFArray ? (sig.get(PDFName.of('ByteRange')) as PDFArray).asArray() : []).map((n) => Number(n.toString()));
  const out: SignatureReport = {
    fieldName,
    signer: text(sig.get(PDFName.of('Name'))) ?? '(unknown)',
    name: text(sig.get(PDFName.of('Name'))),
    reason: text(sig.get(PDFName.of('Reason'))),
    signedAt: isoFromPdfDate(text(sig.get(PDFName.of('M')))),
    subFilter: sig.get(PDFName.of('SubFilter'))?.toString().slice(1),
    byteRange: br,
    cryptographicallyValid: false,
    padesBaseline: false,
    coversRevision: false,
    coversWholeFile: false,
    laterChanges: [],
    valid: false,
    problems,
  };
  const bytes = file.bytes;
  const rev = file.definedIn(sigRef.objectNumber);
  const span = file.objectAt(sigRef.objectNumber);
  const [b0, b1, b2, b3] = br;
  if (br.length !== 4 || b0 !== 0 || b1 === undefined || b2 === undefined || b3 === undefined || !(b1 < b2) || b2 + b3 > bytes.length) {
    problems.push('malformed /ByteRange');
    return out;
  }
  // The gap must be exactly this dictionary's /Contents hex string, and nothing else.
  const gap = latin1.decode(bytes.subarray(b1, b2));
  const declared = sig.get(PDFName.of('Contents'));
  if (!span || b1 < span.start || b2 > span.end || !/^<[0-9a-fA-F]*>$/.test(gap) || !(declared instanceof PDFHexString) || declared.toString() !== gap) {
    problems.push('the unsigned gap is not the signature value of this signature');
  }
  if (rev !== undefined && (file.revisions[rev]?.end ?? -1) === b2 + b3) out.coversRevision = true;
  else problems.push('the signed range does not cover the whole file as it was when this signature was added');
  if (out.subFilter !== 'ETSI.CAdES.detached' && out.subFilter !== 'adbe.pkcs7.detached') problems.push(`unsupported /SubFilter ${out.subFilter}`);

  const hex = gap.slice(1, -1);
  // Hex digits are case-insensitive, so a flipped case would change the file but not the value:
  // a signature value written in one case must stay in that case.
  if (/[a-f]/.test(hex) && /[A-F]/.test(hex)) problems.push('the signature value mixes upper- and lower-case hex digits (it was edited)');
  const contents = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  let der: Uint8Array = new Uint8Array(0);
  try {
    der = contents.subarray(0, derLength(contents));
    if (contents.subarray(der.length).some((b) => b !== 0)) problems.push('bytes after the signature value in /Contents are not zero padding');
  } catch {
    problems.push('the signature value is not DER');
  }
  const signed = new Uint8Array(b1 + b3);
  signed.set(bytes.subarray(0, b1), 0);
  signed.set(bytes.subarray(b2, b2 + b3), b1);
  const cms = checkSignedData(der, signed);
  problems.push(...cms.problems);
  out.certificateSha256 = cms.certificateSha256;
  if (cms.subjectCommonName) out.signer = cms.subjectCommonName;
  out.cryptographicallyValid = cms.digestMatches && cms.signatureValid;
  out.padesBaseline = cms.hasSigningCertificateV2 && !cms.hasSigningTime && out.subFilter === 'ETSI.CAdES.detached';

  if (rev !== undefined) out.laterChanges = laterChanges(file, rev);
  problems.push(...out.laterChanges.map((c) => `changed after signing: ${c}`));
  const known = options.knownCertificates?.find((k) => k.certificateSha256.toLowerCase() === out.certificateSha256);
  if (known) out.knownSigner = { name: known.name, role: known.role };
  out.valid = problems.length === 0 && out.cryptographicallyValid && out.coversRevision;
  return out;
}
