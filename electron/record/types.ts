import type { KeyObject } from 'node:crypto';

/** One safeguard finding, as the safeguard engine reports it (AA-xx). */
export interface RecordFinding {
  ruleId: string;
  severity: 'block' | 'warn';
  message: string;
  remedy?: string;
  source?: string;
  /** A recorded departure that answers this finding (HAM v Brent), if there is one. */
  departure?: string | { reason: string; recordedBy?: string; recordedOn?: string };
}

/** What the record needs beside the assessment; computed by the safeguard engine, the store and the bundle. */
export interface RecordContext {
  findings: RecordFinding[];
  /** The presumption that applied while the assessment was pending, said plainly. */
  presumption: string;
  /** Head hash of the store's audit chain when the record was made. */
  auditHeadHash: string;
  /** Bytes of an attachment by its SHA-256, or undefined when the store does not hold it. */
  attachments: (sha256: string) => Uint8Array | undefined;
  /** The canonical bundle JSON, embedded as record.json. */
  recordJson: string;
}

export interface ComposeOptions {
  /** Creation date written in the metadata and on the cover (default: now). */
  now?: Date;
  /** Directory holding the Noto TTFs (default: resources/fonts in the repository). */
  fontDir?: string;
  /** Protective marking on every page. */
  marking?: string;
  /**
   * Who is about to sign the record made here (the first signature), so that its body says so:
   * status "signed", the signer by name, role and time. Absent for an unsigned copy.
   */
  signing?: { name: string; role: string; at: Date; declaration?: string };
}

export interface Signer {
  privateKey: CryptoKey | KeyObject;
  certificateDer: Uint8Array;
  name: string;
  role: string;
}

export interface SignOptions {
  /** Signing time written to /M (default: now). */
  now?: Date;
  reason?: string;
  location?: string;
  /** Bytes reserved for the CMS (hex doubles it). */
  reserve?: number;
}

export interface KnownCertificate {
  certificateSha256: string;
  name: string;
  role: string;
}

export interface VerifyOptions {
  knownCertificates?: KnownCertificate[];
}

/** What one signature's cryptography says, in pdfsig's terms ("Signature is Valid." / "Digest Mismatch." / anything else). */
export type SignatureCheck = 'valid' | 'digest-mismatch' | 'invalid';

/** What an incremental update appended after a signature added (a countersignature adds 'signature'). */
export type RevisionAddition = 'signature' | 'annotations' | 'pages' | 'other';

export interface LaterRevision {
  /** 1 = the first update after the original document. */
  update: number;
  adds: RevisionAddition[];
  /** Its changes to content that was already signed (empty when it only added signatures). */
  changes: string[];
}

export interface SignatureReport {
  /** The signature field's name (Signature1...); when the form cannot be read, "signature N (field unreadable)". */
  fieldName: string;
  /** From the certificate's subject common name, else /Name. */
  signer: string;
  /** The certificate's full subject, one attribute a line (CN=..., O=...). */
  subject?: string;
  /** The signature dictionary's /Name and /Reason, as written by the signer. */
  name?: string;
  reason?: string;
  /** /M of the signature dictionary, ISO 8601. */
  signedAt?: string;
  certificateSha256?: string;
  subFilter?: string;
  byteRange: number[];
  /** valid: the CMS verifies and the signed bytes hash to its message digest; digest-mismatch: the signature is intact but bytes it covers changed. */
  check: SignatureCheck;
  /** The signed bytes (the /ByteRange) hash to the CMS message digest. */
  digestMatches: boolean;
  /** The CMS signature is mathematically valid over the signed attributes, and messageDigest matches the bytes. */
  cryptographicallyValid: boolean;
  /** A byte inside this signature's signed range was changed after signing (the digest does not match). */
  changedAfterSigning: boolean;
  /** The signing-certificate-v2 attribute names this certificate; no signing-time attribute (PAdES B-B). */
  padesBaseline: boolean;
  /** The byte range covers the whole file as it was when this signature was added (only its own /Contents left out). */
  coversRevision: boolean;
  /** The revision it signs ends at the file's end. */
  coversWholeFile: boolean;
  /** The incremental updates appended after this signature, and what each added. */
  laterRevisions: LaterRevision[];
  /** Anything in later incremental updates that changes signed content (empty when only signatures were added). */
  laterChanges: string[];
  knownSigner?: { name: string; role: string };
  valid: boolean;
  problems: string[];
}

/**
 * valid: every check passed. changed-after-signing: bytes a signature covers were changed.
 * updated-after-signing: every signature is intact, but an update appended after one changed or
 * added something other than signatures. invalid: anything else is wrong. unsigned: no signature.
 */
export type Verdict = 'valid' | 'changed-after-signing' | 'updated-after-signing' | 'invalid' | 'unsigned';

export interface VerifyReport {
  valid: boolean;
  verdict: Verdict;
  /** One sentence for people: "Signed by X and Y; the document was changed after signing." */
  summary: string;
  /** The signers in signing order (the store's name for each when known, else the certificate's). */
  signedBy: string[];
  /** Whether the PDF's cross-reference chain could be read (signatures are found and checked either way). */
  structure: { readable: boolean; revisions: number; problem?: string };
  signatures: SignatureReport[];
  record: {
    embedded: boolean;
    sha256?: string;
    /** Hashes printed in the page footers (one per page). */
    footerHashes: string[];
    pages: number;
    matchesFooters: boolean;
    /** The assessment the embedded record.json holds. */
    assessmentId?: string;
    /** The attached record.json as text (what the signatures cover), for callers that compare it with a claim. */
    text?: string;
  };
  /** Every signer's certificate is among knownCertificates (undefined when none were given). */
  signersKnown?: boolean;
  problems: string[];
}
