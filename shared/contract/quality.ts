/** Quality audit across the store (AA-43), for managers. */
import { z } from 'zod';
import { channel } from './define';

export const OutcomeRowSchema = z.object({
  reference: z.string(),
  id: z.string(),
  status: z.string(),
  stage: z.string(),
  route: z.string(),
  firstContact: z.string(),
  decidedOn: z.string(),
  outcome: z.string(),
  ageRange: z.string(),
  dateOfBirth: z.string(),
  statedAge: z.string(),
  daysToDecision: z.string(),
  blocking: z.number().int(),
  warnings: z.number().int(),
  departures: z.string(),
  returnedByManager: z.number().int(),
  authorised: z.string(),
  addenda: z.number().int(),
  newInformationAfterDecision: z.number().int(),
});

export const qualityChannels = {
  'quality.outcomes': channel({
    summary: "Every assessment's outcome, days to decision, safeguards unmet or departed from, review and new information after the decision (managers and administrators).",
    input: z.object({}).strict(),
    output: z.object({ rows: z.array(OutcomeRowSchema), csv: z.string() }),
    errors: ['NOT_UNLOCKED', 'FORBIDDEN'],
  }),
};
