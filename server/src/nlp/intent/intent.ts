// Intent classification of a message with the built-in model or with a workspace's model that has
// learned from its agents' corrections. What other domains use of intent is exported from here.

import { builtInIntentModel } from './built-in-intent.js';
import { classifyWithModel, likeliestIntent, type IntentModel, type IntentResult } from './intent-model.js';

export { INTENT_LABELS, isIntentLabel, type IntentLabel } from './intent-labels.js';
export type { IntentModel, IntentResult } from './intent-model.js';
export {
  emptyIntentLearningState,
  learnIntent,
  readIntentLearningState,
  workspaceIntentModel,
  type IntentCorrection,
  type IntentLearningState,
} from './workspace-intent.js';

// Local alias: a loader that turns imports into property reads would pay a lookup per call.
const classify = classifyWithModel;
const likeliest = likeliestIntent;

export function classifyIntent(text: string, model: IntentModel = builtInIntentModel): IntentResult {
  return classify(text, model);
}

/** The intent and its probability without the other intents' scores, which cost an object per message. */
export function mainIntent(text: string, model: IntentModel = builtInIntentModel): Pick<IntentResult, 'intent' | 'confidence'> {
  return likeliest(text, model);
}
