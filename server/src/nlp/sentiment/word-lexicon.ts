/**
 * The word and emoticon valences the scorer looks up: the VADER lexicon (Hutto & Gilbert 2014, MIT),
 * read once at module load from the `vader-sentiment` package, plus the social slang and the words of
 * service failures it lacks.
 * Valences are on VADER's scale, -4 (most negative) to +4 (most positive).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serviceValences } from './service-words.js';
import { slangValences } from './slang.js';

const require = createRequire(import.meta.url);

/** Parses lines of `token <TAB> mean valence <TAB> ...`; a later line for the same token wins, as in the reference. */
function parseValenceLexicon(source: string): Map<string, number> {
  const lexicon = new Map<string, number>();
  for (const line of source.split('\n')) {
    const firstTab = line.indexOf('\t');
    if (firstTab <= 0) continue;
    const secondTab = line.indexOf('\t', firstTab + 1);
    const valence = Number(line.slice(firstTab + 1, secondTab === -1 ? undefined : secondTab));
    if (Number.isFinite(valence)) lexicon.set(line.slice(0, firstTab), valence);
  }
  return lexicon;
}

function loadWordLexicon(): Map<string, number> {
  const lexicon = parseValenceLexicon(readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8'));
  if (lexicon.size < 7000) throw new Error(`the VADER lexicon looks truncated (${lexicon.size} entries)`);
  for (const [token, valence] of [...slangValences, ...serviceValences]) lexicon.set(token, valence);
  return lexicon;
}

/** Keys are as in the lexicon: words in lower case, emoticons as written (`:)`, `:D`, `<3`). */
export const wordValences: ReadonlyMap<string, number> = loadWordLexicon();
