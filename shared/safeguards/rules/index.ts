import type { Rule } from '../types';
import { presentationRules } from './presentation';
import { traffickingRules } from './trafficking';
import { planningRules } from './planning';
import { explainingRules } from './explaining';
import { sessionRules } from './sessions';
import { evidenceRules } from './evidence';
import { analysisRules } from './analysis';
import { decisionRules } from './decision';
import { sharingRules } from './sharing';
import { dateRules } from './dates';
import { wordingRules } from './wording';

/** Every implemented rule, sorted by id. AA-31 and AA-43 are met elsewhere (docs/safeguards.md). */
export const rules: readonly Rule[] = [
  ...presentationRules,
  ...traffickingRules,
  ...planningRules,
  ...explainingRules,
  ...sessionRules,
  ...evidenceRules,
  ...analysisRules,
  ...decisionRules,
  ...sharingRules,
  ...dateRules,
  ...wordingRules,
].sort((x, y) => x.id.localeCompare(y.id));

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

/** Checklist items enforced outside this engine, with where. */
export const rulesElsewhere: Readonly<Record<string, string>> = {
  'AA-31': 'Enforced by the store: a signed record is locked and changes only by an audited addendum (electron/store).',
  'AA-43': 'Not a check on one assessment: `carefile outcomes` exports every outcome, its departures, unmet safeguards, manager review and new information after the decision, for audit and learning (electron/quality).',
};
