/** Human wording for dates and the model's enum values, as printed in the record. */

const instantFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** An instant in UK time, e.g. "3 Mar 2026, 10:15". */
export function instant(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantFmt.format(d);
}

export function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFmt.format(d);
}

/** A plain ISO date, e.g. "3 Mar 2026". */
export function date(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function minutesBetween(a: string, b: string): number {
  return Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000);
}

export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m.toString().padStart(2, '0')} min` : `${m} min`;
}

export function yesNo(v: boolean | undefined, unknown = 'not recorded'): string {
  return v === undefined ? unknown : v ? 'yes' : 'no';
}

const LABELS: Record<string, string> = {
  'initial-presentation': 'Initial presentation',
  'before-you-start': 'Before you start',
  planning: 'Planning',
  explaining: 'Explaining the assessment',
  interviews: 'Interviews',
  analysis: 'Analysis',
  'minded-to': 'Minded-to meeting',
  decision: 'Decision',
  sharing: 'Sharing the decision',
  'identity-document': 'Identity document',
  'other-document': 'Other document',
  'third-party': 'Third party',
  'young-persons-account': "Young person's account",
  appearance: 'Appearance',
  demeanour: 'Demeanour',
  scientific: 'Scientific method',
  'prior-assessment': 'Prior assessment',
  'home-office-information': 'Home Office information',
  other: 'Other',
  'not-yet-weighed': 'Not yet weighed',
  significant: 'Significant',
  some: 'Some',
  limited: 'Limited',
  none: 'None',
  'two-assessors': 'Two assessors',
  'experienced-assessor': 'Experienced assessor',
  interpreter: 'Interpreter',
  'appropriate-adult': 'Appropriate adult',
  'legal-representative': 'Legal representative',
  'rest-before-interview': 'Rest before interview',
  'multiple-sessions': 'More than one session',
  breaks: 'Breaks',
  'written-explanation': 'Written explanation',
  'minded-to-meeting': 'Minded-to meeting',
  'copy-to-young-person': 'Copy to the young person',
  family: 'Family',
  'social-history': 'Social history',
  education: 'Education',
  'development-self-care': 'Development and self-care',
  health: 'Health',
  journey: 'Journey',
  documents: 'Documents',
  'culture-possessions': 'Culture and possessions',
  'other-sources': 'Other sources',
  assessor: 'Assessor',
  manager: 'Manager',
  carer: 'Carer',
  'young-person': 'Young person',
  'home-office': 'Home Office',
  council: 'Council assessment',
  'naab-referral': 'Referral to the National Age Assessment Board',
  'in-person': 'in person',
  video: 'video',
  telephone: 'telephone',
  draft: 'Draft',
  'in-progress': 'In progress',
  'awaiting-review': 'Awaiting review',
  returned: 'Returned',
  decided: 'Decided',
  signed: 'Signed',
  authorised: 'Authorised',
  withdrawn: 'Withdrawn',
  'foster-care': 'Foster care',
  'childrens-home': "Children's home",
  'supported-accommodation-child': 'Supported accommodation (child)',
  'adult-hotel': 'Adult hotel',
  'adult-hostel': 'Adult hostel',
  'immigration-detention': 'Immigration detention',
  'police-custody': 'Police custody',
  prison: 'Prison',
  gregory: 'Gregorian',
  persian: 'Solar Hijri',
  ethiopic: 'Ethiopian',
  'islamic-umalqura': 'Hijri (Umm al-Qura)',
  'islamic-civil': 'Hijri (civil)',
  conclusion: 'conclusion',
  reasons: 'reasons',
  process: 'process',
  'full-report': 'full report',
};

export function label(value: string | undefined): string {
  if (!value) return '';
  return LABELS[value] ?? value;
}
