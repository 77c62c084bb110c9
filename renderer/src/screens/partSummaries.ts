/**
 * What each part says, in a few lines, for "check your answers": dates in the one shared style,
 * enum ids through the one shared labels module (shared/format), never a model path.
 */
import type { Assessment } from '../../../shared/domain/model';
import type { PartName } from '../../../shared/domain/parts';
import { formatDate, formatDateAsTold, formatInstant, solarHijriNamesFor } from '../../../shared/format/dates';
import { accommodationLabels, participantRoleLabels, routeLabels, safeguardLabels, yesNoLabel as yes } from '../../../shared/format/labels';

export type SummaryRow = readonly [key: string, value: string];

const none = 'Not recorded';
const count = (n: number, one: string, many = `${one}s`) => (n === 0 ? none : `${n} ${n === 1 ? one : many}`);
const short = (t: string | undefined, max = 240) => (!t ? none : t.length > max ? `${t.slice(0, max).trimEnd()}…` : t);

export const partSummaries: Record<PartName, (a: Assessment) => SummaryRow[]> = {
  youngPerson: (a) => {
    const yp = a.youngPerson;
    const first = yp.languages.find((l) => l.firstLanguage);
    return [
      ['Name', [yp.nameLatin, yp.nameOwnScript].filter(Boolean).join(' / ')],
      ['Stated age', yp.statedAge === undefined ? none : String(yp.statedAge)],
      ['Date of birth as told', yp.statedDateOfBirth ? formatDateAsTold(yp.statedDateOfBirth, solarHijriNamesFor(yp.nationality ?? yp.nationalityCode)) : none],
      ['Nationality', yp.nationality ?? none],
      ['First language', first ? [first.language, first.dialect].filter(Boolean).join(', ') : none],
      ['Route', routeLabels[a.route.kind]],
      ['Reason for doubt', short(a.reasonForDoubt?.text)],
    ];
  },
  trafficking: (a) => [
    ['Screened for trafficking indicators', a.trafficking.screenedOn ? formatDate(a.trafficking.screenedOn) : none],
    ['Indicators', count(a.trafficking.indicators.length, 'indicator')],
    ['Accommodation', a.youngPerson.accommodation ? accommodationLabels[a.youngPerson.accommodation.type] : none],
  ],
  participants: (a) => [
    ['People', a.participants.length === 0 ? none : a.participants.map((p) => `${p.name} (${participantRoleLabels[p.role]})`).join('; ')],
    ['Information requests', count(a.informationRequests.length, 'request')],
  ],
  safeguardLog: (a) => [['Safeguards logged', a.safeguardLog.length === 0 ? none : a.safeguardLog.map((e) => `${safeguardLabels[e.safeguard]}: ${e.used ? 'used' : 'not used'}`).join('; ')]],
  explanation: (a) => [
    ['Explained in person', a.explanation.verbalOn ? formatInstant(a.explanation.verbalOn) : none],
    ['Explained in writing', a.explanation.writtenOn ? formatInstant(a.explanation.writtenOn) : none],
    ['Consent to take part', yes(a.consent.toTakePart)],
  ],
  sessions: (a) => [['Sessions', a.sessions.length === 0 ? none : a.sessions.map((s) => formatInstant(s.start)).join('; ')]],
  domains: (a) => [
    ['Domains explored', count(a.domains.filter((d) => d.explored).length, 'domain')],
    ['Timeline events', count(a.timeline.length, 'event')],
  ],
  evidence: (a) => [['Evidence items', count(a.evidence.length, 'item')]],
  analysis: (a) => [
    ['Analysis', short(a.analysis)],
    ['Adverse points', count(a.adversePoints.length, 'point')],
  ],
  mindedTo: (a) => [
    ['Held on', a.mindedTo?.heldOn ? formatInstant(a.mindedTo.heldOn) : a.mindedTo?.notHeldReason ? `Not held: ${short(a.mindedTo.notHeldReason)}` : none],
    ['Provisional view', short(a.mindedTo?.provisionalView)],
  ],
  decision: (a) =>
    a.decision
      ? [
          ['Outcome', a.decision.outcome === 'child' ? 'A child' : 'An adult'],
          ['Assessed age', a.decision.ageLow === a.decision.ageHigh ? String(a.decision.ageLow) : `${a.decision.ageLow} to ${a.decision.ageHigh}`],
          ['Date of birth', formatDate(a.decision.dateOfBirth)],
          ['Decided on', formatInstant(a.decision.decidedOn)],
          ['Reasons', count(a.decision.reasons.length, 'reason')],
        ]
      : [['Decision', none]],
  sharing: (a) => [
    ['How to challenge it given', yes(a.sharing.challengeRouteGiven)],
    ['Copies given', count(a.sharing.copies.length, 'copy', 'copies')],
  ],
};
