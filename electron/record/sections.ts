/** The record's sections, in the order DOMAIN.md §2.6 and issue 5 ask for. */
import type { Assessment } from '../../shared/domain/model';
import { STYLES, type Flow } from './layout';
import { date, day, duration, formatDateAsTold, instant, minutesBetween, solarHijriNamesFor, time, yesNo } from './format';
import {
  accommodationLabels,
  copyRecipientLabels,
  evidenceKindLabels,
  homeOfficePartLabels,
  interpretingModeLabels,
  mertonDomainLabels,
  outcomeLabels,
  participantRoleLabels,
  reviewOutcomeLabels,
  routeLabels,
  safeguardLabels,
  signerRoleLabels,
  stageLabels,
  statusLabels,
  weightLabels,
  yesNoLabel,
} from '../../shared/format/labels';
import { findingsByRule } from '../../shared/safeguards/byRule';
import type { RecordContext } from './types';
import { declarationFor } from '../../shared/domain/declaration';

export interface SectionInput {
  a: Assessment;
  ctx: RecordContext;
  recordSha256: string;
  marking: string;
  generatedOn: Date;
  /** Evidence id → "E1", "E2" ... as numbered in the evidence table. */
  evidenceNo: Map<string, string>;
  participantName: Map<string, string>;
  /** The signature this record is made for (see ComposeOptions.signing). */
  signing?: { name: string; role: string; at: Date; declaration?: string };
}

/** A signer's role in words (the signing role arrives as a string from the signing service). */
function roleWord(role: string): string {
  return signerRoleLabels[role as keyof typeof signerRoleLabels] ?? role;
}

/** Every signature the record knows of: those already made, and the one it is being made for. */
function signaturesOf(s: SectionInput): Array<{ name: string; role: string; on: string; declaration?: string }> {
  const made: Array<{ name: string; role: string; on: string; declaration?: string }> = s.a.signatures.map((x) => ({ name: x.name, role: x.role, on: x.signedOn, declaration: x.declaration }));
  if (s.signing) made.push({ name: s.signing.name, role: s.signing.role, on: s.signing.at.toISOString(), declaration: s.signing.declaration ?? declarationFor(s.signing.role) });
  return made;
}

/** Status as of signing: never "In progress" on a record that is being signed. */
export function statusAtSigning(s: SectionInput): string {
  const sigs = signaturesOf(s);
  if (!sigs.length) return `${statusLabels[s.a.status]}. Not signed: this copy is not the signed record.`;
  const by = sigs.map((x) => `${x.name} (${roleWord(x.role).toLowerCase()}) on ${instant(x.on)}`).join('; ');
  const authorised = s.a.review.authorisedBy ? `; authorised by ${s.a.review.authorisedBy}${s.a.review.authorisedOn ? ` on ${instant(s.a.review.authorisedOn)}` : ''}` : '';
  return `${s.a.decision ? 'Decided and signed' : 'Signed'}: signed by ${by}${authorised}.`;
}

function cite(ids: string[], input: SectionInput): string {
  return ids.map((id) => input.evidenceNo.get(id) ?? `unknown item ${id}`).join(', ');
}

export function decisionSummary(a: Assessment): string {
  const d = a.decision;
  if (!d) return 'No decision has been recorded.';
  const who = d.outcome === 'child' ? 'a child' : 'an adult';
  const range = d.ageLow === d.ageHigh ? `${d.ageLow}` : `${d.ageLow} to ${d.ageHigh}`;
  return `Assessed as ${who}, aged ${range} on ${day(d.decidedOn)}. Date of birth: ${date(d.dateOfBirth)}.`;
}

