/** Assessment bundles coming in: validated whole, and their workflow state never taken on its word. */
import { z } from 'zod';
import { channel } from './define';

/** Something an imported bundle claimed that this store did not take on trust, and why. */
export const UntrustedClaim = z.object({
  /** Dotted path of the claim in the assessment, e.g. `signatures.0`, `review.authorisedBy`. */
  path: z.string(),
  what: z.string(),
  why: z.string(),
});

export const bundleChannels = {
  'bundles.import': channel({
    summary:
      'Import assessment bundles (JSON text). All are validated before anything is written. Signatures count only where a signed PDF record given with them proves them against certificates this store knows; authorisation, departures and addendum signatures are never taken from a bundle. The answer lists what was not trusted.',
    input: z
      .object({
        bundles: z.array(z.object({ name: z.string().min(1).max(500), json: z.string().min(1).max(200_000_000) }).strict()).min(1, 'Give at least one bundle.').max(500),
        /** Signed PDF records (base64) that prove the signatures the bundles claim. */
        records: z.array(z.base64().max(56_000_000)).max(50).optional(),
      })
      .strict(),
    output: z.object({
      results: z.array(
        z.object({
          file: z.string(),
          id: z.string(),
          reference: z.string(),
          outcome: z.enum(['imported', 'unchanged']),
          notTrusted: z.array(UntrustedClaim),
        }),
      ),
    }),
    errors: ['NOT_UNLOCKED', 'CONFLICT', 'LOCKED'],
  }),
};
