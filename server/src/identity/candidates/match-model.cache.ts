/**
 * Each workspace's fitted model, kept in this process by the time it was fitted. Reading and
 * parsing the stored model cost more than scoring one arriving identity; the fit time, read with
 * the arrival's other data, tells whether the copy here is still the stored one. Bounded: the
 * least recently fitted-or-read workspaces are forgotten first.
 */
import type { MatchModel } from '../matching/index.js';

const MAX_WORKSPACES = 1_000;

const models = new Map<string, { fittedAt: number; model: MatchModel }>();

export function cachedModel(workspaceId: string, fittedAt: Date): MatchModel | null {
  const entry = models.get(workspaceId);
  if (entry?.fittedAt !== fittedAt.getTime()) return null;
  // Map order is insertion order: moving the entry to the end keeps busy workspaces.
  models.delete(workspaceId);
  models.set(workspaceId, entry);
  return entry.model;
}

export function rememberModel(workspaceId: string, fittedAt: Date, model: MatchModel): void {
  models.delete(workspaceId);
  models.set(workspaceId, { fittedAt: fittedAt.getTime(), model: Object.freeze(model) });
  if (models.size > MAX_WORKSPACES) models.delete(models.keys().next().value!);
}