export function cover(f: Flow, s: SectionInput): void {
  const { a } = s;
  f.space(30);
  f.paragraph('Age assessment record', STYLES.title);
  f.paragraph(`Prepared under the Children Act 1989 and the principles of R (B) v Merton LBC [2003]. Protective marking: ${s.marking}.`, STYLES.small);
  f.space(10);
  f.heading('Young person', 2);
  // The names stand on lines of their own: a right-to-left name sharing a baseline with an English
  // label is put in visual word order by text extractors (pdftotext), and a reviewer copying the
  // name must get it in reading order.
  f.paragraph(a.youngPerson.nameLatin, STYLES.h1);
  if (a.youngPerson.nameOwnScript) f.paragraph(a.youngPerson.nameOwnScript, STYLES.h1);
  f.paragraph(`Name as the young person says it, in the Latin alphabet${a.youngPerson.nameOwnScript ? ' and in their own script' : ''}.`, STYLES.small);
  f.space(4);
  f.fields([
    ['Stated age', a.youngPerson.statedAge?.toString()],
    ['Stated date of birth', statedDob(a)],
    ['Nationality', a.youngPerson.nationality],
    ['Gender', a.youngPerson.gender],
    ['Languages', a.youngPerson.languages.map((l) => `${l.language}${l.dialect ? ` (${l.dialect})` : ''}${l.firstLanguage ? ', first language' : ''}`).join('; ')],
  ]);
  f.heading('Assessment', 2);
  const assessors = a.participants.filter((p) => p.role === 'assessor');
  f.fields([
    ['Reference', a.reference],
    ['Status', statusAtSigning(s)],
    ['Stage', stageLabels[a.stage]],
    ['Route', `${routeLabels[a.route.kind]}${a.route.criterion ? ` (${a.route.criterion})` : ''}`],
    ['Decision', decisionSummary(a)],
    [
      'Assessors',
      assessors
        .map((p) => `${p.name}${p.organisation ? `, ${p.organisation}` : ''}${p.qualifiedSocialWorker ? ', qualified social worker' : ''}${p.registrationNumber ? ` (${p.registrationNumber})` : ''}`)
        .join('; ') || 'none recorded',
    ],
    ['Interpreter', a.participants.filter((p) => p.role === 'interpreter').map((p) => `${p.name} (${[p.language, p.dialect].filter(Boolean).join(', ')}${p.mode ? `; ${interpretingModeLabels[p.mode].toLowerCase()}` : ''})`).join('; ') || 'none'],
    ['Appropriate adult', a.participants.filter((p) => p.role === 'appropriate-adult').map((p) => `${p.name}${p.organisation ? `, ${p.organisation}` : ''}`).join('; ') || 'none'],
    ['Record generated', instant(s.generatedOn.toISOString())],
  ]);
  f.heading('Integrity', 2);
  // A narrower label column so a 64-digit hash stays on one line.
  f.fields(
    [
      ['SHA-256 of record.json', s.recordSha256],
      ['Audit chain head', s.ctx.auditHeadHash],
    ],
    128,
  );
  f.paragraph(
    'This PDF carries the machine-readable record as the attached file record.json; its SHA-256 is printed in every page footer. ' +
      'The assessors and any authorising manager sign the PDF digitally; each later signature is added as an incremental update so that earlier signatures stay valid. ' +
      'How to check this is explained in section 11, "How to verify this record".',
    STYLES.small,
  );
}

function statedDob(a: Assessment): string | undefined {
  const d = a.youngPerson.statedDateOfBirth;
  return d ? formatDateAsTold(d, solarHijriNamesFor(a.youngPerson.nationality)) : undefined;
}

