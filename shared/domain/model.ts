/**
 * The assessment, as one document. This is the canonical model: the store persists it, the
 * safeguard rules read it, the bundle (import/export) is it, and the PDF record embeds it.
 * Source for every field: ../shared/DOMAIN.md (the checklist ids AA-xx are noted where a field
 * exists for a rule).
 *
 * Conventions: ids are opaque strings (UUIDs made by the store); instants are ISO 8601 with
 * offset (`2026-03-01T10:00:00Z`); plain dates are `YYYY-MM-DD` (Gregorian, ISO). A date as the
 * young person told it keeps its own calendar (DateAsTold) beside the ISO conversion.
 */
import { z } from 'zod';
import { isCountryCode, isLanguageCode } from './identity';

export const Id = z.string().min(1).max(64);
export const IsoInstant = z.iso.datetime({ offset: true, error: 'Give a date and time.' });
export const IsoDate = z.iso.date({ error: 'Give a date (day, month and year).' });
const Text = z.string().max(20_000);
const ShortText = z.string().max(500);

/** Calendars a young person may give dates in (AA-40). Identifiers are Temporal/CLDR calendar ids. */
export const CalendarId = z.enum(['gregory', 'persian', 'ethiopic', 'islamic-umalqura', 'islamic-civil']);
export type CalendarId = z.infer<typeof CalendarId>;

/** A date as told: year always, month and day when known, in its own calendar, and the ISO conversion. */
export const DateAsTold = z.object({
  calendar: CalendarId,
  year: z.number().int().min(1).max(3000),
  month: z.number().int().min(1).max(13).optional(),
  day: z.number().int().min(1).max(31).optional(),
  /** Exactly as said, e.g. "Hamal 1388" or "the spring after the flood". */
  asSaid: ShortText.optional(),
  /** The Gregorian date, for a date told to the day, computed with Temporal. */
  gregorian: IsoDate.optional(),
  /**
   * The Gregorian period the date covers: the first and last day of the month or year told
   * (a Solar Hijri month is a range, not a day); both equal `gregorian` for a full date.
   */
  gregorianFrom: IsoDate.optional(),
  gregorianTo: IsoDate.optional(),
});
export type DateAsTold = z.infer<typeof DateAsTold>;

/** ISO 3166-1 alpha-2 (as `countries-list` has it, with Kosovo's XK). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code (two capital letters)').refine(isCountryCode, 'not an ISO 3166-1 country code');
/** ISO 639-3 (three lower-case letters). */
export const LanguageCode = z.string().regex(/^[a-z]{3}$/, 'an ISO 639-3 code (three lower-case letters)').refine(isLanguageCode, 'not an ISO 639-3 language code');

export const Language = z.object({
  /** The language as the young person names it ("Farsi", "Pashtu"). */
  language: ShortText,
  /** ISO 639-3 code chosen from the list (for comparison: AA-07, the quality audit). */
  code: LanguageCode.optional(),
  dialect: ShortText.optional(),
  /** ISO 639-3 code of the dialect where ISO lists it as a language (Hazaragi haz, Sudanese Arabic apd). */
  dialectCode: LanguageCode.optional(),
  firstLanguage: z.boolean().default(false),
});

export const AccommodationType = z.enum([
  'foster-care',
  'childrens-home',
  'supported-accommodation-child',
  'adult-hotel',
  'adult-hostel',
  'immigration-detention',
  'police-custody',
  'prison',
  'other',
]);

export const YoungPerson = z.object({
  id: Id,
  /** The name as the young person says it, in the Latin alphabet. */
  nameLatin: ShortText.min(1),
  /** The name in the young person's own script (Arabic, Ge'ez, ...), if given. */
  nameOwnScript: ShortText.optional(),
  gender: ShortText.optional(),
  statedAge: z.number().int().min(0).max(30).optional(),
  statedDateOfBirth: DateAsTold.optional(),
  /** Nationality as the young person says it ("Afghan"). */
  nationality: ShortText.optional(),
  /** ISO 3166-1 alpha-2 code chosen from the list, beside the words as told. */
  nationalityCode: CountryCode.optional(),
  languages: z.array(Language).default([]),
  arrivalInUk: IsoInstant.optional(),
  firstContact: IsoInstant.optional(),
  /** Where they live now (AA-02: as a child while the assessment is pending). */
  accommodation: z
    .object({ type: AccommodationType, since: IsoDate.optional(), note: ShortText.optional() })
    .optional(),
  legalRepresentative: z.object({ name: ShortText, firm: ShortText.optional(), contact: ShortText.optional() }).optional(),
});
export type YoungPerson = z.infer<typeof YoungPerson>;

