// The built-in intent model, trained from the seed set on first use (a few milliseconds, but
// megabytes of memory that a server which never classifies a message should not hold).

import { addExamples, deriveModel, emptyIntentCounts, type IntentCounts, type IntentModel } from './intent-model.js';
import { seedExamples } from './seed-examples.js';

let counts: IntentCounts | undefined;
let model: IntentModel | undefined;

/** The seed set's counts; workspace models start from a copy of them. */
export function builtInIntentCounts(): Readonly<IntentCounts> {
  if (!counts) {
    counts = emptyIntentCounts();
    addExamples(counts, seedExamples);
  }
  return counts;
}

export function builtInIntentModel(): IntentModel {
  model ??= deriveModel(builtInIntentCounts());
  return model;
}