export function processLog(f: Flow, s: SectionInput): void {
  const { a } = s;
  f.newPage();
  f.heading('1. Process log');
  f.fields([
    // While pending, the presumption that applies; once decided, the decision (not the presumption).
    a.decision ? ['Decision', decisionSummary(a)] : ['Presumption while pending', s.ctx.presumption],
    ['Treated as stated age while pending', yesNoLabel(a.treatedAsStatedAge)],
    ['Accommodation', a.youngPerson.accommodation ? `${accommodationLabels[a.youngPerson.accommodation.type]}${a.youngPerson.accommodation.since ? ` since ${date(a.youngPerson.accommodation.since)}` : ''}` : undefined],
    ['Arrival in the UK', instant(a.youngPerson.arrivalInUk)],
    ['First contact', instant(a.youngPerson.firstContact)],
    ['Reason for doubting age', a.reasonForDoubt ? `${a.reasonForDoubt.text}${a.reasonForDoubt.evidenceIds.length ? ` (evidence ${cite(a.reasonForDoubt.evidenceIds, s)})` : ''}` : undefined],
    ['Additional needs', a.additionalNeeds],
  ]);
  f.heading('Stages', 2);
  f.table(
    [{ title: 'Stage', weight: 2 }, { title: 'Entered on', weight: 2 }],
    a.stageHistory.map((st) => [stageLabels[st.stage], instant(st.enteredOn)]),
    'Stages',
  );
  f.heading('Safeguards used or not used', 2);
  f.table(
    [{ title: 'Safeguard', weight: 2 }, { title: 'Used', weight: 0.95 }, { title: 'Reason', weight: 4.75 }, { title: 'Recorded', weight: 1.6 }],
    a.safeguardLog.map((e) => [safeguardLabels[e.safeguard], e.used ? 'Used' : 'Not used', e.reason ?? '', instant(e.recordedOn)]),
    'Safeguards',
  );
  f.heading('People', 2);
  f.table(
    [{ title: 'Name', weight: 2.2 }, { title: 'Role', weight: 1.5 }, { title: 'Details', weight: 5 }],
    a.participants.map((p) => [p.name, participantRoleLabels[p.role], participantDetails(p)]),
    'People',
  );
  f.heading('Explanation and consent', 2);
  f.fields([
    ['Explained verbally', instant(a.explanation.verbalOn)],
    ['Explained in writing', instant(a.explanation.writtenOn)],
    ['Language of explanation', a.explanation.language],
    ['Understanding', a.explanation.understandingNote],
    ['Consent to take part', yesNoLabel(a.consent.toTakePart)],
    ['Consent to share information', yesNoLabel(a.consent.toShareInformation)],
    ['Consent recorded', instant(a.consent.recordedOn)],
    ['Consent withdrawn', instant(a.consent.withdrawnOn)],
    ['Note', a.consent.note],
  ]);
  f.heading('Sessions', 2);
  f.table(
    [{ title: 'Date and time', weight: 2 }, { title: 'Place', weight: 1.5 }, { title: 'Wellbeing', weight: 1.9 }, { title: 'Present', weight: 2 }, { title: 'Breaks', weight: 1.6 }, { title: 'Interpreter check and summary', weight: 3.6 }],
    a.sessions.map((x) => {
      const total = minutesBetween(x.start, x.end);
      const breakMin = x.breaks.reduce((m, b) => m + minutesBetween(b.start, b.end), 0);
      return [
        `${instant(x.start)} to ${time(x.end)} (${duration(total)})`,
        [x.place, x.inDetention ? 'In detention.' : ''].filter(Boolean).join('\n'),
        [x.unwell ? 'Unwell.' : '', x.wellbeingNote ?? ''].filter(Boolean).join('\n') || 'not recorded',
        x.presentParticipantIds.map((id) => s.participantName.get(id) ?? id).join(', '),
        x.breaks.length ? `${x.breaks.map((b) => `${time(b.start)}-${time(b.end)}`).join(', ')} (${duration(breakMin)} in all)` : 'No breaks',
        [x.interpreterCheck ? `Check: ${x.interpreterCheck}` : '', x.summary ?? ''].filter(Boolean).join('\n'),
      ];
    }),
    'Sessions',
  );
  traffickingAndDomains(f, s);
}

function participantDetails(p: Assessment['participants'][number]): string {
  const parts: string[] = [];
  if (p.organisation) parts.push(p.organisation);
  if (p.role === 'assessor' || p.role === 'manager') {
    parts.push(`qualified social worker: ${yesNo(p.qualifiedSocialWorker)}`);
    if (p.registrationNumber) parts.push(`registration ${p.registrationNumber}`);
    parts.push(`age assessment experience: ${yesNo(p.ageAssessmentExperience)}${p.experienceNote ? ` (${p.experienceNote})` : ''}`);
  }
  if (p.role === 'interpreter') parts.push([p.language, p.dialect].filter(Boolean).join(', '), p.mode ? interpretingModeLabels[p.mode].toLowerCase() : '');
  if (p.role === 'appropriate-adult') {
    parts.push(`independent of the council: ${yesNo(p.independentOfCouncil)}`, `trained: ${yesNo(p.trained)}`, `accepted by the young person: ${yesNo(p.acceptedByYoungPerson)}`);
  }
  return parts.filter(Boolean).join('; ');
}

