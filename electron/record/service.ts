/**
 * The record operations the CLI (and later the api) call, written against a small interface so the
 * store can be plugged in without this module knowing how it keeps keys or assessments.
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { Assessment } from '../../shared/domain/model';
import { composeRecord } from './compose';
import { signRecord } from './sign';
import type { KnownCertificate, RecordContext, VerifyReport } from './types';
import { verifyRecord } from './verify';

export interface SigningCredentials {
  privateKey: CryptoKey | KeyObject;
  certificateDer: Uint8Array;
  certificateSha256: string;
}

/** What the record needs from the evidence store (wire: electron/store). */
export interface RecordStoreAccess {
  /** The assessment with its record context: safeguard findings, presumption, audit head, attachments, bundle JSON. */
  recordInput(assessmentId: string): Promise<{ assessment: Assessment; context: RecordContext }>;
  /** Store.signing.credentialsFor(userId, passphrase); a wrong passphrase throws an error with `code: 'AUTH'` (exit 3). */
  credentialsFor(userId: string, passphrase: string): Promise<SigningCredentials>;
  /** The signer's display name and role ('assessor' or 'manager'). */
  signerInfo(userId: string): Promise<{ name: string; role: string }>;
  /** Every certificate this store has issued or imported. */
  knownCertificates(): Promise<KnownCertificate[]>;
  /**
   * Called after a signature is made, so the store can add the SignatureRecord, lock the assessment
   * (AA-31) and write the audit event. For a countersignature the assessment is found from the
   * SHA-256 of the PDF that was countersigned.
   */
  recordSignature?(event: SignatureEvent): Promise<void>;
}

export interface SignatureEvent {
  assessmentId?: string;
  /** SHA-256 of the PDF before this signature (countersigning), to find the assessment. */
  previousPdfSha256?: string;
  userId: string;
  name: string;
  role: string;
  signedOn: string;
  certificateSha256: string;
  /** SHA-256 of the signed PDF written. */
  pdfSha256: string;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export class RecordRefused extends Error {
  constructor(
    message: string,
    readonly report?: VerifyReport,
  ) {
    super(message);
    this.name = 'RecordRefused';
  }
}

type StoreSigner = SigningCredentials & { name: string; role: string };

/** The user's key (unwrapped by their passphrase) with the name and role the record shows. */
async function signerFrom(store: RecordStoreAccess, userId: string, passphrase: string): Promise<StoreSigner> {
  return { ...(await store.credentialsFor(userId, passphrase)), ...(await store.signerInfo(userId)) };
}

function signatureEvent(userId: string, s: StoreSigner, now: Date, signed: Uint8Array, which: Pick<SignatureEvent, 'assessmentId' | 'previousPdfSha256'>): SignatureEvent {
  return { ...which, userId, name: s.name, role: s.role, signedOn: now.toISOString(), certificateSha256: s.certificateSha256, pdfSha256: sha256(signed) };
}

/** Composes the record of one assessment and adds its first signature. */
export async function makeSignedRecord(
  store: RecordStoreAccess,
  req: { assessmentId: string; userId: string; passphrase: string; now?: Date },
): Promise<Uint8Array> {
  const { assessment, context } = await store.recordInput(req.assessmentId);
  const signer = await signerFrom(store, req.userId, req.passphrase);
  const now = req.now ?? new Date();
  const pdf = await composeRecord(assessment, context, { now });
  const signed = await signRecord(pdf, signer, { now });
  await store.recordSignature?.(signatureEvent(req.userId, signer, now, signed, { assessmentId: req.assessmentId }));
  return signed;
}

/** Adds the next signature; refuses a record that does not verify as it stands. */
export async function countersignRecord(
  pdf: Uint8Array,
  signer: { privateKey: CryptoKey | KeyObject; certificateDer: Uint8Array; name: string; role: string },
  opts: { knownCertificates?: KnownCertificate[]; now?: Date } = {},
): Promise<Uint8Array> {
  const report = await verifyRecord(pdf, { knownCertificates: opts.knownCertificates });
  if (!report.valid) throw new RecordRefused(`the record does not verify, so it cannot be countersigned: ${report.problems.concat(report.signatures.flatMap((s) => s.problems)).join('; ')}`, report);
  return signRecord(pdf, signer, { now: opts.now });
}

export async function countersignWithStore(
  store: RecordStoreAccess,
  pdf: Uint8Array,
  req: { userId: string; passphrase: string; now?: Date },
): Promise<Uint8Array> {
  const signer = await signerFrom(store, req.userId, req.passphrase);
  const now = req.now ?? new Date();
  const signed = await countersignRecord(pdf, signer, { knownCertificates: await store.knownCertificates(), now });
  await store.recordSignature?.(signatureEvent(req.userId, signer, now, signed, { previousPdfSha256: sha256(pdf) }));
  return signed;
}

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
