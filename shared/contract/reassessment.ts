/** Reopening a decided assessment on new information (AA-37) and recording an overturned decision (AA-43). */
import { z } from 'zod';
import { channel } from './define';
import { Assessment, NewInformationKind, OverturnedByKind } from '../domain/model';

const Id = z.string().min(1).max(64);
const Day = z.iso.date({ error: 'Give a date (day, month and year).' });

export const ReopenInput = z
  .object({
    id: Id,
    kind: NewInformationKind,
    description: z.string().trim().min(20, 'Say what the new information is, in a sentence or two (at least 20 characters).').max(20_000),
    receivedOn: Day,
  })
  .strict();

export const OverturnedInput = z
  .object({
    id: Id,
    by: OverturnedByKind,
    body: z.string().trim().min(1, 'Name the court, tribunal or body.').max(500),
    caseReference: z.string().trim().max(500).optional(),
    on: Day,
    newOutcome: z.object({ outcome: z.enum(['child', 'adult']), dateOfBirth: Day.optional() }).strict(),
    reason: z.string().trim().min(20, 'Give the reason, as the judgment or review gives it (at least 20 characters).').max(20_000),
  })
  .strict();

export const reassessmentChannels = {
  'assessments.reopen': channel({
    summary: 'Reopen a decided assessment on significant new information: a linked reassessment starts from its evidence, and the earlier one is marked reassessed (assessors and managers).',
    input: ReopenInput,
    output: z.object({ reassessment: Assessment, earlier: Assessment }),
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  }),
  'assessments.recordOverturned': channel({
    summary: 'Record that a court, tribunal or review changed a decided outcome: by whom, when, the new outcome and the reason (managers).',
    input: OverturnedInput,
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  }),
};
