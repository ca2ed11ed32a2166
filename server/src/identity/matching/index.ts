/** The identity-resolution matching engine: pure functions over person records, no database. */
export type { NormalisedPerson, PersonRecord, PostalAddress } from './person.js';
export { normalisePerson } from './normalise-person.js';
export { COMPARISONS, type FieldName } from './comparisons.js';
export { priorModel, type FieldParameters, type MatchModel } from './model.js';
export { DEFAULT_THRESHOLDS, type Decision, type Evidence, type ScoredPair, type Thresholds } from './scoring.js';
export { createMatcher, type Matcher, type MatcherOptions } from './matcher.js';
export { resolveAll, type Resolution, type ResolveOptions } from './resolve-all.js';
export { refineModel, type LabelledPair } from './refine.js';
export { blockingKeys } from './blocking.js';
export { arrivalKeys } from './arrival-keys.js';
export { canonicalEmail, canonicalHandle } from './normalise-person.js';
export { scoreCandidates, scoreNormalisedCandidates } from './score-candidates.js';
