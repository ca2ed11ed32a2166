/** The relationship domain as other domains see it: scoring a workspace (the demo seed does). */
export { recomputeWorkspaceScores } from './score.service.js';
