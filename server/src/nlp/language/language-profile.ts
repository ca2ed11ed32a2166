// The shape of one trained language profile (see language-profiles.data.ts).

import type { Script } from './script.js';

export interface LanguageProfile {
  /** ISO 639-1 code. */
  readonly language: string;
  readonly script: Script;
  /** Trigrams counted in the training text, so counts can become probabilities. */
  readonly gramTotal: number;
  /** The most frequent trigrams, one `gram<TAB>count` a line, most frequent first. */
  readonly grams: string;
  /** Words counted in the training text. */
  readonly wordTotal: number;
  /** The most frequent whole words, one `word<TAB>count` a line. */
  readonly words: string;
}
