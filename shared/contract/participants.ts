/** Linking the people named on an assessment to the store's users (who then sign as themselves, AA-30). */
import { z } from 'zod';
import { channel } from './define';
import { Assessment } from '../domain/model';

export const participantChannels = {
  'assessments.linkParticipant': channel({
    summary:
      'Link a participant of an assessment to a store user (assessors and managers). The user must exist; an assessor participant needs an assessor user, and one user cannot be two assessors. Refused once the assessment is signed.',
    input: z.object({ id: z.string().min(1).max(64), participantId: z.string().min(1).max(64), userName: z.string().min(1).max(64) }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'LOCKED'],
  }),
};
