import type { z } from 'zod';
import type { DraftPart } from '../../../shared/contract/drafts';

/** A part of an assessment, or `create` for the new-assessment form. */
export type DraftPartName = z.infer<typeof DraftPart>;
