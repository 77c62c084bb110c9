import type { Assessment, EvidenceItem, EvidenceKind, Participant, SafeguardId } from '../domain/model';
import type { Hit } from './types';
import { saysWhy } from './reasons';
import { ageOn, isoDateOfInstant } from '../domain/calendars';

export const hit = (message: string, path?: string, remedy?: string): Hit => ({ message, path, remedy });

export const blank = (s: string | undefined | null): boolean => s === undefined || s === null || s.trim() === '';

export function evidenceById(a: Assessment): Map<string, EvidenceItem> {
  return new Map(a.evidence.map((e) => [e.id, e]));
}

export const participantsWithRole = (a: Assessment, role: Participant['role']): Participant[] =>
  a.participants.filter((p) => p.role === role);

export const OBSERVATION_KINDS: ReadonlySet<EvidenceKind> = new Set(['appearance', 'demeanour']);
export const DOCUMENT_KINDS: ReadonlySet<EvidenceKind> = new Set(['identity-document', 'other-document']);
export const PRIOR_KINDS: ReadonlySet<EvidenceKind> = new Set(['prior-assessment', 'home-office-information']);

/** Kinds of the evidence a list of ids cites (unknown ids are skipped; AA-26 reports them). */
export function kindsCited(a: Assessment, ids: readonly string[]): EvidenceKind[] {
  const byId = evidenceById(a);
  return ids.flatMap((id) => {
    const e = byId.get(id);
    return e ? [e.kind] : [];
  });
}

/** The log entry for a safeguard (the latest, if recorded twice). */
export function logEntry(a: Assessment, safeguard: SafeguardId) {
  const entries = a.safeguardLog.filter((e) => e.safeguard === safeguard);
  return entries.at(-1);
}

/**
 * A safeguard recorded as not used, with a reason that says why: the documented way of not using
 * it (HAM). A stock reason ("Not required") does not count (shared/safeguards/reasons.ts).
 */
export function notUsedWithReason(a: Assessment, safeguard: SafeguardId): boolean {
  const e = logEntry(a, safeguard);
  return e !== undefined && !e.used && saysWhy(e.reason);
}

export function englishIsFirstLanguage(a: Assessment): boolean {
  return a.youngPerson.languages.some((l) => l.firstLanguage && (l.code === 'eng' || /^english$/i.test(l.language.trim())));
}

/** The young person's recorded first language (the first one marked so). */
export const firstLanguage = (a: Assessment) => a.youngPerson.languages.find((l) => l.firstLanguage);

/**
 * Is the decision's finding older than the young person's stated age? Compared on the date the
 * age was stated (first contact), so time passing during the assessment does not count: the
 * decided date of birth gives an age then; an adult finding for someone who said they were a
 * child is always older. Without a stated age, the stated date of birth's earliest day is used.
 */
export function findingOlderThanStated(a: Assessment): boolean {
  const d = a.decision;
  if (!d) return false;
  const stated = a.youngPerson.statedAge;
  if (d.outcome === 'adult' && (stated === undefined || stated < 18)) return true;
  const on = isoDateOfInstant(a.youngPerson.firstContact ?? a.createdOn);
  if (stated !== undefined) {
    if (d.dateOfBirth > on) return false;
    return ageOn(d.dateOfBirth, on) > stated;
  }
  const from = a.youngPerson.statedDateOfBirth?.gregorianFrom ?? a.youngPerson.statedDateOfBirth?.gregorian;
  return from !== undefined && d.dateOfBirth < from;
}

export const hasTraffickingIndicators = (a: Assessment): boolean => a.trafficking.indicators.length > 0;

/** A decision is final once recorded with status decided or later. */
export function finalDecision(a: Assessment) {
  if (!a.decision) return undefined;
  return ['decided', 'signed', 'authorised'].includes(a.status) ? a.decision : undefined;
}
