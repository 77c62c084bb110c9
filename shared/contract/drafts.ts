/**
 * Drafts: what an assessor has typed into a part and not yet saved, kept in the encrypted store
 * (never in the browser's storage) so a reload, a crashed tab, a lock or a navigation loses
 * nothing. Each person sees only their own drafts. Not part of the record: not audited, not
 * exported, and discarded when the part is saved.
 */
import { z } from 'zod';
import { channel } from './define';
import { partNames } from '../domain/parts';

/** The largest draft kept (its JSON): a whole part with long notes fits many times over. */
export const MAX_DRAFT_BYTES = 1024 * 1024;

/** `new` for the new-assessment form, otherwise an assessment's id. */
const AssessmentKey = z.string().min(1, 'Say which assessment the draft belongs to.').max(64, 'An assessment id has at most 64 characters.');
/** A part of an assessment (shared/domain/parts.ts), or the new-assessment form (`create`). */
export const DraftPart = z.enum([...partNames, 'create'], { error: 'That is not a part of an assessment.' });

const DraftContent = z.json().check((ctx) => {
  if (JSON.stringify(ctx.value).length > MAX_DRAFT_BYTES) {
    ctx.issues.push({ code: 'custom', message: `The draft is larger than ${MAX_DRAFT_BYTES / 1024} KiB; save the part instead.`, input: ctx.value });
  }
});

const Key = { assessmentId: AssessmentKey, part: DraftPart };

export const draftChannels = {
  'drafts.save': channel({
    summary: 'Keep what the signed-in person has typed into one part (or the new-assessment form) and not yet saved. Replaces their earlier draft of that part.',
    input: z.object({ ...Key, content: DraftContent }).strict(),
    output: z.object({ savedOn: z.string() }),
    errors: ['NOT_UNLOCKED', 'NOT_FOUND'],
  }),
  'drafts.get': channel({
    summary: "The signed-in person's draft of one part, if there is one.",
    input: z.object(Key).strict(),
    output: z.object({ draft: z.object({ content: z.json(), savedOn: z.string() }).nullable() }),
    errors: ['NOT_UNLOCKED'],
  }),
  'drafts.list': channel({
    summary: "The parts of one assessment with a draft of the signed-in person's, and when each was kept.",
    input: z.object({ assessmentId: AssessmentKey }).strict(),
    output: z.array(z.object({ part: DraftPart, savedOn: z.string() })),
    errors: ['NOT_UNLOCKED'],
  }),
  'drafts.discard': channel({
    summary: "Throw away the signed-in person's draft of one part (after the part was saved, or when they choose to).",
    input: z.object(Key).strict(),
    output: z.object({ discarded: z.boolean() }),
    errors: ['NOT_UNLOCKED'],
  }),
};
