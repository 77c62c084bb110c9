/**
 * Drafts of parts being typed (shared/contract/drafts.ts). Only the signed-in person's own drafts
 * are reachable (the store keys them by user); a draft for an assessment names one that exists.
 */
import type { HandlerMap } from './types';
import { guardStore } from './store';
import { loadAssessment, storeOf } from './workflow';
import type { DraftPart } from '../../shared/contract/drafts';
import type { z } from 'zod';

type Part = z.infer<typeof DraftPart>;

export const draftHandlers = {
  'drafts.save': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      if (input.assessmentId !== 'new') loadAssessment(store, input.assessmentId);
      return store.drafts.save(input.assessmentId, input.part, input.content);
    }),
  'drafts.get': (input, ctx) => guardStore(() => ({ draft: (storeOf(ctx).drafts.get(input.assessmentId, input.part) as { content: never; savedOn: string } | undefined) ?? null })),
  'drafts.list': (input, ctx) => guardStore(() => storeOf(ctx).drafts.list(input.assessmentId) as Array<{ part: Part; savedOn: string }>),
  'drafts.discard': (input, ctx) => guardStore(() => ({ discarded: storeOf(ctx).drafts.discard(input.assessmentId, input.part) })),
} satisfies Partial<HandlerMap>;
