/**
 * Verifies a record the way a careful reviewer would, without trusting anything the file says
 * about itself, and says plainly what it found: who signed, when, whether each signature still
 * covers the document as it was signed, and what was changed or appended after it.
 *
 * Two readings, on purpose:
 * 1. The signatures are found in the raw bytes (sigscan.ts) and each is checked on its own: the
 *    digest of its /ByteRange against its CMS. This works on a damaged copy (one flipped byte in a
 *    compressed stream), so a tampered record is named "signed by X and Y; changed after signing",
 *    as pdfsig names it, never "not signed".
 * 2. The document structure is read through the cross-reference chain (pdffile.ts), as a viewer
 *    does: each signature must be a form field's current value, its range must end where the
 *    revision that added it ends, every later update may only add signatures (anything else is
 *    named), the last signature must reach the end of the file, and record.json must hash to the
 *    value printed in every footer. When the structure cannot be read, this is a problem, but the
 *    signature table stays filled.
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { checkSignedData, derLength } from './cms';
import { pageTextRuns } from './pagetext';
import { PdfFile } from './pdffile';
import { laterRevisions } from './revisions';
import { scanSignatures, type ScannedSignature } from './sigscan';
import type { SignatureReport, Verdict, VerifyOptions, VerifyReport } from './types';

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

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function verifyRecord(pdf: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = {
    valid: false,
    verdict: 'invalid',
    summary: '',
    signedBy: [],
    structure: { readable: false, revisions: 0 },
    signatures: [],
    record: { embedded: false, footerHashes: [], pages: 0, matchesFooters: false },
    problems: [],
  };
  // A damaged header does not stop the search for signatures (pdfsig still finds them); a file
  // with neither a header nor a signature is not a PDF at all.
  const hasHeader = new TextDecoder('latin1').decode(pdf.subarray(0, 5)) === '%PDF-';
  let scanned: ScannedSignature[] = [];
  try {
    scanned = scanSignatures(pdf);
  } catch (e) {
    report.problems.push(`cannot look for signatures: ${message(e)}`);
  }
  const isPdf = hasHeader || scanned.length > 0;
  if (!isPdf) report.problems.push('cannot read the PDF: not a PDF file');
  else if (!hasHeader) report.problems.push('the file does not start with %PDF- (its first bytes were changed)');
  report.signatures = scanned.map((s, i) => checkScanned(pdf, s, i, options));

  let file: PdfFile | undefined;
  if (hasHeader) {
    try {
      file = PdfFile.parse(pdf);
      report.structure = { readable: true, revisions: file.revisions.length };
    } catch (e) {
      report.structure.problem = message(e);
      report.problems.push(
        `the PDF's structure cannot be read (${message(e)}), so the form fields, what was added after each signature and the attached record.json could not be checked`,
      );
    }
  }
  if (file) {
    if (file.last.end !== pdf.length) report.problems.push(`${pdf.length - file.last.end} bytes follow the last %%EOF (data appended outside any revision)`);
    try {
      checkStructure(file, scanned, report);
    } catch (e) {
      report.problems.push(`the signature fields could not be read: ${message(e)}`);
    }
    try {
      checkRecord(file, report);
    } catch (e) {
      report.problems.push(`the attached record could not be read: ${message(e)}`);
    }
  }

  if (isPdf && report.signatures.length === 0) report.problems.push('the record is not signed');
  const lastSig = report.signatures.reduce((m, s) => Math.max(m, (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0)), 0);
  if (report.signatures.length && lastSig !== pdf.length) report.problems.push('the end of the file is not covered by any signature');
  for (const s of report.signatures) s.coversWholeFile = s.byteRange.length === 4 && (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0) === pdf.length;
  if (options.knownCertificates) {
    report.signersKnown = report.signatures.length > 0 && report.signatures.every((s) => s.knownSigner);
    if (!report.signersKnown && report.signatures.length) report.problems.push('a signer is not known to this store');
  }
  for (const s of report.signatures) {
    s.valid = s.problems.length === 0 && s.cryptographicallyValid && s.coversRevision && report.structure.readable;
  }
  report.valid = report.problems.length === 0 && report.signatures.length > 0 && report.signatures.every((s) => s.valid) && report.record.matchesFooters;
  report.signedBy = report.signatures.map((s) => s.knownSigner?.name ?? s.signer);
  report.verdict = verdictOf(report);
  report.summary = summaryOf(report);
  return report;
}

function checkScanned(bytes: Uint8Array, s: ScannedSignature, i: number, options: VerifyOptions): SignatureReport {
  const problems: string[] = [];
  const br = s.byteRange ?? [];
  const out: SignatureReport = {
    fieldName: `signature ${i + 1} (field unreadable)`,
    signer: s.name ?? '(unknown)',
    name: s.name,
    reason: s.reason,
    signedAt: isoFromPdfDate(s.m),
    subFilter: s.subFilter,
    byteRange: br,
    check: 'invalid',
    digestMatches: false,
    cryptographicallyValid: false,
    changedAfterSigning: false,
    padesBaseline: false,
    coversRevision: false,
    coversWholeFile: false,
    laterRevisions: [],
    laterChanges: [],
    valid: false,
    problems,
  };
  if (!s.isSigType) problems.push('the dictionary is not marked /Type /Sig');
  if (out.subFilter !== 'ETSI.CAdES.detached' && out.subFilter !== 'adbe.pkcs7.detached') problems.push(`unsupported /SubFilter ${out.subFilter ?? '(none)'}`);
  const [b0, b1, b2, b3] = br;
  const rangeOk = br.length === 4 && b0 === 0 && b1 !== undefined && b2 !== undefined && b3 !== undefined && b1 < b2 && b2 + b3 <= bytes.length;
  if (!rangeOk) problems.push('malformed /ByteRange');
  // The gap must be exactly this dictionary's /Contents hex string, and nothing else.
  if (!s.contents) problems.push('the signature has no /Contents');
  else if (!rangeOk || s.contents.start !== b1 || s.contents.end !== b2) problems.push('the unsigned gap is not the signature value of this signature');

  let der: Uint8Array = new Uint8Array(0);
  const hex = s.contents?.hex ?? '';
  const value = decodeHex(hex);
  if (!value.clean) problems.push('the signature value contains characters that are not hex digits (it was edited)');
  // Hex digits are case-insensitive, so a flipped case would change the file but not the value:
  // a signature value written in one case must stay in that case.
  if (/[a-f]/.test(hex) && /[A-F]/.test(hex)) problems.push('the signature value mixes upper- and lower-case hex digits (it was edited)');
  try {
    der = value.bytes.subarray(0, derLength(value.bytes));
    if (value.bytes.subarray(der.length).some((b) => b !== 0)) problems.push('bytes after the signature value in /Contents are not zero padding');
  } catch {
    if (s.contents) problems.push('the signature value is not DER');
  }
  // As pdfsig does: the digest of the ranges the dictionary declares, against the CMS it holds.
  const signed = rangeOk ? Buffer.concat([bytes.subarray(0, b1), bytes.subarray(b2 as number, (b2 as number) + (b3 as number))]) : new Uint8Array(0);
  const cms = checkSignedData(der, signed);
  // Without a readable range there are no signed bytes to compare, so no digest verdict either.
  if (der.length) problems.push(...(rangeOk ? cms.problems : cms.problems.filter((p) => !hasDigest([p]))));
  out.certificateSha256 = cms.certificateSha256;
  out.subject = cms.subject;
  if (cms.subjectCommonName) out.signer = cms.subjectCommonName;
  out.digestMatches = rangeOk && cms.digestMatches;
  out.cryptographicallyValid = out.digestMatches && cms.signatureValid;
  // pdfsig's order (NSS checks the message digest before the signature value).
  if (out.cryptographicallyValid) out.check = 'valid';
  else if (rangeOk && der.length && hasDigest(cms.problems)) out.check = 'digest-mismatch';
  out.changedAfterSigning = out.check === 'digest-mismatch';
  out.padesBaseline = cms.hasSigningCertificateV2 && !cms.hasSigningTime && out.subFilter === 'ETSI.CAdES.detached';
  const known = options.knownCertificates?.find((k) => k.certificateSha256.toLowerCase() === out.certificateSha256);
  if (known) out.knownSigner = { name: known.name, role: known.role };
  return out;
}

/**
 * A PDF hex string as readers decode it (ISO 32000-1 7.3.4.3; poppler does the same): white
 * space is skipped, an odd last digit is followed by 0, and (poppler's choice) a character that is
 * not a hex digit counts as 0, so the signature is checked on the bytes pdfsig checks. Such a
 * character is still reported.
 */