function traffickingAndDomains(f: Flow, s: SectionInput): void {
  const { a } = s;
  const t = a.trafficking;
  f.heading('Trafficking screening', 2);
  f.fields([
    ['Screened on', date(t.screenedOn)],
    ['Section 51 presumption applied', yesNoLabel(t.s51PresumptionApplied)],
    ["Children's services informed", date(t.childrensServicesInformed)],
    ['Police informed', date(t.policeInformed)],
    ['NRM referral', t.nrmReferral ? `${date(t.nrmReferral.date)}${t.nrmReferral.reference ? `, reference ${t.nrmReferral.reference}` : ''}${t.nrmReferral.firstResponder ? `, by ${t.nrmReferral.firstResponder}` : ''}` : 'none'],
    ['Guardian referral', t.guardianReferral ? `${date(t.guardianReferral.date)}${t.guardianReferral.service ? `, ${t.guardianReferral.service}` : ''}` : undefined],
    ['Missing-from-care plan', t.missingFromCarePlan ? `${date(t.missingFromCarePlan.agreedOn)}: ${t.missingFromCarePlan.summary}` : undefined],
  ]);
  if (t.indicators.length) {
    f.table(
      [{ title: 'Indicator', weight: 3 }, { title: 'Observed, source', weight: 2 }, { title: 'In their own words', weight: 4 }],
      t.indicators.map((i) => [i.indicator, [date(i.observedOn), i.source].filter(Boolean).join(', '), i.ownWords ?? '']),
      'Trafficking indicators',
    );
  }
  f.heading('Areas explored (Merton domains)', 2);
  f.table(
    [{ title: 'Domain', weight: 2 }, { title: 'Explored', weight: 1 }, { title: 'Summary, or why not explored', weight: 7 }],
    a.domains.map((d) => [mertonDomainLabels[d.domain], d.explored ? 'Yes' : 'No', (d.explored ? d.summary : d.reasonNotExplored) ?? '']),
    'Areas explored',
  );
  if (a.timeline.length) {
    f.heading('Timeline', 2);
    f.table(
      [{ title: 'Date (as told, and converted)', weight: 3 }, { title: 'Event', weight: 6 }],
      a.timeline.map((e) => [
        formatDateAsTold(e.date, solarHijriNamesFor(a.youngPerson.nationality)),
        e.event,
      ]),
      'Timeline',
    );
  }
}

export function evidence(f: Flow, s: SectionInput): void {
  const { a } = s;
  f.newPage();
  f.heading('2. Evidence');
  f.paragraph('Each item the decision relies on, with its source, the weight given and why. Attachments are identified by their SHA-256; images are reproduced in the appendix.', STYLES.small);
  f.table(
    [{ title: 'No.', weight: 0.55 }, { title: 'Item', weight: 2.6 }, { title: 'Source, date', weight: 1.8 }, { title: 'Weight', weight: 1.25 }, { title: 'Reasons', weight: 3.8 }, { title: 'Attachments (SHA-256)', weight: 2.6 }],
    a.evidence.map((e) => {
      const reasons = [
        e.weightReasons,
        e.rejected ? `Rejected: ${e.rejectionReasons ?? 'no reason recorded'}` : '',
        e.observationContext ? `Context: ${e.observationContext}` : '',
        e.reliabilityCaveat ? `Caveat: ${e.reliabilityCaveat}` : '',
        e.scientific ? `Method: ${e.scientific.method}; after a fair assessment: ${yesNo(e.scientific.afterFairAssessment)}${e.scientific.refused ? `; refused: ${e.scientific.refusalReasons ?? 'no reasons recorded'}` : ''}` : '',
        e.priorAssessment ? `Prior assessment by ${e.priorAssessment.by}${e.priorAssessment.outcome ? ` (${e.priorAssessment.outcome})` : ''}: ${e.priorAssessment.comparison ?? ''}` : '',
      ].filter(Boolean);
      return [
        s.evidenceNo.get(e.id) ?? '',
        `${e.title}\n${evidenceKindLabels[e.kind]}${e.summary ? `\n${e.summary}` : ''}`,
        [e.source, date(e.obtainedOn)].filter(Boolean).join(', '),
        weightLabels[e.weight],
        reasons.join('\n'),
        e.attachments.map((x) => `${x.name}: ${x.sha256}`).join('\n'),
      ];
    }),
    'Evidence',
  );
}

