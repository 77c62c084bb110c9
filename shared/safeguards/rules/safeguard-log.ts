/**
 * AA-44, read as a court would: the safeguard log must agree with the record. "Used" for a copy
 * given, a minded-to meeting, breaks, an interpreter or an appropriate adult is checked against
 * what the record holds (copies, mindedTo.heldOn, session breaks, who was present), and so is
 * "not used" where the record shows the safeguard was in fact used. A contradiction is a finding.
 */
import type { Assessment, SafeguardId } from '../../domain/model';
import type { Hit } from '../types';
import { hit, participantsWithRole } from '../helpers';

/** What the record itself shows about a safeguard, or undefined where it cannot tell. */
function recordShows(a: Assessment, s: SafeguardId): { used: boolean; evidence: string } | undefined {
  const presentIn = (role: 'interpreter' | 'appropriate-adult') => {
    const ids = new Set(participantsWithRole(a, role).map((p) => p.id));
    if (ids.size === 0) return { used: false, evidence: `no ${role === 'interpreter' ? 'interpreter' : 'appropriate adult'} is named among the participants` };
    if (a.sessions.length === 0) return undefined; // named, no session yet: the plan, not yet the fact
    const sessions = a.sessions.filter((x) => x.presentParticipantIds.some((id) => ids.has(id))).length;
    return sessions > 0
      ? { used: true, evidence: `present in ${sessions} of ${a.sessions.length} sessions` }
      : { used: false, evidence: `not recorded as present in any of the ${a.sessions.length} sessions` };
  };
  switch (s) {
    case 'copy-to-young-person': {
      const given = a.sharing.copies.some((c) => c.recipient === 'young-person');
      return { used: given, evidence: given ? 'a copy to the young person is recorded' : 'no copy to the young person is recorded (Sharing)' };
    }
    case 'minded-to-meeting':
      return a.mindedTo?.heldOn
        ? { used: true, evidence: `a minded-to meeting is recorded on ${a.mindedTo.heldOn.slice(0, 10)}` }
        : { used: false, evidence: 'no minded-to meeting date is recorded (Minded-to)' };
    case 'breaks': {
      if (a.sessions.length === 0) return undefined;
      const withBreaks = a.sessions.filter((x) => x.breaks.length > 0).length;
      return withBreaks > 0 ? { used: true, evidence: `breaks are recorded in ${withBreaks} sessions` } : { used: false, evidence: 'no session records a break' };
    }
    case 'interpreter':
      return presentIn('interpreter');
    case 'appropriate-adult':
      return presentIn('appropriate-adult');
    default:
      return undefined;
  }
}

/**
 * `sharingStarted`: a copy of the decision can only be given once the decision is signed (the
 * sharing stage), so before then a log that says the copy was "used" states the plan, not a
 * contradiction; from the sharing stage on it must be borne out by a copy recorded.
 */
export function logContradictions(a: Assessment, sharingStarted = true): Hit[] {
  const hits: Hit[] = [];
  const checked: SafeguardId[] = ['copy-to-young-person', 'minded-to-meeting', 'breaks', 'interpreter', 'appropriate-adult'];
  for (const s of checked) {
    const idx = a.safeguardLog.findLastIndex((e) => e.safeguard === s);
    if (idx < 0) continue;
    const entry = a.safeguardLog[idx]!;
    const shows = recordShows(a, s);
    if (!shows || shows.used === entry.used) continue;
    if (s === 'copy-to-young-person' && entry.used && !sharingStarted) continue;
    hits.push(
      hit(
        entry.used
          ? `The safeguard log says "${s}" was used, but the record does not show it: ${shows.evidence}.`
          : `The safeguard log says "${s}" was not used, but the record shows it was: ${shows.evidence}.`,
        `safeguardLog.${idx}.used`,
        'Make the safeguard log and the record agree: record what happened where it happened, or correct the log.',
      ),
    );
  }
  return hits;
}
