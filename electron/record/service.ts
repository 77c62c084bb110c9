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
import { scanSignatures } from './sigscan';
import { declarationFor } from '../../shared/domain/declaration';

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
  /** The declaration the signer confirmed (shared/domain/declaration.ts), printed beside the signature. */
  declaration: string;
  /** The signed PDF itself (kept with the assessment by the store) and how many signatures it now holds. */
  pdf: Uint8Array;
  signatureCount: number;
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
  return {
    ...which,
    userId,
    name: s.name,
    role: s.role,
    signedOn: now.toISOString(),
    certificateSha256: s.certificateSha256,
    pdfSha256: sha256(signed),
    declaration: declarationFor(s.role),
    pdf: signed,
    signatureCount: scanSignatures(signed).length,
  };
}

/** Composes the record of one assessment and adds its first signature. */
export async function makeSignedRecord(
  store: RecordStoreAccess,
  req: { assessmentId: string; userId: string; passphrase: string; now?: Date },
): Promise<Uint8Array> {
  const { assessment, context } = await store.recordInput(req.assessmentId);
  const signer = await signerFrom(store, req.userId, req.passphrase);
  const now = req.now ?? new Date();
  // The body says who signs and when (status as of signing, not the draft's status).
  const pdf = await composeRecord(assessment, context, { now, signing: { name: signer.name, role: signer.role, at: now, declaration: declarationFor(signer.role) } });
  const signed = await signRecord(pdf, signer, { now });
  await store.recordSignature?.(signatureEvent(req.userId, signer, now, signed, { assessmentId: req.assessmentId }));
  return signed;
}

/** The unsigned record of an assessment as it stands, for a preview before the first signature. */
export async function previewRecord(store: RecordStoreAccess, assessmentId: string, now = new Date()): Promise<Uint8Array> {
  const { assessment, context } = await store.recordInput(assessmentId);
  return composeRecord(assessment, context, { now });
}

/** What a later signature means, as its /Reason says it: a manager's is the authorisation (AA-30). */
export function laterSignatureReason(role: string): string {
  return role === 'manager' ? 'Authorised by the manager' : `Countersigned as ${role}`;
}

/** Adds the next signature; refuses a record that does not verify as it stands. */
export async function countersignRecord(
  pdf: Uint8Array,
  signer: { privateKey: CryptoKey | KeyObject; certificateDer: Uint8Array; name: string; role: string },
  opts: { knownCertificates?: KnownCertificate[]; now?: Date } = {},
): Promise<Uint8Array> {
  const report = await verifyRecord(pdf, { knownCertificates: opts.knownCertificates });
  if (!report.valid) throw new RecordRefused(`the record does not verify, so it cannot be countersigned: ${report.problems.concat(report.signatures.flatMap((s) => s.problems)).join('; ')}`, report);
  // The update itself says what it is: every signature panel shows /Reason beside the signer and time.
  return signRecord(pdf, signer, { now: opts.now, reason: laterSignatureReason(signer.role) });
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

