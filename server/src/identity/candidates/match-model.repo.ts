/** Reads a workspace's fitted matching model; a missing or malformed one means the engine's prior. */
import type { Queryable } from '../../platform/db/db.js';
import { COMPARISONS, priorModel, type MatchModel } from '../matching/index.js';

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
