/**
 * Reopening a decided assessment on new information, and recording an overturned decision. The
 * workflow module decides who may and when; shared/domain/reassessment.ts says what is written.
 * Both assessments of a reopening are written in one transaction, each with its own audit event.
 */
import { randomUUID } from 'node:crypto';
import type { HandlerMap } from './types';
import { guardStore } from './store';
import { actorOf, allow, loadAssessment, storeOf } from './workflow';
import { overturnedRefusal, reopenRefusal } from '../../shared/domain/workflow';
import { markOverturned, markReassessed, reassessmentFrom, reassessmentReference } from '../../shared/domain/reassessment';

export const reassessmentHandlers = {
  'assessments.reopen': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const earlier = loadAssessment(store, input.id);
      const actor = actorOf(ctx);
      const now = new Date();
      allow(reopenRefusal(actor, earlier, input.receivedOn, now));
      const on = now.toISOString();
      const info = { kind: input.kind, description: input.description, receivedOn: input.receivedOn };
      const taken = new Set(store.assessments.list().map((s) => s.reference.toLowerCase()));
      const ids = { assessmentId: randomUUID(), youngPersonId: randomUUID(), priorEvidenceId: randomUUID(), newInformationEvidenceId: randomUUID() };
      const next = reassessmentFrom(earlier, info, ids, reassessmentReference(earlier, taken), on);
      const [reassessment, marked] = store.assessments.putLinked([
        { assessment: next, action: 'assessment.reassessment' },
        { assessment: markReassessed(earlier, next, info, { name: actor.name, userId: actor.userId }, on), action: 'assessment.reopen' },
      ]);
      return { reassessment: reassessment!, earlier: marked! };
    }),

  'assessments.recordOverturned': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      const actor = actorOf(ctx);
      const now = new Date();
      allow(overturnedRefusal(actor, a, input, now));
      const { id: _id, ...overturned } = input;
      return store.assessments.put(markOverturned(a, overturned, { name: actor.name, userId: actor.userId }, now.toISOString()), undefined, 'assessment.overturned');
    }),
} satisfies Partial<HandlerMap>;