export function analysis(f: Flow, s: SectionInput): void {
  const { a } = s;
  f.heading('3. Analysis');
  f.paragraph(a.analysis ?? 'No analysis has been recorded.');
  f.heading('4. Adverse points and the answers given');
  if (!a.adversePoints.length) f.paragraph('No adverse points were relied on.');
  a.adversePoints.forEach((p, i) => {
    f.heading(`Point ${i + 1}${p.reliedOn ? '' : ' (not relied on)'}`, 2);
    f.fields([
      ['The point', p.text],
      ['Evidence', cite(p.evidenceIds, s)],
      ['Put to the young person', p.putOn ? `${instant(p.putOn)}${p.putInSessionId ? ` (session of ${instant(a.sessions.find((x) => x.id === p.putInSessionId)?.start)})` : ''}` : 'not recorded'],
      ['Their answer', p.answer ?? 'not recorded'],
      ['Other explanations considered', p.otherExplanations ?? 'not recorded'],
    ]);
  });
  f.heading('5. Minded-to meeting');
  const m = a.mindedTo;
  if (!m) f.paragraph('No minded-to meeting has been recorded.');
  else
    f.fields([
      ['Held on', instant(m.heldOn)],
      ['Appropriate adult present', yesNoLabel(m.appropriateAdultPresent)],
      ['Provisional view put', m.provisionalView],
      ['Response', m.responseSummary],
      ['Why not held', m.notHeldReason],
    ]);
}

export function decision(f: Flow, s: SectionInput): void {
  const { a } = s;
  f.heading('6. Decision');
  const d = a.decision;
  if (!d) {
    f.paragraph('No decision has been recorded.');
    return;
  }
  f.fields([
    ['Conclusion', outcomeLabels[d.outcome]],
    ['Assessed age', d.ageLow === d.ageHigh ? `${d.ageLow}` : `${d.ageLow} to ${d.ageHigh}`],
    ['Date of birth', date(d.dateOfBirth)],
    ['Basis for the date', d.dateOfBirthBasis ?? 'not recorded'],
    ['Benefit of the doubt', d.benefitOfDoubt ?? 'not recorded'],
    ['Decided on', instant(d.decidedOn)],
  ]);
  f.heading('Reasons', 2);
  d.reasons.forEach((r, i) => f.paragraph(`${i + 1}. ${r.text}${r.evidenceIds.length ? ` (evidence ${cite(r.evidenceIds, s)})` : ''}`));
}

export function challengeAndSharing(f: Flow, s: SectionInput): void {
  const { a } = s;
  f.heading('7. How to challenge this decision');
  f.paragraph(
    'The young person may ask the council to look at this decision again, especially if there is new information, and may challenge it by judicial review, ' +
      'usually heard by the Upper Tribunal (Immigration and Asylum Chamber), which decides the age itself. Time limits apply: a claim should be brought promptly. ' +
      'The young person has the right to free, independent legal advice; legal aid is usually available for age disputes. ' +
      'A solicitor, the Refugee Council or Coram Children\u2019s Legal Centre can help.',
  );
  f.fields([
    ['Route to challenge explained', yesNoLabel(a.sharing.challengeRouteGiven)],
    ['Right to legal advice explained', yesNoLabel(a.sharing.legalAdviceRightGiven)],
    ['Legal representative', a.youngPerson.legalRepresentative ? [a.youngPerson.legalRepresentative.name, a.youngPerson.legalRepresentative.firm].filter(Boolean).join(', ') : 'none recorded'],
  ]);
  f.heading('8. Copies of this decision');
  if (!a.sharing.copies.length) f.paragraph('No copy has been recorded as given.');
  else
    f.table(
      [{ title: 'Recipient', weight: 2.6 }, { title: 'Given on', weight: 1.4 }, { title: 'How', weight: 2.5 }, { title: 'Language', weight: 1.5 }],
      a.sharing.copies.map((c) => [`${copyRecipientLabels[c.recipient]}${c.name ? `: ${c.name}` : ''}`, date(c.givenOn), c.method, c.language ?? '']),
      'Copies',
    );
  const ho = a.sharing.homeOffice;
  if (ho) f.paragraph(`Shared with the Home Office on ${date(ho.sharedOn)} (${ho.parts.map((x) => homeOfficePartLabels[x].toLowerCase()).join(', ')}), lawful basis: ${ho.lawfulBasis}.`);
}

