import { z } from 'zod';
import { channel } from './define';
import { AssessmentCheckSchema } from './check';
import { partChannels } from './parts';
import { Assessment, AccommodationType, CalendarId, CountryCode, LanguageCode, StageId } from '../domain/model';

const Id = z.string().min(1).max(64);

export const NewAssessmentInput = z
  .object({
    reference: z.string().trim().min(1, 'Give the council reference.').max(100),
    nameLatin: z.string().trim().min(1, 'Give the name as the young person says it.').max(200),
    nameOwnScript: z.string().trim().max(200).optional(),
    statedAge: z.number().int().min(0).max(30).optional(),
    statedDob: z
      .object({ calendar: CalendarId, year: z.number().int().min(1).max(3000), month: z.number().int().min(1).max(13).optional(), day: z.number().int().min(1).max(31).optional(), asSaid: z.string().max(500).optional() })
      .optional(),
    nationality: z.string().trim().max(200).optional(),
    /** ISO 3166-1 alpha-2, chosen from the list beside the words as told. */
    nationalityCode: CountryCode.optional(),
    language: z.string().trim().max(200).optional(),
    /** ISO 639-3 of the first language, beside the words as told. */
    languageCode: LanguageCode.optional(),
    arrivalInUk: z.iso.datetime({ offset: true }).optional(),
    firstContact: z.iso.datetime({ offset: true }).optional(),
    accommodation: AccommodationType.optional(),
    route: z.enum(['council', 'naab-referral']),
    reasonForDoubt: z.string().trim().max(20_000).optional(),
  })
  .strict();

export const assessmentChannels = {
  'assessments.create': channel({
    summary: 'Start an assessment at initial presentation: the young person as they present, the route, and the reason for doubt (assessors only).',
    input: NewAssessmentInput,
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'CONFLICT', 'FORBIDDEN'],
  }),
  'assessments.check': channel({
    summary: 'Every safeguard finding, the presumption status and the gate into the next stage, computed on the main side (the authority).',
    input: z.object({ id: Id }).strict(),
    output: AssessmentCheckSchema,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND'],
  }),
  'assessments.advance': channel({
    summary: 'Move to the next stage; refused with SAFEGUARD_BLOCK while its gate has blocking findings not covered by a recorded departure.',
    input: z.object({ id: Id, to: StageId }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'SAFEGUARD_BLOCK', 'LOCKED'],
  }),
  'assessments.recordDeparture': channel({
    summary: 'Record why a safeguard was not used (HAM v Brent); refused for rules where the law allows no departure.',
    input: z.object({ id: Id, ruleId: z.string().regex(/^AA-\d{2}$/), reason: z.string().trim().min(20, 'Say why, in a sentence or two (at least 20 characters).').max(20_000) }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'LOCKED'],
  }),
  'assessments.acknowledgeWarning': channel({
    summary: 'Answer a warning open on the assessment (a "should" finding) with a note, printed in the record; assessors named on it, before signing. Signing waits until every open warning is answered.',
    input: z
      .object({
        id: Id,
        ruleId: z.string().regex(/^AA-\d{2}$/, 'Give the rule as AA-nn.'),
        note: z.string().trim().min(10, 'Say in plain words why the warning does not change the assessment, or what was done about it (at least 10 characters).').max(20_000),
      })
      .strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'LOCKED', 'CONFLICT'],
  }),
  'assessments.addAddendum': channel({
    summary: 'A correction to a signed (locked) assessment: audited, shown in the record, and signed by its author in turn.',
    input: z.object({ id: Id, text: z.string().trim().min(1, 'Write the correction.').max(20_000) }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  }),
  'assessments.signAddendum': channel({
    summary: "Sign an addendum: the author's passphrase must open their signing key.",
    input: z.object({ id: Id, addendumId: Id, passphrase: z.string().min(1).max(1024) }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'AUTH_FAILED', 'FORBIDDEN', 'LOCKED'],
  }),
  'assessments.review': channel({
    summary:
      "A manager's review: a comment, or a return to the assessors with comments (before signing). Authorising is not a review: a manager authorises by adding their signature to the record (record.countersign).",
    input: z.object({
      id: Id,
      outcome: z.enum(['comment', 'returned'], {
        error: (i) => (i.input === 'authorised' ? 'A manager authorises by signing the record (record.countersign), not by a review.' : 'comment or returned'),
      }),
      text: z.string().trim().min(1, 'Write the comment.').max(20_000),
    }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'],
  }),
  'assessments.withdraw': channel({
    summary: 'Withdraw a case opened by mistake, with the reason (its assessors or a manager, before signing); kept and audited, hidden from the default list.',
    input: z.object({ id: Id, reason: z.string().trim().min(10, 'Say why the case is withdrawn (at least 10 characters).').max(20_000) }).strict(),
    output: Assessment,
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'LOCKED', 'CONFLICT'],
  }),
  'assessments.exportBundle': channel({
    summary: "The assessment as a bundle (JSON text), signed by the exporting user's key (a detached CMS signature with their certificate); refused while a blocking finding stands, the rules of every stage applying, and for a recovery-key session (no user key to sign with).",
    input: z.object({ id: Id, withAttachments: z.boolean().optional() }).strict(),
    output: z.object({ fileName: z.string(), json: z.string() }),
    errors: ['NOT_UNLOCKED', 'NOT_FOUND', 'FORBIDDEN', 'SAFEGUARD_BLOCK'],
  }),
  ...partChannels,
};