export const StageId = z.enum([
  'initial-presentation',
  'before-you-start',
  'planning',
  'explaining',
  'interviews',
  'analysis',
  'minded-to',
  'decision',
  'sharing',
]);
export type StageId = z.infer<typeof StageId>;

export const AssessmentStatus = z.enum([
  'draft',
  'in-progress',
  'awaiting-review',
  'returned',
  'decided',
  'signed',
  'authorised',
  'withdrawn',
]);

export const Route = z.object({
  kind: z.enum(['council', 'naab-referral']),
  /** For a NAAB referral: which criterion (child claim doubted, adult may be a child, accepted child may be another age). */
  criterion: ShortText.optional(),
  referredBy: ShortText.optional(),
});

export const ReasonForDoubt = z.object({
  text: Text,
  requestedBy: ShortText.optional(),
  /** Evidence ids relied on for doubting the stated age; appearance alone is not enough (AA-01). */
  evidenceIds: z.array(Id).default([]),
  /** An "obvious case" decided without interview needs its reasons (AA-39). */
  obviousCaseWithoutInterview: z.boolean().default(false),
  obviousCaseReasons: Text.optional(),
});

export const TraffickingIndicator = z.object({
  id: Id,
  indicator: ShortText,
  observedOn: IsoDate.optional(),
  source: ShortText.optional(),
  ownWords: Text.optional(),
});

export const Trafficking = z.object({
  screenedOn: IsoDate.optional(),
  indicators: z.array(TraffickingIndicator).default([]),
  s51PresumptionApplied: z.boolean().default(false),
  childrensServicesInformed: IsoDate.optional(),
  policeInformed: IsoDate.optional(),
  nrmReferral: z.object({ date: IsoDate, reference: ShortText.optional(), firstResponder: ShortText.optional() }).optional(),
  guardianReferral: z.object({ date: IsoDate, service: ShortText.optional() }).optional(),
  /** AA-42 */
  missingFromCarePlan: z.object({ agreedOn: IsoDate, summary: Text }).optional(),
});

export const ParticipantRole = z.enum([
  'assessor',
  'interpreter',
  'appropriate-adult',
  'legal-representative',
  'manager',
  'carer',
  'other',
]);

export const Participant = z.object({
  id: Id,
  role: ParticipantRole,
  name: ShortText.min(1),
  organisation: ShortText.optional(),
  /** Store user id for assessors and managers who sign. */
  userId: Id.optional(),
  // assessors (AA-05, AA-06)
  qualifiedSocialWorker: z.boolean().optional(),
  registrationNumber: ShortText.optional(),
  ageAssessmentExperience: z.boolean().optional(),
  experienceNote: ShortText.optional(),
  // interpreters (AA-07, AA-08)
  language: ShortText.optional(),
  /** ISO 639-3 codes of the interpreter's language and dialect (AA-07 compares them with the young person's). */
  languageCode: LanguageCode.optional(),
  dialect: ShortText.optional(),
  dialectCode: LanguageCode.optional(),
  mode: z.enum(['in-person', 'video', 'telephone']).optional(),
  // appropriate adults (AA-09)
  independentOfCouncil: z.boolean().optional(),
  trained: z.boolean().optional(),
  acceptedByYoungPerson: z.boolean().optional(),
});
export type Participant = z.infer<typeof Participant>;

export const Explanation = z.object({
  verbalOn: IsoInstant.optional(),
  writtenOn: IsoInstant.optional(),
  language: ShortText.optional(),
  /** How the young person showed they understood (AA-12). */
  understandingNote: Text.optional(),
});

export const Consent = z.object({
  toTakePart: z.boolean().optional(),
  toShareInformation: z.boolean().optional(),
  recordedOn: IsoInstant.optional(),
  withdrawnOn: IsoInstant.optional(),
  note: Text.optional(),
});

