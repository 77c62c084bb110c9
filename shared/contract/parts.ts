/**
 * One channel per part of an assessment (`assessments.saveYoungPerson`, ...), built from the table
 * in shared/domain/parts.ts: its input is `{ id, ...the part's fields }`, strict, so a key the part
 * does not cover (stage, status, signatures, ...) is refused by name rather than ignored. Each
 * save answers with the saved assessment and its safeguard check, in one round trip.
 */
import { z } from 'zod';
import { channel, type ChannelDef } from './define';
import { Assessment } from '../domain/model';
import { contentParts, partChannelName, partNames, type PartChannelName, type PartFields, type PartName } from '../domain/parts';
import { AssessmentCheckSchema } from './check';

export const SavedAssessmentSchema = z.object({ assessment: Assessment, check: AssessmentCheckSchema });

type PartChannel<P extends PartName> =
  PartFields<P> extends infer F extends z.ZodRawShape ? ChannelDef<z.ZodObject<{ id: z.ZodString } & F, z.core.$strict>, typeof SavedAssessmentSchema> : never;

function partChannel(part: PartName) {
  return channel({
    summary: `Save the ${contentParts[part].title} of an assessment (refused with LOCKED once signed, FORBIDDEN for roles that do not assess); answers with the saved assessment and its safeguard check.`,
    input: z.object({ id: z.string().min(1).max(64), ...contentParts[part].fields }).strict(),
    output: SavedAssessmentSchema,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'LOCKED'],
  });
}

export const partChannels = Object.fromEntries(partNames.map((p) => [partChannelName(p), partChannel(p)])) as unknown as {
  [P in PartName as PartChannelName<P>]: PartChannel<P>;
};
