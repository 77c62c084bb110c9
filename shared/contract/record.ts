import { z } from 'zod';
import { channel } from './define';
import { declarationRequired } from '../domain/declaration';

/** PDFs travel as base64 (no file paths cross the boundary); 40 MB of PDF at most. */
const PdfBase64 = z.base64().max(56_000_000, 'A record larger than 40 MB is not accepted.');
/** The signer confirms the declaration (shared/domain/declaration.ts) printed beside their signature. */
const Declaration = z.literal(true, { error: declarationRequired });
const Passphrase = z.string().min(1, 'Your passphrase unlocks your signing key.').max(1024);

const LaterRevision = z.object({
  update: z.number(),
  adds: z.array(z.enum(['signature', 'annotations', 'pages', 'other'])),
  changes: z.array(z.string()),
});

const SignatureReport = z.object({
  fieldName: z.string(),
  signer: z.string(),
  subject: z.string().optional(),
  name: z.string().optional(),
  reason: z.string().optional(),
  signedAt: z.string().optional(),
  certificateSha256: z.string().optional(),
  subFilter: z.string().optional(),
  byteRange: z.array(z.number()),
  /** As pdfsig would say: "Signature is Valid.", "Digest Mismatch.", or anything else. */
  check: z.enum(['valid', 'digest-mismatch', 'invalid']),
  digestMatches: z.boolean(),
  cryptographicallyValid: z.boolean(),
  /** A byte inside this signature's signed range was changed. */
  changedAfterSigning: z.boolean(),
  padesBaseline: z.boolean(),
  coversRevision: z.boolean(),
  coversWholeFile: z.boolean(),
  laterRevisions: z.array(LaterRevision),
  laterChanges: z.array(z.string()),
  knownSigner: z.object({ name: z.string(), role: z.string() }).optional(),
  valid: z.boolean(),
  problems: z.array(z.string()),
});

export const VerifyReportSchema = z.object({
  valid: z.boolean(),
  verdict: z.enum(['valid', 'changed-after-signing', 'updated-after-signing', 'invalid', 'unsigned']),
  /** One sentence: "Signed by X and Y; the document was changed after signing (...)." */
  summary: z.string(),
  signedBy: z.array(z.string()),
  structure: z.object({ readable: z.boolean(), revisions: z.number(), problem: z.string().optional() }),
  signatures: z.array(SignatureReport),
  record: z.object({ embedded: z.boolean(), sha256: z.string().optional(), footerHashes: z.array(z.string()), pages: z.number(), matchesFooters: z.boolean(), assessmentId: z.string().optional() }),
  signersKnown: z.boolean().optional(),
  problems: z.array(z.string()),
});

const SignedPdf = z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() });
const AssessmentId = z.string().min(1).max(64);

const Signer = z.object({ name: z.string(), role: z.enum(['assessor', 'manager']), signedOn: z.string() });
/** The signed record kept with an assessment, with who has signed it and who signs next. */
export const StoredRecordSchema = SignedPdf.extend({
  /** Signatures in the PDF (each later one an incremental update: one revision each). */
  signatures: z.number(),
  signedBy: z.array(Signer),
  /** Who signs next, in order: the assessors not yet signed, then a manager; empty when done. */
  next: z.array(z.object({ name: z.string(), role: z.enum(['assessor', 'manager']), userId: z.string().optional() })),
  status: z.string(),
  storedOn: z.string(),
});

export const recordChannels = {
  'record.sign': channel({
    summary: 'Compose the PDF record of an assessment and sign it as the unlocked user (first signature: an assessor named on it, at the decision stage or later); the assessment is then locked.',
    input: z.object({ id: z.string().min(1).max(64), passphrase: Passphrase, declaration: Declaration }).strict(),
    output: SignedPdf,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'AUTH_FAILED', 'FORBIDDEN', 'CONFLICT', 'SAFEGUARD_BLOCK'],
  }),
  'record.countersign': channel({
    summary:
      "Add the unlocked user's signature to a signed record (an incremental update: earlier signatures stay valid), kept with the assessment: give its id (the record kept in the store) or the PDF (which must be the one kept). " +
      "The update carries a page saying who signed, as what, when and with which declaration; a manager's signature is the authorisation, with their comment.",
    input: z
      .object({
        id: AssessmentId.optional(),
        pdfBase64: PdfBase64.optional(),
        passphrase: Passphrase,
        declaration: Declaration,
        /** The manager's comment on authorising (printed in the update); ignored for an assessor. */
        comment: z.string().trim().min(1, 'Write the comment, or leave it out.').max(4000).optional(),
      })
      .strict()
      .refine((x) => (x.id === undefined) !== (x.pdfBase64 === undefined), { error: 'Give the assessment id or the PDF, one of them.', path: ['id'] }),
    output: SignedPdf,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'AUTH_FAILED', 'FORBIDDEN', 'CONFLICT', 'SAFEGUARD_BLOCK'],
  }),
  'record.get': channel({
    summary: 'The latest signed record kept with an assessment, with its number of signatures, who signed and who signs next.',
    input: z.object({ id: AssessmentId }).strict(),
    output: StoredRecordSchema,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN'],
  }),
  'record.preview': channel({
    summary: 'The record of an assessment as it stands, composed but not signed (it says so on its cover), for a preview before the first signature.',
    input: z.object({ id: AssessmentId }).strict(),
    output: SignedPdf,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN'],
  }),
  'record.verify': channel({
    summary: 'Verify a PDF record: each signature, what changed after it, record.json against the footers, and (when the store is unlocked) whether the signers are users of this store.',
    input: z.object({ pdfBase64: PdfBase64 }).strict(),
    output: VerifyReportSchema,
    errors: [],
    public: true,
  }),
};
