/**
 * The new-assessment form's values, how they become the input of `assessments.create`, and the
 * resolver that checks them with that channel's shared schema (NewAssessmentInput, the one the main
 * side parses), so the form's messages are the main side's plain words. Kept apart from the screen
 * so it is tested without drawing it (tests/unit/renderer/forms-layer.test.ts).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import type { InputOf } from '../../../shared/contract';
import { NewAssessmentInput } from '../../../shared/contract/assessment';
import { instantFromLocal } from '../forms/values';
import { emptyDateAsTold, toDateAsTold, type DateAsToldValue } from '../forms/DateAsToldInput';

export type CreateInput = InputOf<'assessments.create'>;

export interface NewAssessmentValues {
  reference: string;
  nameLatin: string;
  nameOwnScript: string;
  statedAge: string;
  dob: DateAsToldValue;
  nationality: string;
  nationalityCode?: string;
  language: string;
  languageCode?: string;
  arrival: string;
  route: 'council' | 'naab-referral';
  reasonForDoubt: string;
}

/**
 * The draft's key. The form's shape is the one the older hand-written form kept under this key,
 * so a draft typed before this form existed is still restored.
 */
export const DRAFT_KEY = 'form';

export const blankNewAssessment = (): NewAssessmentValues => ({ reference: '', nameLatin: '', nameOwnScript: '', statedAge: '', dob: emptyDateAsTold(), nationality: '', nationalityCode: undefined, language: '', languageCode: undefined, arrival: '', route: 'council', reasonForDoubt: '' });

/** The form's values as the channel's input, before the shared schema checks them. */
export function toInput(f: NewAssessmentValues): CreateInput {
  return {
    reference: f.reference,
    nameLatin: f.nameLatin,
    nameOwnScript: f.nameOwnScript || undefined,
    // A number field gives '' for anything that is not a number; a fraction is left for the schema to refuse.
    statedAge: f.statedAge.trim() === '' ? undefined : Number(f.statedAge),
    statedDob: toDateAsTold(f.dob),
    nationality: f.nationality || undefined,
    nationalityCode: f.nationalityCode,
    language: f.language || undefined,
    languageCode: f.languageCode,
    arrivalInUk: instantFromLocal(f.arrival),
    route: f.route,
    reasonForDoubt: f.reasonForDoubt || undefined,
  };
}

/** The form's values as the channel's input, checked by the channel's own schema. */
export function newAssessmentResolver(): Resolver<NewAssessmentValues, unknown, CreateInput> {
  return zodResolver(z.custom<NewAssessmentValues>().transform(toInput).pipe(NewAssessmentInput)) as Resolver<NewAssessmentValues, unknown, CreateInput>;
}
