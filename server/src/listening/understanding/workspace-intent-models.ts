/**
 * Each workspace's intent model: the built-in one plus what the workspace's corrections taught it,
 * kept per process and reloaded only when the stored version moved (one small query per batch).
 */
import type { IntentLearningState, IntentModel } from '../../nlp/intent/intent.js';
import type { Queryable } from '../../platform/db/db.js';
import { loadModel, modelVersion } from './intent-model.repo.js';
import { loadIntent } from './text-understanding.js';

const models = new Map<string, { version: number; model: IntentModel }>();

export async function refreshIntentModel(db: Queryable, workspaceId: string): Promise<IntentModel | undefined> {
  const version = await modelVersion(db, workspaceId);
  const cached = models.get(workspaceId);
  if (cached?.version === version) return cached.model;
  if (version === 0) {
    models.delete(workspaceId);
    return undefined;
  }
  const stored = await loadModel<IntentLearningState>(db, workspaceId);
  if (!stored) return undefined;
  const { readIntentLearningState, workspaceIntentModel } = await loadIntent();
  const model = workspaceIntentModel(readIntentLearningState(stored.state));
  models.set(workspaceId, { version: stored.version, model });
  return model;
}

/** The model last loaded for the workspace; undefined means the built-in one. */
export const cachedIntentModel = (workspaceId: string): IntentModel | undefined => models.get(workspaceId)?.model;