export function findings(f: Flow, s: SectionInput): void {
  const { a, ctx } = s;
  f.heading('9. Safeguard findings, departures and warnings');
  f.paragraph(
    'Carefile checks every assessment against the safeguard checklist (AA-01 to AA-44). "Must" findings block a decision unless a departure with reasons is recorded; "should" findings are warnings to consider.',
    STYLES.small,
  );
  if (!ctx.findings.length) f.paragraph('No safeguard finding is open for this assessment.');
  else
    f.table(
      [{ title: 'Rule', weight: 0.9 }, { title: 'Kind', weight: 0.9 }, { title: 'Finding', weight: 4 }, { title: 'Remedy, source', weight: 3 }, { title: 'Departure', weight: 3 }],
      ctx.findings.map((x) => [
        x.ruleId,
        x.severity === 'block' ? 'Must' : 'Should',
        x.message,
        [x.remedy, x.source ? `Source: ${x.source}` : ''].filter(Boolean).join('\n'),
        typeof x.departure === 'string' ? x.departure : x.departure ? `${x.departure.reason}${x.departure.recordedBy ? ` (${x.departure.recordedBy}${x.departure.recordedOn ? `, ${instant(x.departure.recordedOn)}` : ''})` : ''}` : '',
      ]),
      'Findings',
    );
  if (a.departures.length) {
    f.heading('Departures recorded', 2);
    f.table(
      [{ title: 'Rule', weight: 0.9 }, { title: 'Reason', weight: 6 }, { title: 'Recorded by, on', weight: 2.5 }],
      a.departures.map((d) => [d.ruleId, d.reason, `${d.recordedBy}, ${instant(d.recordedOn)}`]),
      'Departures',
    );
  }
  warningsAtSigning(f, s);
  f.heading('10. Review and signatures');
  f.fields([
    ['Status', statusAtSigning(s)],
    ['Stage', stageLabels[a.stage]],
  ]);
  const sigs = signaturesOf(s);
  f.heading('Signatures', 2);
  if (!sigs.length) f.paragraph('Nobody has signed this copy.');
  else
    f.table(
      [{ title: 'Signed by', weight: 2.4 }, { title: 'Role', weight: 1.3 }, { title: 'Signed on (UK time)', weight: 2.2 }, { title: 'Declaration confirmed on signing', weight: 6 }],
      sigs.map((x) => [x.name, roleWord(x.role), instant(x.on), x.declaration ?? 'Signed before Carefile asked for a declaration.']),
      'Signatures',
    );
  const signedNames = new Set(sigs.map((x) => x.name));
  const awaiting = a.participants.filter((p) => (p.role === 'assessor' || p.role === 'manager') && !signedNames.has(p.name));
  f.paragraph(
    'Each signature is a digital signature, not a handwritten one. ' +
      (awaiting.length ? `Still to sign when this record was made: ${awaiting.map((p) => `${p.name} (${roleWord(p.role).toLowerCase()})`).join('; ')}. ` : '') +
      'A later signature (the second assessor, the authorising manager) is added to this PDF as an incremental update, which leaves this text and the signatures before it unchanged: ' +
      'the signature panel of a PDF reader lists every signature with its signer and time. ' +
      'Each later signer confirms the declaration for their role before signing:',
  );
  f.fields([
    ['Assessor\u2019s declaration', declarationFor('assessor')],
    ['Manager\u2019s declaration', declarationFor('manager')],
  ]);
  f.heading('Manager review', 2);
  if (!a.review.comments.length && !a.review.authorisedBy) f.paragraph('No manager review had been recorded when this record was made.');
  if (a.review.comments.length)
    f.table(
      [{ title: 'On', weight: 2 }, { title: 'By', weight: 2 }, { title: 'Outcome', weight: 1.4 }, { title: 'Comment', weight: 6 }],
      a.review.comments.map((c) => [instant(c.on), c.by, reviewOutcomeLabels[c.outcome], c.text]),
      'Manager review',
    );
  f.fields([
    ['Authorised by', a.review.authorisedBy],
    ['Authorised on', instant(a.review.authorisedOn)],
  ]);
  if (a.addenda.length) {
    f.heading('Addenda', 2);
    for (const ad of a.addenda) f.paragraph(`${instant(ad.createdOn)}, ${ad.createdBy}: ${ad.text}`);
  }
}

