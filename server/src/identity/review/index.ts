/** The duplicate review queue and the full pass, as the rest of the identity domain and the CLI use them. */
export { markCandidateMerged, reopenCandidateAfterUnmerge } from './duplicate.service.js';
export { resolveWorkspace } from './full-pass.js';
export { duplicateRoutes } from './duplicate.routes.js';
export { clustersOf, contactPairPages, type ClusterMember, type ExportedPair } from './duplicate-export.js';
