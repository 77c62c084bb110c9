/**
 * Assessment bundles coming in: each signed bundle checked whole (signature, signer, content)
 * before anything of it is written, written whole or not at all, and its workflow state never
 * taken on its word. See docs/bundle-format.md.
 */
import { z } from 'zod';
import { channel } from './define';
import { Assessment } from '../domain/model';

/** Something an imported bundle claimed that this store did not take on trust, and why. */
export const UntrustedClaim = z.object({
  /** Dotted path of the claim in the assessment, e.g. `signatures.0`, `review.authorisedBy`. */
  path: z.string(),
  what: z.string(),
  why: z.string(),
});

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint as 64 lower-case hex digits');
const BundleFile = z.object({ name: z.string().min(1).max(500), json: z.string().min(1).max(200_000_000) }).strict();

/** Most bundles one call takes: the app sends a team's bundles in chunks and shows progress between calls. */
export const MAX_BUNDLES_PER_CALL = 1000;

export const BundleSigner = z.object({
  certificateSha256: z.string(),
  /** The certificate's subject name: what it claims, shown beside the fingerprint. */
  subject: z.string(),
  known: z.enum(['store-user', 'trusted', 'unknown']),
  who: z.string().optional(),
});

export const BundleOutcome = z.object({
  file: z.string(),
  outcome: z.enum(['imported', 'unchanged', 'superseded', 'refused']),
  id: z.string().optional(),
  reference: z.string().optional(),
  reason: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  signer: BundleSigner.optional(),
  acceptedUnsigned: z.boolean().optional(),
  keptVersion: z.number().int().optional(),
  notTrusted: z.array(UntrustedClaim),
});
export type BundleOutcome = z.infer<typeof BundleOutcome>;

export const ImportSummary = z.object({ imported: z.number().int(), unchanged: z.number().int(), superseded: z.number().int(), refused: z.number().int() });
export type ImportSummary = z.infer<typeof ImportSummary>;

const TrustedSigner = z.object({ certificateSha256: z.string(), subject: z.string(), addedOn: z.string(), addedBy: z.string() });

export const bundleChannels = {
  'bundles.import': channel({
    summary:
      'Import signed assessment bundles (JSON text). Each is checked whole (its signature against its content, its signer against the certificates this store knows, its content) before any of it is written, and is written whole or not at all; one refused bundle does not stop the others. Unsigned bundles only with acceptUnsigned, by an administrator (audited). A newer version of an assessment supersedes the stored one, which is kept (bundles.versions). Signatures inside the assessment count only where a signed PDF record given with them proves them; authorisation, departures and addendum signatures are never taken from a bundle. Call it in chunks to show progress.',
    input: z
      .object({
        bundles: z.array(BundleFile).min(1, 'Give at least one bundle.').max(MAX_BUNDLES_PER_CALL, `Give at most ${MAX_BUNDLES_PER_CALL} bundles in one call.`),
        /** Signed PDF records (base64) that prove the signatures the bundles claim. */
        records: z.array(z.base64().max(56_000_000)).max(50).optional(),
        /** An administrator accepts unsigned bundles in this call; each one is audited. */
        acceptUnsigned: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ results: z.array(BundleOutcome), summary: ImportSummary }),
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'STORE_UNAVAILABLE'],
  }),
  'bundles.trustSigner': channel({
    summary:
      "Trust the certificate that signed a bundle, for signed bundles from someone who is not a user of this store (administrators; audited). Give the bundle and the SHA-256 fingerprint you checked with its owner: it must be that bundle's signer.",
    input: z.object({ bundle: BundleFile, fingerprint: Sha256 }).strict(),
    output: TrustedSigner,
    errors: ['NOT_UNLOCKED', 'FORBIDDEN', 'CONFLICT'],
  }),
  'bundles.signers': channel({
    summary: 'The certificates an administrator trusted for signed bundles (besides the certificates of this store’s own users).',
    input: z.object({}).strict(),
    output: z.object({ signers: z.array(TrustedSigner) }),
    errors: ['NOT_UNLOCKED', 'FORBIDDEN'],
  }),
  'bundles.versions': channel({
    summary: 'The earlier versions of an assessment kept when imported newer ones superseded them; with `version`, that version whole.',
    input: z.object({ id: z.string().min(1).max(64), version: z.number().int().min(1).optional() }).strict(),
    output: z.object({
      versions: z.array(z.object({ version: z.number().int(), updatedOn: z.string(), supersededOn: z.string(), digest: z.string() })),
      assessment: Assessment.optional(),
    }),
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN'],
  }),
};