function decodeHex(hex: string): { bytes: Buffer; clean: boolean } {
  const nibbles: number[] = [];
  let clean = true;
  for (const ch of hex) {
    if (/[\0\t\n\f\r ]/.test(ch)) continue;
    const v = Number.parseInt(ch, 16);
    if (Number.isNaN(v)) clean = false;
    nibbles.push(Number.isNaN(v) ? 0 : v);
  }
  if (nibbles.length % 2) nibbles.push(0);
  const bytes = Buffer.alloc(nibbles.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = ((nibbles[2 * i] as number) << 4) | (nibbles[2 * i + 1] as number);
  return { bytes, clean };
}

/** The CMS was read far enough to compare its message digest (and it did not match). */
function hasDigest(problems: string[]): boolean {
  return problems.some((p) => p.startsWith('the signed bytes do not match the message digest'));
}

/** Ties each signature found in the bytes to the document's form and revisions. */
function checkStructure(file: PdfFile, scanned: ScannedSignature[], report: VerifyReport): void {
  const fields = new Map<number, string>(); // signature object number → field name
  const acroForm = file.dict(file.catalog().dict.get(PDFName.of('AcroForm')));
  for (const fieldRef of file.array(acroForm?.get(PDFName.of('Fields')))?.asArray() ?? []) {
    const field = file.dict(fieldRef);
    if (!field || field.get(PDFName.of('FT'))?.toString() !== '/Sig') continue;
    const fieldName = text(field.get(PDFName.of('T'))) ?? '(unnamed)';
    const v = field.get(PDFName.of('V'));
    if (!(v instanceof PDFRef) || !(file.lookup(v) instanceof PDFDict)) report.problems.push(`signature field ${fieldName} is empty`);
    else fields.set(v.objectNumber, fieldName);
  }
  const matched = new Set<number>();
  scanned.forEach((s, i) => {
    const sig = report.signatures[i] as SignatureReport;
    const num = s.objectNumber;
    const span = num === undefined ? undefined : file.objectAt(num);
    const fieldName = num === undefined ? undefined : fields.get(num);
    if (num === undefined || !span || span.start !== s.start || fieldName === undefined) {
      sig.problems.push('this signature dictionary is not the value of any signature field in the document as it stands');
      return;
    }
    matched.add(num);
    sig.fieldName = fieldName;
    const rev = file.definedIn(num);
    if (rev !== undefined && file.revisions[rev]?.end === (sig.byteRange[2] ?? 0) + (sig.byteRange[3] ?? 0)) sig.coversRevision = true;
    else sig.problems.push('the signed range does not cover the whole file as it was when this signature was added');
    if (rev !== undefined) {
      sig.laterRevisions = laterRevisions(file, rev);
      sig.laterChanges = sig.laterRevisions.flatMap((r) => r.changes.map((c) => `update ${r.update}: ${c}`));
      sig.problems.push(...sig.laterChanges.map((c) => `changed after signing: ${c}`));
    }
  });
  for (const [num, name] of fields) if (!matched.has(num)) report.problems.push(`signature field ${name} (object ${num}) holds a signature that could not be checked`);
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
    report.record.text = new TextDecoder().decode(found[0]);
    const id = (JSON.parse(report.record.text) as { assessment?: { id?: unknown } }).assessment?.id;
    if (typeof id === 'string') report.record.assessmentId = id;
  } catch {
    report.problems.push('the attached record.json is not valid JSON');
  }
  report.record.matchesFooters = report.record.footerHashes.length === pages.length && report.record.footerHashes.every((h) => h === sha);
  if (!report.record.matchesFooters) report.problems.push('the attached record.json does not match the hash printed in the footers');
}

