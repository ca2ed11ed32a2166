// The built-in intent model, trained at load from the seed set (a few milliseconds).

import { addExamples, deriveModel, emptyIntentCounts, type IntentCounts, type IntentModel } from './intent-model.js';
import { seedExamples } from './seed-examples.js';

const counts: IntentCounts = emptyIntentCounts();
addExamples(counts, seedExamples);

/** The seed set's counts; workspace models start from a copy of them. */
export const builtInIntentCounts: Readonly<IntentCounts> = counts;
export const builtInIntentModel: IntentModel = deriveModel(counts);