export const Session = z.object({
  id: Id,
  start: IsoInstant,
  end: IsoInstant,
  place: ShortText.optional(),
  inDetention: z.boolean().default(false),
  /** Tired, unwell, distressed: said plainly (AA-11). */
  wellbeingNote: ShortText.optional(),
  unwell: z.boolean().default(false),
  presentParticipantIds: z.array(Id).default([]),
  breaks: z.array(z.object({ start: IsoInstant, end: IsoInstant })).default([]),
  /** How mutual understanding with the interpreter was checked (AA-07). */
  interpreterCheck: ShortText.optional(),
  summary: Text.optional(),
});
export type Session = z.infer<typeof Session>;

/** The Merton domains (DOMAIN.md §2.3); each explored, or not explored with a reason (AA-15). */
export const MertonDomain = z.enum([
  'family',
  'social-history',
  'education',
  'development-self-care',
  'health',
  'journey',
  'documents',
  'culture-possessions',
  'other-sources',
]);
export const DomainCoverage = z.object({
  domain: MertonDomain,
  explored: z.boolean(),
  summary: Text.optional(),
  reasonNotExplored: ShortText.optional(),
});

export const TimelineEvent = z.object({
  id: Id,
  date: DateAsTold,
  event: ShortText,
  sourceSessionId: Id.optional(),
});

