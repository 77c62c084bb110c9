import { z } from 'zod';
import { StageId } from '../domain/model';

export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  remedy: z.string(),
  source: z.string(),
  path: z.string().optional(),
  title: z.string().optional(),
  departure: z.object({ ruleId: z.string(), reason: z.string(), recordedBy: z.string(), recordedOn: z.string() }).optional(),
});

/** Every safeguard finding, the presumption status and the gate into the next stage (shared/domain/workflow.ts `checkAssessment`). */
export const AssessmentCheckSchema = z.object({
  presumption: z.object({ kind: z.enum(['decided', 's51', 'stated-age']), status: z.string(), age: z.number().optional(), prompts: z.array(z.string()) }),
  findings: z.array(FindingSchema),
  next: z.object({ stage: StageId, title: z.string(), ok: z.boolean(), missing: z.array(FindingSchema) }).optional(),
});