function verdictOf(r: VerifyReport): Verdict {
  if (r.valid) return 'valid';
  if (r.signatures.length === 0) return 'unsigned';
  if (r.signatures.some((s) => s.changedAfterSigning)) return 'changed-after-signing';
  const intact = r.signatures.every((s) => s.cryptographicallyValid);
  if (intact && r.signatures.some((s) => s.laterChanges.length > 0)) return 'updated-after-signing';
  return 'invalid';
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const ADDS: Record<string, string> = { signature: 'a signature', annotations: 'annotations', pages: 'pages', other: 'other changes' };

function summaryOf(r: VerifyReport): string {
  const signed = `Signed by ${list(r.signedBy)}`;
  switch (r.verdict) {
    case 'unsigned':
      return r.problems[0]?.startsWith('cannot read the PDF') ? 'This is not a PDF file.' : 'The record is not signed.';
    case 'valid':
      return `${signed}; the document has not been changed since it was signed.`;
    case 'changed-after-signing': {
      const name = (s: SignatureReport): string => s.knownSigner?.name ?? s.signer;
      const broken = r.signatures.filter((s) => s.changedAfterSigning).map(name);
      const invalid = r.signatures.filter((s) => s.check === 'invalid').map(name);
      const also = invalid.length ? `; the signature of ${list(invalid)} cannot be verified` : '';
      return `${signed}; the document was changed after signing (bytes covered by ${broken.length === r.signatures.length ? 'every' : `${list(broken)}'s`} signature differ${also}).`;
    }
    case 'updated-after-signing': {
      const last = r.signatures.at(-1);
      const extra = new Set((last?.laterRevisions ?? r.signatures[0]?.laterRevisions ?? []).flatMap((u) => u.adds).filter((a) => a !== 'signature'));
      const what = extra.size ? [...extra].map((a) => ADDS[a]).join(', ') : 'changes';
      return `${signed}; the signatures are intact, but the document was changed after signing: a later update added ${what}.`;
    }
    default: {
      const why = r.signatures.flatMap((s) => s.problems)[0] ?? r.problems[0] ?? 'a check failed';
      return `${signed}; the record does not verify: ${why}.`;
    }
  }
}
