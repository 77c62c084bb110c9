/**
 * Human words for the model's enum ids: one map per enum, used by the editors' options, the
 * screens and the PDF record alike, so a value reads the same everywhere and its wording is written
 * once (issue 10: "every enum has a label"). tests/unit/format/labels.test.ts walks the model's
 * schemas and fails when an enum has no map here, or a label is empty or an id.
 *
 * Maps are keyed by one enum each: the same id can mean different things in two enums
 * ('legal-representative' is a participant, a safeguard and a recipient of the decision).
 */
import type { z } from 'zod';
import type {
  AccommodationType,
  AssessmentStatus,
  AttachmentRef,
  CalendarId,
  CopyGiven,
  Decision,
  EvidenceKind,
  MertonDomain,
  NewInformationKind,
  OverturnedByKind,
  Participant,
  ParticipantRole,
  Review,
  Route,
  SafeguardId,
  SignatureRecord,
  Sharing,
  StageId,
  Weight,
} from '../domain/model';
import type { Role } from '../contract/store';

type Labels<E extends string> = Readonly<Record<E, string>>;

export const stageLabels: Labels<StageId> = {
  'initial-presentation': 'Initial presentation',
  'before-you-start': 'Before you start',
  planning: 'Planning',
  explaining: 'Explaining the assessment',
  interviews: 'Interviews',
  analysis: 'Analysis',
  'minded-to': 'Minded-to meeting',
  decision: 'Decision',
  sharing: 'Sharing the decision',
};

export const statusLabels: Labels<z.infer<typeof AssessmentStatus>> = {
  draft: 'Draft',
  'in-progress': 'In progress',
  'awaiting-review': 'Awaiting review',
  returned: 'Returned',
  decided: 'Decided',
  signed: 'Signed',
  authorised: 'Authorised',
  withdrawn: 'Withdrawn',
};

export const routeLabels: Labels<z.infer<typeof Route>['kind']> = {
  council: 'Council assessment',
  'naab-referral': 'Referral to the National Age Assessment Board',
};

export const accommodationLabels: Labels<z.infer<typeof AccommodationType>> = {
  'foster-care': 'Foster care',
  'childrens-home': "Children's home",
  'supported-accommodation-child': 'Supported accommodation for children (16–17)',
  'adult-hotel': 'Hotel for adults (asylum hotel)',
  'adult-hostel': 'Hostel for adults',
  'immigration-detention': 'Immigration detention',
  'police-custody': 'Police custody',
  prison: 'Prison or young offender institution',
  other: 'Somewhere else',
};

export const participantRoleLabels: Labels<z.infer<typeof ParticipantRole>> = {
  assessor: 'Assessor (social worker)',
  interpreter: 'Interpreter',
  'appropriate-adult': 'Appropriate adult',
  'legal-representative': 'Legal representative',
  manager: 'Manager',
  carer: 'Carer',
  other: 'Someone else',
};

export const interpretingModeLabels: Labels<NonNullable<Participant['mode']>> = {
  'in-person': 'In person',
  video: 'Video call',
  telephone: 'Telephone',
};

/** The calendars' names here, not in domain/calendars, so a label never pulls in the Temporal polyfill. */
export const calendarLabels: Labels<CalendarId> = {
  gregory: 'Gregorian',
  persian: 'Solar Hijri (Afghanistan, Iran)',
  ethiopic: 'Ethiopian (Ethiopia, Eritrea)',
  'islamic-umalqura': 'Islamic (Umm al-Qura)',
  'islamic-civil': 'Islamic (civil, tabular)',
};

export const mertonDomainLabels: Labels<z.infer<typeof MertonDomain>> = {
  family: 'Family',
  'social-history': 'Social history',
  education: 'Education',
  'development-self-care': 'Development and self-care',
  health: 'Health',
  journey: 'Journey',
  documents: 'Documents',
  'culture-possessions': 'Culture and possessions',
  'other-sources': 'Other sources',
};

export const evidenceKindLabels: Labels<EvidenceKind> = {
  'identity-document': 'Identity document',
  'other-document': 'Other document',
  'third-party': 'What others say',
  'young-persons-account': "The young person's own account",
  appearance: 'Observation of physical appearance',
  demeanour: 'Observation of demeanour or behaviour',
  scientific: 'Scientific method',
  'prior-assessment': 'An earlier age assessment',
  'home-office-information': 'Home Office information',
  other: 'Other',
};

/** Examples that help the assessor choose a kind: shown beside the label in the editor's list only. */
export const evidenceKindExamples: Readonly<Partial<Record<EvidenceKind, string>>> = {
  'identity-document': 'passport, ID card, birth certificate',
  'other-document': 'school, medical, letter',
  'third-party': 'carer, teacher, health staff',
  scientific: 'e.g. X-ray, MRI',
};

/** The kind as the editor offers it: "Identity document (passport, ID card, birth certificate)". */
export function evidenceKindOption(kind: EvidenceKind): string {
  const examples = evidenceKindExamples[kind];
  return examples ? `${evidenceKindLabels[kind]} (${examples})` : evidenceKindLabels[kind];
}