export const EvidenceKind = z.enum([
  'identity-document',
  'other-document',
  'third-party',
  'young-persons-account',
  'appearance',
  'demeanour',
  'scientific',
  'prior-assessment',
  'home-office-information',
  'other',
]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const Weight = z.enum(['not-yet-weighed', 'significant', 'some', 'limited', 'none']);

export const AttachmentRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: ShortText,
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain']),
  size: z.number().int().min(0),
  /** Base64 of the bytes, when a bundle carries them inline. */
  data: z.string().optional(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const EvidenceItem = z.object({
  id: Id,
  kind: EvidenceKind,
  title: ShortText.min(1),
  source: ShortText.optional(),
  obtainedOn: IsoDate.optional(),
  summary: Text.optional(),
  weight: Weight.default('not-yet-weighed'),
  weightReasons: Text.optional(),
  /** A document or account rejected needs reasons (AA-16, AA-17). */
  rejected: z.boolean().default(false),
  rejectionReasons: Text.optional(),
  attachments: z.array(AttachmentRef).default([]),
  /** Appearance/demeanour: the context (ethnicity, culture, trauma, journey) and a reliability caveat (AA-19). */
  observationContext: Text.optional(),
  reliabilityCaveat: Text.optional(),
  /** Scientific methods (AA-34, AA-35). */
  scientific: z
    .object({
      method: ShortText,
      afterFairAssessment: z.boolean(),
      refused: z.boolean().default(false),
      refusalReasons: Text.optional(),
    })
    .optional(),
  /** Prior or Home Office assessments: linked and compared, never adopted (AA-04, AA-41). */
  priorAssessment: z
    .object({ by: ShortText, date: IsoDate.optional(), outcome: ShortText.optional(), comparison: Text.optional() })
    .optional(),
  /** Significant new information received after a decision (AA-37). */
  receivedAfterDecision: z.boolean().default(false),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const AdversePoint = z.object({
  id: Id,
  text: Text.min(1),
  evidenceIds: z.array(Id).default([]),
  reliedOn: z.boolean().default(true),
  /** When and in which session it was put to the young person (AA-20). */
  putOn: IsoInstant.optional(),
  putInSessionId: Id.optional(),
  answer: Text.optional(),
  /** Other explanations considered: trauma, interpreting, calendars, traffickers' instructions (AA-21). */
  otherExplanations: Text.optional(),
});
export type AdversePoint = z.infer<typeof AdversePoint>;

export const MindedTo = z.object({
  heldOn: IsoInstant.optional(),
  sessionId: Id.optional(),
  appropriateAdultPresent: z.boolean().optional(),
  provisionalView: Text.optional(),
  responseSummary: Text.optional(),
  /** Why no minded-to meeting was held, if it was not (AA-22). */
  notHeldReason: Text.optional(),
});

export const Reason = z.object({
  id: Id,
  text: Text.min(1),
  evidenceIds: z.array(Id).default([]),
});

export const Decision = z.object({
  outcome: z.enum(['child', 'adult']),
  /** Assessed age range on the decision date (AA-23: a range reaching below 18 is a child). */
  ageLow: z.number().int().min(0).max(40),
  ageHigh: z.number().int().min(0).max(40),
  dateOfBirth: IsoDate,
  /** Why this date: the stated one, 1 January convention, a document, ... (AA-25). */
  dateOfBirthBasis: Text.optional(),
  benefitOfDoubt: Text.optional(),
  reasons: z.array(Reason).default([]),
  decidedOn: IsoInstant,
});
export type Decision = z.infer<typeof Decision>;

export const CopyGiven = z.object({
  recipient: z.enum(['young-person', 'legal-representative', 'home-office', 'carer', 'other']),
  name: ShortText.optional(),
  givenOn: IsoDate,
  method: ShortText,
  language: ShortText.optional(),
});

export const Sharing = z.object({
  /** AA-27 */
  challengeRouteGiven: z.boolean().default(false),
  legalAdviceRightGiven: z.boolean().default(false),
  copies: z.array(CopyGiven).default([]),
  /** AA-36: what goes to the Home Office, and on what basis. */
  homeOffice: z
    .object({
      sharedOn: IsoDate,
      lawfulBasis: ShortText,
      parts: z.array(z.enum(['conclusion', 'reasons', 'process', 'full-report'])),
    })
    .optional(),
});

export const SafeguardId = z.enum([
  'two-assessors',
  'experienced-assessor',
  'interpreter',
  'appropriate-adult',
  'legal-representative',
  'rest-before-interview',
  'multiple-sessions',
  'breaks',
  'written-explanation',
  'minded-to-meeting',
  'copy-to-young-person',
]);
export type SafeguardId = z.infer<typeof SafeguardId>;

/** AA-44: each safeguard used, or not used with a reason. */
export const SafeguardLogEntry = z.object({
  safeguard: SafeguardId,
  used: z.boolean(),
  reason: Text.optional(),
  recordedOn: IsoInstant,
});

/** A gate or rule passed with a recorded reason, where the law allows a departure (HAM v Brent). */
export const Departure = z.object({
  ruleId: z.string().regex(/^AA-\d{2}$/),
  reason: Text.min(1),
  recordedBy: ShortText,
  recordedOn: IsoInstant,
});
export type Departure = z.infer<typeof Departure>;

/**
 * A warning (an open "should" finding) that the assessors considered and answered with a note
 * before signing: printed in the record beside the warning (issue 11: "each open warning
 * acknowledged with a note that goes into the record"). One per rule; a later note replaces it.
 */
export const AcknowledgedWarning = z.object({
  ruleId: z.string().regex(/^AA-\d{2}$/),
  note: Text.min(1),
  byUserId: Id,
  byName: ShortText,
  at: IsoInstant,
});
export type AcknowledgedWarning = z.infer<typeof AcknowledgedWarning>;

export const StageEntry = z.object({ stage: StageId, enteredOn: IsoInstant });

export const Review = z.object({
  comments: z
    // 'withdrawn': the reason a case opened by mistake was withdrawn (assessments.withdraw).
    .array(z.object({ by: ShortText, on: IsoInstant, text: Text, outcome: z.enum(['returned', 'authorised', 'comment', 'withdrawn']) }))
    .default([]),
  authorisedBy: ShortText.optional(),
  authorisedOn: IsoInstant.optional(),
});

export const SignatureRecord = z.object({
  userId: Id,
  name: ShortText,
  role: z.enum(['assessor', 'manager']),
  signedOn: IsoInstant,
  certificateSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The declaration the signer confirmed (shared/domain/declaration.ts), word for word; absent on signatures made before it was asked. */
  declaration: Text.optional(),
});

export const Addendum = z.object({
  id: Id,
  text: Text.min(1),
  createdOn: IsoInstant,
  /** The author's display name, as shown on the record (not unique: authorship is checked by `createdByUserId`). */
  createdBy: ShortText,
  /** The author's store user id; absent only on addenda written before it was recorded. */
  createdByUserId: Id.optional(),
  signedOn: IsoInstant.optional(),
});

/**
 * Significant new information that reopens a decided assessment (AA-37; NABA 2022 s.56, ADCS
 * 2015 ch.7): what it is, in a sentence, and when it arrived.
 */
export const NewInformationKind = z.enum(['document', 'judgment', 'naab-review', 'other']);
export type NewInformationKind = z.infer<typeof NewInformationKind>;
export const NewInformation = z.object({
  kind: NewInformationKind,
  description: Text.min(1),
  receivedOn: IsoDate,
});
export type NewInformation = z.infer<typeof NewInformation>;

/** On the earlier assessment: the link forward to the reassessment that replaced it, and why. */
export const ReassessedBy = z.object({
  /** The reassessment's id (its `reassessmentOf` points back here). */
  id: Id,
  reference: ShortText,
  information: NewInformation,
  reopenedBy: ShortText,
  reopenedByUserId: Id.optional(),
  reopenedOn: IsoInstant,
});
export type ReassessedBy = z.infer<typeof ReassessedBy>;

/** Who changed a decision from outside the assessment (AA-43; ICIBI 2025: learn from overturned decisions). */
export const OverturnedByKind = z.enum(['court', 'tribunal', 'naab-review', 'council-review', 'other']);
export type OverturnedByKind = z.infer<typeof OverturnedByKind>;
export const Overturned = z.object({
  by: OverturnedByKind,
  /** Which court, tribunal or body: "Upper Tribunal (IAC)", "High Court (Administrative Court)". */
  body: ShortText.min(1),
  /** Its case number or reference, when there is one. */
  caseReference: ShortText.optional(),
  /** The date of the judgment or review outcome. */
  on: IsoDate,
  /** The outcome it substituted: child or adult, and the date of birth it declared, if any. */
  newOutcome: z.object({ outcome: z.enum(['child', 'adult']), dateOfBirth: IsoDate.optional() }),
  /** Why, as the judgment or review gives it: the learning the manager takes from it. */
  reason: Text.min(1),
  recordedBy: ShortText,
  recordedByUserId: Id.optional(),
  recordedOn: IsoInstant,
});
export type Overturned = z.infer<typeof Overturned>;

export const Assessment = z.object({
  id: Id,
  reference: ShortText.min(1),
  youngPerson: YoungPerson,
  route: Route,
  reasonForDoubt: ReasonForDoubt.optional(),
  status: AssessmentStatus.default('draft'),
  stage: StageId.default('initial-presentation'),
  stageHistory: z.array(StageEntry).default([]),
  createdOn: IsoInstant,
  updatedOn: IsoInstant,
  /** AA-02: treated and accommodated as their stated age while pending. */
  treatedAsStatedAge: z.boolean().default(true),
  additionalNeeds: Text.optional(),
  trafficking: Trafficking.default({ indicators: [], s51PresumptionApplied: false }),
  participants: z.array(Participant).default([]),
  informationRequests: z
    .array(z.object({ id: Id, from: ShortText, requestedOn: IsoDate, receivedOn: IsoDate.optional(), evidenceId: Id.optional() }))
    .default([]),
  explanation: Explanation.default({}),
  consent: Consent.default({}),
  sessions: z.array(Session).default([]),
  domains: z.array(DomainCoverage).default([]),
  timeline: z.array(TimelineEvent).default([]),
  evidence: z.array(EvidenceItem).default([]),
  analysis: Text.optional(),
  adversePoints: z.array(AdversePoint).default([]),
  mindedTo: MindedTo.optional(),
  decision: Decision.optional(),
  sharing: Sharing.default({ challengeRouteGiven: false, legalAdviceRightGiven: false, copies: [] }),
  safeguardLog: z.array(SafeguardLogEntry).default([]),
  departures: z.array(Departure).default([]),
  /**
   * Open warnings answered with a note before signing (signing is refused while one is unanswered).
   * Optional, not defaulted: an assessment stored before it existed keeps its digest (the audit chain
   * would otherwise report every older assessment as changed outside Carefile).
   */
  acknowledgedWarnings: z.array(AcknowledgedWarning).optional(),
  review: Review.default({ comments: [] }),
  signatures: z.array(SignatureRecord).default([]),
  addenda: z.array(Addendum).default([]),
  /** A reassessment: the id of the earlier assessment it reopens (its `reassessedBy` points here). */
  reassessmentOf: Id.optional(),
  /** A reassessment: the new information it was opened on (the same as the earlier one's `reassessedBy.information`). */
  newInformation: NewInformation.optional(),
  /** An earlier assessment reopened on new information: the link forward. Set once, by `assessments.reopen`. */
  reassessedBy: ReassessedBy.optional(),
  /** The decision was changed by a court, tribunal or review. Set once, by `assessments.recordOverturned`. */
  overturned: Overturned.optional(),
});
export type Assessment = z.infer<typeof Assessment>;
export type AssessmentInput = z.input<typeof Assessment>;
