/**
 * Reads a part of a message as the enricher reads a whole one: sentiment, and intent with the
 * workspace's learned model. Null until this process has loaded the text understanding (the
 * enricher loads it before a batch's first message; retroactive matching loads it itself).
 */
import { analysisIfLoaded } from '../understanding/text-understanding.js';
import { cachedIntentModel } from '../understanding/workspace-intent-models.js';
import type { ReadPart } from './subject-readings.js';

export function partReader(workspaceId: string): ReadPart | null {
  const analysis = analysisIfLoaded();
  if (!analysis) return null;
  const model = cachedIntentModel(workspaceId);
  return (part) => analysis.sentimentAndIntent(part, model);
}
