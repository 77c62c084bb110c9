/** The quality report: the dashboard's figures as a PDF, made on the main side with the record's fonts and layout. */
import { z } from 'zod';
import { channel } from './define';
import { QualityFilterSchema } from './quality';

export const qualityReportChannels = {
  'quality.report': channel({
    summary: 'The quality figures for a period and a set of assessors as a PDF report (managers and administrators).',
    input: QualityFilterSchema,
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string(), pages: z.number().int().min(1) }),
    errors: ['NOT_UNLOCKED', 'FORBIDDEN'],
  }),
};
