/**
 * The status every screen and every PDF shows: until a lawful decision the young person is
 * treated as their stated age (AA-02); trafficking indicators bring the s.51 presumption (AA-03, AA-42).
 */
import type { Assessment } from '../domain/model';
import { ageOn, ageRangeOn, isoDateOfInstant, periodOf } from '../domain/calendars';
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

function statedAge(a: Assessment, on: string): number | undefined {
  if (a.youngPerson.statedAge !== undefined) return a.youngPerson.statedAge;
  const dob = a.youngPerson.statedDateOfBirth;
  if (!dob) return undefined;
  try {
    // A date told only to the month or year is a range: treated as the youngest age it allows.
    if (periodOf(dob).last > on) return undefined;
    return ageRangeOn(dob, on).low;
  } catch {
    return undefined;
  }
}

export function presumption(a: Assessment, now: Date | string = new Date()): Presumption {
  const nowIso = typeof now === 'string' ? now : now.toISOString();
  const d = finalDecision(a);
  if (d) {
    const on = isoDateOfInstant(d.decidedOn);
    const age = ageOn(d.dateOfBirth, on);
    const what = d.outcome === 'child' ? `a child aged ${age}` : `an adult aged ${age}`;
    return { kind: 'decided', status: `Decided on ${on}: ${what} (assessed range ${d.ageLow}–${d.ageHigh}; date of birth ${d.dateOfBirth})`, age, prompts: [] };
  }
  const age = statedAge(a, isoDateOfInstant(nowIso));
  if (age !== undefined && age >= 18 && !hasTraffickingIndicators(a)) {
    // An adult claimant who may be a child (a NAAB referral criterion): nothing to presume yet.
    return { kind: 'stated-age', status: `Stated age ${age}: an adult claimant whose age is being assessed`, age, prompts: [] };
  }
  const ageText = age === undefined ? 'a child (age not yet recorded)' : `a child aged ${age} (stated age)`;
  if (hasTraffickingIndicators(a)) {
    const t = a.trafficking;
    const prompts: string[] = [];
    if (!t.s51PresumptionApplied) prompts.push('Record that the s.51 presumption is applied.');
    if (!t.childrensServicesInformed) prompts.push("Inform children's services and record the date.");
    if (!t.policeInformed) prompts.push('Inform the police and record the date.');
    if (!t.nrmReferral) prompts.push('Make the National Referral Mechanism referral (no consent needed for a child).');
    if (!t.guardianReferral) prompts.push('Refer to the Independent Child Trafficking Guardian service.');
    if (!t.missingFromCarePlan) prompts.push('Agree a missing-from-care plan (AA-42).');
    return {
      kind: 's51',
      status: `Presumed under 18 (Modern Slavery Act 2015 s.51, trafficking indicators): treated as ${ageText} until age is determined`,
      age,
      prompts,
    };
  }
  return { kind: 'stated-age', status: `Treated as ${ageText} until a lawful decision`, age, prompts: [] };
}
