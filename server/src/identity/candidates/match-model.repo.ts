/** Reads a workspace's fitted matching model; a missing or malformed one means the engine's prior. */
import type { Queryable } from '../../platform/db/db.js';
import { COMPARISONS, priorModel, type MatchModel } from '../matching/index.js';
import { cachedModel, rememberModel } from './match-model.cache.js';

/** The prior for every arrival in a workspace without a fitted model, built once: scoring only reads it. */
const PRIOR: MatchModel = Object.freeze(priorModel());

function isModel(value: unknown): value is MatchModel {
  const model = value as Partial<MatchModel> | null;
  return (
    typeof model?.lambda === 'number' &&
    Array.isArray(model.fields) &&
    model.fields.length === COMPARISONS.length &&
    model.fields.every(
      (field, index) =>
        Array.isArray(field?.m) &&
        Array.isArray(field.u) &&
        field.m.length === COMPARISONS[index]!.levels.length &&
        field.u.length === field.m.length,
    )
  );
}

export async function workspaceModel(db: Queryable, workspaceId: string): Promise<MatchModel> {
  const { rows } = await db.query<{ model: unknown }>('SELECT model FROM identity_match_models WHERE workspace_id = $1', [workspaceId]);
  const stored = rows[0]?.model;
  return isModel(stored) ? stored : priorModel();
}

/**
 * The model fitted at `fittedAt` (read by the caller in its own query; none means no model yet),
 * from this process's cache when it holds that fit, else read once and cached: matching on arrival
 * then costs no query and no JSON parse for the model. A re-fit changes `fitted_at`, so every
 * server process reads the new model on its next arrival.
 */
export async function workspaceModelFittedAt(db: Queryable, workspaceId: string, fittedAt: Date | null): Promise<MatchModel> {
  if (fittedAt === null) return PRIOR;
  const cached = cachedModel(workspaceId, fittedAt);
  if (cached) return cached;
  const { rows } = await db.query<{ model: unknown; fittedAt: Date }>(
    'SELECT model, fitted_at AS "fittedAt" FROM identity_match_models WHERE workspace_id = $1',
    [workspaceId],
  );
  const row = rows[0];
  if (!row) return PRIOR;
  const model = isModel(row.model) ? row.model : PRIOR;
  rememberModel(workspaceId, row.fittedAt, model);
  return model;
}