/**
 * The warnings ("should" findings) open when the record was made, each with the note an assessor
 * answered it with (signing waits for every one: shared/domain/workflow.ts `unansweredWarnings`).
 */
function warningsAtSigning(f: Flow, s: SectionInput): void {
  // One paragraph per rule: its note answers every place the rule was hit (shared/safeguards/byRule.ts).
  const warnings = findingsByRule(s.ctx.findings.filter((x) => x.severity === 'warn'));
  const acks = new Map((s.a.acknowledgedWarnings ?? []).map((w) => [w.ruleId, w]));
  f.heading('Warnings open at signing, and the assessors\u2019 answers', 2);
  if (!warnings.length) f.paragraph('No warning was open when this record was made.');
  for (const w of warnings) {
    const ack = acks.get(w.ruleId);
    const d = w.findings.find((x) => x.departure)?.departure;
    const departure = typeof d === 'string' ? d : d?.reason;
    const answer = ack
      ? `Answered by ${ack.byName} on ${instant(ack.at)}: ${ack.note}`
      : departure
        ? `Note recorded: ${departure}`
        : 'No note was recorded against it.';
    const found = w.findings.length === 1 ? w.findings[0]!.message : `found ${w.findings.length} times: ${w.findings.map((x, i) => `(${i + 1}) ${x.message}`).join(' ')}`;
    f.paragraph(`${w.ruleId}: ${found} ${answer}`);
  }
  const earlier = (s.a.acknowledgedWarnings ?? []).filter((w) => !warnings.some((x) => x.ruleId === w.ruleId));
  for (const w of earlier) f.paragraph(`${w.ruleId} (answered earlier, no longer open when this record was made): answered by ${w.byName} on ${instant(w.at)}: ${w.note}`);
}

export function verifying(f: Flow, s: SectionInput): void {
  f.heading('11. How to verify this record');
  f.paragraph('A reader can check three things with an ordinary PDF reader, and the same again on a command line.');
  f.fields(
    [
      [
        '1. The signatures',
        'Open the signature panel (Adobe Acrobat Reader: the pen icon, "Signature Panel"). Each signature should say the document has not been modified since it was signed; ' +
          'signatures added after it are expected and listed. The certificates are issued by the council\u2019s Carefile installation, so a reader may call the signer\u2019s identity unknown: ' +
          'ask the council for the person\u2019s certificate fingerprint (SHA-256) and compare it with the certificate shown.',
      ],
      [
        '2. The SHA-256 on every page',
        `The foot of every page shows the same SHA-256, ${s.recordSha256}. It is the fingerprint of the machine-readable record attached to this PDF.`,
      ],
      [
        '3. The embedded record.json',
        'Open the attachments panel and save record.json; "sha256sum record.json" (or "certutil -hashfile record.json SHA256" on Windows) must print the value on every page.',
      ],
      [
        'On a command line',
        '"pdfsig record.pdf" (poppler) must say "Signature is Valid." for every signature, and "Total document signed" for the last one. ' +
          '"carefile verify record.pdf" checks all of the above and names any change made after a signature; it exits with 1 on any problem.',
      ],
      ['Audit chain head', s.ctx.auditHeadHash],
    ],
    150,
  );
}
