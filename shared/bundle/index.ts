export { canonicalJson, stableJson } from './canonical';
export { AssessmentBundle, BUNDLE_FORMAT, BUNDLE_VERSION, bundleJsonSchema } from './schema';
export { assessmentReferenceErrors, parseBundle, type BundleError, type ParseBundleResult } from './parse';
export { upgradeLegacyAssessment } from './legacy';
export { splitSignature, type SignedSplit } from './signed';