export const weightLabels: Labels<z.infer<typeof Weight>> = {
  'not-yet-weighed': 'Not yet weighed',
  significant: 'Significant weight',
  some: 'Some weight',
  limited: 'Limited weight',
  none: 'No weight',
};

export const mediaTypeLabels: Labels<AttachmentRef['mediaType']> = {
  'application/pdf': 'PDF document',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'text/plain': 'Text file',
};

/** The decision's outcome, and the one a court or review substituted (Overturned.newOutcome). */
export const outcomeLabels: Labels<z.infer<typeof Decision>['outcome']> = {
  child: 'A child (under 18)',
  adult: 'An adult (18 or over)',
};

export const copyRecipientLabels: Labels<z.infer<typeof CopyGiven>['recipient']> = {
  'young-person': 'The young person',
  'legal-representative': 'Their legal representative',
  carer: 'Their carer',
  'home-office': 'The Home Office',
  other: 'Someone else',
};

export const homeOfficePartLabels: Labels<NonNullable<z.infer<typeof Sharing>['homeOffice']>['parts'][number]> = {
  conclusion: 'The conclusion',
  reasons: 'The reasons',
  process: 'Evidence of a fair process',
  'full-report': 'The full report',
};

export const safeguardLabels: Labels<z.infer<typeof SafeguardId>> = {
  'two-assessors': 'Two qualified social workers',
  'experienced-assessor': 'An assessor experienced in age assessment',
  interpreter: 'An interpreter in their language and dialect',
  'appropriate-adult': 'An appropriate adult',
  'legal-representative': 'A legal representative told and involved',
  'rest-before-interview': 'Rest before the first interview',
  'multiple-sessions': 'More than one interview session',
  breaks: 'Breaks during interviews',
  'written-explanation': 'The purpose explained in writing',
  'minded-to-meeting': 'A minded-to meeting to answer adverse points',
  'copy-to-young-person': 'A copy of the decision given to the young person',
};

export const reviewOutcomeLabels: Labels<z.infer<typeof Review>['comments'][number]['outcome']> = {
  comment: 'Comment',
  returned: 'Returned to the assessors',
  authorised: 'Authorised',
  withdrawn: 'Withdrawn',
};

/** Who signed the record, in the role they signed it in. */
export const signerRoleLabels: Labels<z.infer<typeof SignatureRecord>['role']> = {
  assessor: 'Assessor',
  manager: 'Manager',
};

/** A store user's role (shared/contract/store.ts). */
export const userRoleLabels: Labels<z.infer<typeof Role>> = {
  admin: 'Administrator',
  assessor: 'Assessor (social worker)',
  manager: 'Manager',
};

/** Written to run inside a sentence ("Reopened on a tribunal or court judgment: …"); `sentenceCase` for a list. */
export const newInformationLabels: Labels<NewInformationKind> = {
  document: 'a document',
  judgment: 'a tribunal or court judgment',
  'naab-review': 'a NAAB review',
  other: 'other significant information',
};

/** Written to run inside a sentence ("Overturned by a tribunal …"); `sentenceCase` for a list. */
export const overturnedByLabels: Labels<OverturnedByKind> = {
  court: 'a court',
  tribunal: 'a tribunal',
  'naab-review': 'a NAAB review',
  'council-review': "the council's own review",
  other: 'another body',
};

/** A yes/no answer as the app and the record show it in a row of their own ("Yes", "No", "Not recorded"). */
export function yesNoLabel(v: boolean | undefined): string {
  return v === undefined ? 'Not recorded' : v ? 'Yes' : 'No';
}

export function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Every map above, by name (the completeness test reads it). */
export const enumLabels = {
  stageLabels,
  statusLabels,
  routeLabels,
  accommodationLabels,
  participantRoleLabels,
  interpretingModeLabels,
  calendarLabels,
  mertonDomainLabels,
  evidenceKindLabels,
  weightLabels,
  mediaTypeLabels,
  outcomeLabels,
  copyRecipientLabels,
  homeOfficePartLabels,
  safeguardLabels,
  reviewOutcomeLabels,
  signerRoleLabels,
  userRoleLabels,
  newInformationLabels,
  overturnedByLabels,
} as const;

/** A map's entries as a select's options, in the enum's order. */
export function labelOptions<E extends string>(labels: Labels<E>, order?: readonly E[]): Array<readonly [E, string]> {
  return (order ?? (Object.keys(labels) as E[])).map((v) => [v, labels[v]] as const);
}

/**
 * An enum id whose enum is not known (zod's "Choose one of: …" message lists an enum's values
 * without saying which enum): the first map that has it, else the id as it is.
 */
export function label(value: string | undefined): string {
  if (!value) return '';
  for (const labels of Object.values(enumLabels) as Array<Record<string, string>>) {
    const found = labels[value];
    if (found !== undefined) return found;
  }
  return value;
}
