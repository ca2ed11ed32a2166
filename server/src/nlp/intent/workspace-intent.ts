// Per-workspace learning from agents' corrections. The state is plain JSON the caller stores per
// workspace: the corrected messages themselves (capped in number and length), not derived counts,
// so that it stays readable, survives changes to the feature hashing, and can be audited.

import { isIntentLabel, type IntentLabel } from './intent-labels.js';
import { builtInIntentCounts } from './built-in-intent.js';
import { addExamples, copyCounts, deriveModel, type IntentModel } from './intent-model.js';

/** Corrections kept per workspace; the oldest go first. Bounds the stored state to about 250 kB. */
export const MAX_CORRECTIONS = 500;
/** Characters kept of a corrected message: enough for its wording, small enough to store. */
export const MAX_CORRECTION_CHARS = 500;
/**
 * How many seed examples one correction is worth: an agent's correction is about this workspace's
 * own customers and products, so a handful must outweigh the generic seed set for similar messages.
 */
export const CORRECTION_WEIGHT = 8;

export interface IntentCorrection {
  readonly text: string;
  readonly intent: IntentLabel;
}

export interface IntentLearningState {
  readonly version: 1;
  readonly corrections: readonly IntentCorrection[];
}

export function emptyIntentLearningState(): IntentLearningState {
  return { version: 1, corrections: [] };
}

/** The state after an agent said `text` has intent `intent`; a later correction of the same text wins. */
export function learnIntent(state: IntentLearningState | undefined, text: string, intent: IntentLabel): IntentLearningState {
  const current = state ?? emptyIntentLearningState();
  const kept = text.trim().slice(0, MAX_CORRECTION_CHARS);
  if (kept === '') return current;
  const others = current.corrections.filter((correction) => correction.text !== kept);
  return { version: 1, corrections: [...others, { text: kept, intent }].slice(-MAX_CORRECTIONS) };
}

/**
 * The built-in model plus this workspace's corrections. Takes a few milliseconds; the model holds about 200 kB:
 * cache the result per workspace. A stored state is read defensively (see readIntentLearningState).
 */
export function workspaceIntentModel(state: IntentLearningState): IntentModel {
  const counts = copyCounts(builtInIntentCounts);
  addExamples(counts, readIntentLearningState(state).corrections, CORRECTION_WEIGHT);
  return deriveModel(counts);
}

/** Reads a stored state, dropping whatever is malformed, so a bad row never breaks classification. */
export function readIntentLearningState(value: unknown): IntentLearningState {
  if (typeof value !== 'object' || value === null || !('corrections' in value) || !Array.isArray(value.corrections)) {
    return emptyIntentLearningState();
  }
  const corrections = (value.corrections as unknown[]).flatMap((item): IntentCorrection[] => {
    if (typeof item !== 'object' || item === null || !('text' in item) || !('intent' in item)) return [];
    const { text, intent } = item;
    if (typeof text !== 'string' || text.trim() === '' || !isIntentLabel(intent)) return [];
    return [{ text: text.slice(0, MAX_CORRECTION_CHARS), intent }];
  });
  return { version: 1, corrections: corrections.slice(-MAX_CORRECTIONS) };
}
