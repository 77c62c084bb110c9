export { evaluate, stageGate, blocking, departures, type GateResult } from './engine';
export { presumption, presumptionFacts, presumptionFromFacts, ageOnIsoDay, type Presumption, type PresumptionFacts } from './presumption';
export { rules, ruleById, rulesElsewhere } from './rules/index';
export { observationReliance } from './rules/analysis';
export { findingsByRule, type FindingsOfRule } from './byRule';
export { defaultThresholds, type Finding, type Rule, type Severity, type Thresholds, type EvaluateOptions } from './types';
export { assessorTexts, wordingFindings } from './rules/wording';
export { longestStretch } from './rules/sessions';
