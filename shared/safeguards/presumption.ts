/**
 * The status every screen and every PDF shows: until a lawful decision the young person is
 * treated as their stated age (AA-02); trafficking indicators bring the s.51 presumption (AA-03, AA-42).
 *
 * Split in two so the case list can say it without loading each assessment: `presumptionFacts`
 * reads what the status depends on (once, at save: the store keeps it in the assessment's
 * summary), and `presumptionFromFacts` says it on a given day with plain date arithmetic.
 */
import type { Assessment } from '../domain/model';
import { ageOn, isoDateOfInstant, periodOf } from '../domain/calendars';
import { finalDecision, hasTraffickingIndicators } from './helpers';

export interface Presumption {
  kind: 'decided' | 's51' | 'stated-age';
  /** One line for headers and the PDF. */
  status: string;
  /** The age treated as, when known. */
  age?: number;
  /** Actions still owed (s.51 referrals, missing-from-care plan). */
  prompts: string[];
}

/** What the presumption depends on besides the day: plain data (JSON), kept in the summary. */
export interface PresumptionFacts {
  /** Once decided, the presumption no longer moves with time: kept whole. */
  decided?: Presumption;
  statedAge?: number;
  /** The last ISO day of the stated date of birth's period (its youngest reading); absent when unreadable. */
  statedDobLast?: string;
  /** Present when there are trafficking indicators: which of the s.51 steps are recorded. */
  trafficking?: { s51: boolean; childrensServices: boolean; police: boolean; nrm: boolean; guardian: boolean; missingPlan: boolean };
}

export function presumptionFacts(a: Assessment): PresumptionFacts {
  const d = finalDecision(a);
  if (d) {
    const on = isoDateOfInstant(d.decidedOn);
    const age = ageOn(d.dateOfBirth, on);
    const what = d.outcome === 'child' ? `a child aged ${age}` : `an adult aged ${age}`;
    return { decided: { kind: 'decided', status: `Decided on ${on}: ${what} (assessed range ${d.ageLow}–${d.ageHigh}; date of birth ${d.dateOfBirth})`, age, prompts: [] } };
  }
  const facts: PresumptionFacts = {};
  if (a.youngPerson.statedAge !== undefined) facts.statedAge = a.youngPerson.statedAge;
  else if (a.youngPerson.statedDateOfBirth) {
    try {
      facts.statedDobLast = periodOf(a.youngPerson.statedDateOfBirth).last;
    } catch {
      // an impossible date tells no age
    }
  }
  if (hasTraffickingIndicators(a)) {
    const t = a.trafficking;
    facts.trafficking = {
      s51: t.s51PresumptionApplied,
      childrensServices: !!t.childrensServicesInformed,
      police: !!t.policeInformed,
      nrm: !!t.nrmReferral,
      guardian: !!t.guardianReferral,
      missingPlan: !!t.missingFromCarePlan,
    };
  }
  return facts;
}

/**
 * Whole years from one ISO day to another, by comparing year and then month-day: someone born on
 * 29 February turns a year older on 1 March in common years, as English law (and Temporal's
 * `until`, used by `ageOn`) has it. Plain string arithmetic, so a list of thousands costs nothing.
 */
export function ageOnIsoDay(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** The presumption on `today` (an ISO day, UK time) from its facts. */
export function presumptionFromFacts(f: PresumptionFacts, today: string): Presumption {
  if (f.decided) return f.decided;
  // A date told only to the month or year is a range: treated as the youngest age it allows.
  const age = f.statedAge ?? (f.statedDobLast !== undefined && f.statedDobLast <= today ? ageOnIsoDay(f.statedDobLast, today) : undefined);
  if (age !== undefined && age >= 18 && !f.trafficking) {
    // An adult claimant who may be a child (a NAAB referral criterion): nothing to presume yet.
    return { kind: 'stated-age', status: `Stated age ${age}: an adult claimant whose age is being assessed`, age, prompts: [] };
  }
  const ageText = age === undefined ? 'a child (age not yet recorded)' : `a child aged ${age} (stated age)`;
  const t = f.trafficking;
  if (t) {
    const prompts: string[] = [];
    if (!t.s51) prompts.push('Record that the s.51 presumption is applied.');
    if (!t.childrensServices) prompts.push("Inform children's services and record the date.");
    if (!t.police) prompts.push('Inform the police and record the date.');
    if (!t.nrm) prompts.push('Make the National Referral Mechanism referral (no consent needed for a child).');
    if (!t.guardian) prompts.push('Refer to the Independent Child Trafficking Guardian service.');
    if (!t.missingPlan) prompts.push('Agree a missing-from-care plan (AA-42).');
    return {
      kind: 's51',
      status: `Presumed under 18 (Modern Slavery Act 2015 s.51, trafficking indicators): treated as ${ageText} until age is determined`,
      age,
      prompts,
    };
  }
  return { kind: 'stated-age', status: `Treated as ${ageText} until a lawful decision`, age, prompts: [] };
}

export function presumption(a: Assessment, now: Date | string = new Date()): Presumption {
  const nowIso = typeof now === 'string' ? now : now.toISOString();
  return presumptionFromFacts(presumptionFacts(a), isoDateOfInstant(nowIso));
}
