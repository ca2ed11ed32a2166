/** The identity domain as other domains see it. */
export { findIdentity, type SocialIdentity } from './identity.repo.js';
export { identitySettingsOf } from './settings/identity-settings.service.js';
export {
  clustersOf,
  contactPairPages,
  markCandidateMerged,
  reopenCandidateAfterUnmerge,
  resolveWorkspace,
  type ClusterMember,
  type ExportedPair,
} from './review/index.js';
export { contactPerson, identityPerson, qualifiedHandle, type MatchableContact, type MatchableIdentity } from './people.js';
export { contactKeys, refreshContactKeys } from './keys/contact-keys.js';
export { syncContacts } from './keys/contact-sync.js';
export { upsertCandidates, type CandidateInput } from './candidates/candidate.repo.js';
export { linkIdentity, unlinkIdentity } from './links/link.service.js';
export { contactForIdentity, type WantedContact } from './links/identity-contact.js';
export { matchArrivedIdentities, type SeenIdentity } from './arrival/match-identities.js';
export { listMerges, mergeContacts, previewMerge } from './merges/merge.service.js';
export { unmergeContacts } from './merges/unmerge.service.js';
