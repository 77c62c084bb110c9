/**
 * Linking a participant to a store user: how an imported (or CLI-made) assessment learns which
 * users are its assessors, so that their signatures can satisfy AA-30.
 */
import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore } from './store';
import { actorOf, allow, loadAssessment, storeOf } from './workflow';
import { linkParticipantRefusal } from '../../shared/domain/workflow';

export const participantHandlers = {
  'assessments.linkParticipant': (input, ctx) =>
    guardStore(() => {
      const store = storeOf(ctx);
      const a = loadAssessment(store, input.id);
      // Who may link, and until when, is the workflow's decision (shared/domain/workflow.ts).
      allow(linkParticipantRefusal(actorOf(ctx), a));
      const p = a.participants.find((x) => x.id === input.participantId);
      if (!p) throw new ApiFailure('NOT_FOUND', `The assessment has no participant ${input.participantId}.`, 'participantId');
      const user = store.users.list({ includeRemoved: false }).find((u) => u.name.toLowerCase() === input.userName.toLowerCase());
      if (!user) throw new ApiFailure('NOT_FOUND', `There is no current user ${input.userName}.`, 'userName');
      if (p.role === 'assessor' && user.role !== 'assessor') {
        throw new ApiFailure('CONFLICT', `${user.name} is a ${user.role}, not an assessor: an assessor on the assessment links to an assessor user.`, 'userName');
      }
      if (p.role === 'manager' && user.role !== 'manager') {
        throw new ApiFailure('CONFLICT', `${user.name} is a ${user.role}, not a manager.`, 'userName');
      }
      // Two assessors means two people (AA-30): one user cannot stand for both.
      const twice = a.participants.find((x) => x.id !== p.id && x.role === 'assessor' && p.role === 'assessor' && x.userId === user.id);
      if (twice) throw new ApiFailure('CONFLICT', `${user.name} is already linked to the assessor ${twice.name}: the two assessors are two different people.`, 'userName');
      const now = new Date().toISOString();
      return store.assessments.put({
        ...a,
        participants: a.participants.map((x) => (x.id === p.id ? { ...x, userId: user.id } : x)),
        updatedOn: now,
      });
    }),
} satisfies Partial<HandlerMap>;
