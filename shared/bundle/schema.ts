/** The assessment bundle, version 1: one whole assessment as a JSON document (docs/bundle-format.md). */
import { z } from 'zod';
import { Assessment, IsoInstant } from '../domain/model';

export const BUNDLE_FORMAT = 'carefile.assessment-bundle';
export const BUNDLE_VERSION = 1;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hex digits');

export const AssessmentBundle = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    exportedOn: IsoInstant,
    /** Who or what exported it (a name or "carefile x.y.z"); never a secret. */
    exportedBy: z.string().max(500).optional(),
    assessment: Assessment,
    /** Attachment bytes by SHA-256, base64; or inline in `AttachmentRef.data`; or absent (references only). */
    attachments: z.record(Sha256, z.base64()).optional(),
    /** The head of the store's audit chain for this assessment when exported. */
    audit: z.object({ headHash: Sha256, entries: z.number().int().min(0).optional() }).optional(),
    /**
     * The exporting user's detached CMS signature (DER, base64) over the canonical JSON of every
     * other member of this document (shared/bundle/signed.ts), carrying their certificate.
     */
    signature: z.object({ cms: z.base64().min(1).max(64_000) }).strict().optional(),
  })
  .strict()
  .meta({
    $id: 'https://carefile.example/schema/assessment-bundle.v1.schema.json',
    title: 'Carefile assessment bundle, version 1',
    description: 'One whole age assessment (every entity), with attachments by hash and optionally their bytes as base64.',
  });
export type AssessmentBundle = z.infer<typeof AssessmentBundle>;

/** The JSON Schema of the bundle as a document on disk (input form: defaulted fields optional). */
export function bundleJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AssessmentBundle, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
